/** Issue 12: a post written by several authors. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { HtmlValidate, type ConfigData } from "html-validate";
import { MINIMAL_DATA, Project, REPO, post } from "./project.ts";

const DATA = {
  ...MINIMAL_DATA,
  "_data/authors.yaml": "ann:\n  name: Ann Author\nbob:\n  name: Bob Writer\n  bio: Bob writes about storage.\ncy:\n  name: Cy Coder\n",
};

/** The sidebar box(es) of class `kind`, each box's text. */
function boxes(html: string, kind: string): string[] {
  return [...html.matchAll(new RegExp(`<section class="widget ${kind}"[^>]*>(.*?)</section>`, "gs"))].map((m) => m[1] ?? "");
}

function jsonLd(html: string): Record<string, unknown> {
  const block = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
  assert.ok(block, "the page has JSON-LD");
  return JSON.parse(block) as Record<string, unknown>;
}

describe("a co-written post", () => {
  const project = new Project({
    ...DATA,
    "posts/main/2008/solo-bob.md": post('title: Bob Alone\ndate: "2008-05-01"\nauthor: bob'),
    "posts/main/2008/together.md": post('title: Written Together\ndate: "2008-06-01"\nauthor: [ann, bob]', "Two heads.\n"),
    "posts/main/2008/three.md": post('title: Three Of Us\ndate: "2008-07-01"\nauthor:\n  - cy\n  - ann\n  - bob'),
    "posts/main/2008/later-ann.md": post('title: Ann Later\ndate: "2008-08-01"'),
    "posts/main/pages/about.md": post("title: About\nauthor: [bob, cy]", "Who we are.\n"),
  });
  const result = project.build();

  it("builds", () => assert.equal(result.status, 0, result.output));

  it("names every author in the byline, each linked", () => {
    const html = project.read("main/2008/06/together/index.html");
    assert.match(html, /By <a href="\/authors\/ann\/" rel="author">Ann Author<\/a> and <a href="\/authors\/bob\/" rel="author">Bob Writer<\/a> in/);
    const three = project.read("main/2008/07/three/index.html");
    assert.match(three, /Cy Coder<\/a>, <a href="\/authors\/ann\/" rel="author">Ann Author<\/a>, and <a href="\/authors\/bob\/"/);
    // One card per author, with unique heading ids.
    assert.match(html, /id="about-author">About Ann Author/);
    assert.match(html, /id="about-author-2">About Bob Writer/);
    assert.match(html, /Bob writes about storage\./);
  });

  it("is on both authors' pages and in the lists with both names", () => {
    assert.match(project.read("authors/ann/index.html"), /Written Together/);
    assert.match(project.read("authors/bob/index.html"), /Written Together/);
    assert.doesNotMatch(project.read("authors/cy/index.html"), /Written Together/);
    assert.match(project.read("index.html"), /Ann Author and Bob Writer ·/);
  });

  it("is in each author's recent posts, and its page lists each author's", () => {
    const later = boxes(project.read("main/2008/08/later-ann/index.html"), "recent-posts");
    assert.equal(later.length, 1);
    assert.match(later[0] ?? "", /Three Of Us/);
    assert.match(later[0] ?? "", /Written Together/);
    const three = boxes(project.read("main/2008/07/three/index.html"), "recent-posts");
    // Cy has no earlier posts; Ann's and Bob's lists follow.
    assert.equal(three.length, 2);
    assert.match(three[0] ?? "", /Ann Author(’|&#8217;)s recent posts/);
    assert.match(three[1] ?? "", /Bob Writer(’|&#8217;)s recent posts.*Written Together.*Bob Alone/s);
  });

  it("names a standalone page's authors too", () => {
    assert.match(project.read("main/about/index.html"), /<span class="p-author">Bob Writer and Cy Coder<\/span>/);
  });

  it("carries every author in the feeds", () => {
    const atom = project.read("feed.xml");
    const entry = atom.split("<entry>").find((part) => part.includes("Written Together")) ?? "";
    assert.deepEqual([...entry.matchAll(/<author>\s*<name>([^<]*)<\/name>/g)].map((m) => m[1]), ["Ann Author", "Bob Writer"]);
    const json = JSON.parse(project.read("feed.json")) as { items: { title: string; authors: { name: string; url: string }[] }[] };
    assert.deepEqual(json.items.find((item) => item.title === "Written Together")?.authors, [
      { name: "Ann Author", url: "https://example.org/authors/ann/" },
      { name: "Bob Writer", url: "https://example.org/authors/bob/" },
    ]);
  });

  it("names every author in JSON-LD, as an array of Persons", () => {
    const ld = jsonLd(project.read("main/2008/06/together/index.html"));
    assert.deepEqual(ld.author, [
      { "@type": "Person", name: "Ann Author", url: "https://example.org/authors/ann/" },
      { "@type": "Person", name: "Bob Writer", url: "https://example.org/authors/bob/" },
    ]);
    // A post by one author keeps the one Person.
    assert.deepEqual(jsonLd(project.read("main/2008/08/later-ann/index.html")).author, { "@type": "Person", name: "Ann Author", url: "https://example.org/authors/ann/" });
  });

  it("is valid HTML, with one id per heading", async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(REPO, ".htmlvalidate.json"), "utf8")) as ConfigData);
    for (const page of ["main/2008/06/together/index.html", "main/2008/07/three/index.html"]) {
      const report = await validator.validateString(project.read(page));
      assert.deepEqual(report.results.flatMap((r) => r.messages.map((m) => `${m.message} (${m.ruleId})`)), [], page);
    }
  });

  it("keeps bylines out of the search text", () => {
    const html = project.read("main/2008/06/together/index.html");
    assert.match(html, /<div class="post-meta" data-pagefind-ignore(="")?>\s*<p class="byline">By <a href="\/authors\/ann\/"/);
  });
});

describe("a bad author list fails the build", () => {
  it("names the file, line and entry of unknown and repeated ids and of an empty list", () => {
    const project = new Project({
      ...DATA,
      "posts/main/2008/typo.md": post('title: Typo\ndate: "2008-06-01"\nauthor:\n  - ann\n  - bbo'),
      "posts/main/2008/twice.md": post('title: Twice\ndate: "2008-06-02"\nauthor: [bob, bob]'),
      "posts/main/2008/empty.md": post('title: Empty\ndate: "2008-06-03"\nauthor: []'),
    });
    const result = project.build();
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /posts\/main\/2008\/typo\.md:6: author\.1: unknown author "bbo" \(did you mean "bob"\?\)/);
    assert.match(result.stderr, /posts\/main\/2008\/twice\.md:4: author\.1: "bob" is named twice/);
    assert.match(result.stderr, /posts\/main\/2008\/empty\.md:4: author: is an empty list/);
    assert.equal(project.exists("index.html"), false);
  });
});
