/** A post in Japanese is written as UTF-8, no larger than its text needs, with short descriptions. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MINIMAL_DATA, Project, post } from "./project.ts";

const SENTENCES = [
  "仮想化の歴史を振り返ると、ハイパーバイザーの設計は十年で大きく変わった。",
  "当時の記事では、準仮想化と完全仮想化のどちらが勝つのかがよく議論されていた。",
  "このアーカイブは、その議論を書かれたままの形で残すためのものだ。",
  "ブラウザ戦争もまた、同じ頃に新しい局面を迎えていた。",
];

/** About 18 KB of Japanese: a long first paragraph, then more. */
function japaneseBody(): { body: string; paragraphs: string[] } {
  const paragraphs: string[] = [];
  for (let p = 0; p < 12; p++) {
    const count = p === 0 ? 60 : 12;
    paragraphs.push(Array.from({ length: count }, (_, i) => SENTENCES[(p + i) % SENTENCES.length]).join(""));
  }
  return { body: `${paragraphs.join("\n\n")}\n`, paragraphs };
}

describe("a post in Japanese", () => {
  const { body, paragraphs } = japaneseBody();
  const project = new Project({
    ...MINIMAL_DATA,
    "_data/site.yaml": "title: アーカイブ\nurl: https://example.org\ntimezone: Asia/Tokyo\npublisher: Test Publisher\nlanguage: ja\n",
    "posts/main/2008/kasouka.md": post('title: 仮想化の十年\ndate: "2008-06-24"', body),
  });

  it("is written as UTF-8 text, once in the page, with descriptions cut short at a word", () => {
    const build = project.build();
    assert.equal(build.status, 0, build.output);
    const page = project.read("main/2008/06/kasouka/index.html");
    const textBytes = Buffer.byteLength(body);
    assert.ok(textBytes > 15_000, `${textBytes} bytes of text`);
    for (const paragraph of paragraphs) assert.ok(page.includes(paragraph), "each paragraph as the author wrote it");
    assert.doesNotMatch(page, /&#\d{4,};/, "no characters written as references");
    // The text once, plus the page around it (navigation, sidebars, head): never the text three times over.
    const pageBytes = Buffer.byteLength(page);
    assert.ok(pageBytes < textBytes + 20_000, `${pageBytes} bytes for ${textBytes} bytes of text`);
    const descriptions = [...page.matchAll(/<meta (?:name="description"|property="og:description") content="([^"]*)"/g)].map((m) => m[1] ?? "");
    assert.equal(descriptions.length, 2, "description and og:description");
    for (const description of descriptions) {
      assert.ok(description.length > 40 && description.length <= 281, `${description.length} characters`);
      assert.ok(paragraphs[0]?.startsWith(description.replace(/…$/, "")), "the start of the first paragraph");
    }
    const feed = project.read("feed.xml");
    assert.ok(feed.includes(SENTENCES[0] ?? ""), "the feed carries the text as written");
    assert.doesNotMatch(feed, /&#\d{4,};/);
  });
});
