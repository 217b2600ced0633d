/**
 * Issue "Comments: the conversation is part of the archive", in real builds:
 * the thread on the article page (nested, pingbacks apart, hostile text
 * inert), counts on the article and every list, JSON-LD, citations and
 * their links back, the search index, bad comments files failing the build
 * with every problem at once, the sample's restored comment, and a post
 * with 2,000 comments.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, it } from "node:test";
import { parse } from "parse5";
import { type Element, attr, children, elements, text, threadShape } from "../support/dom.ts";
import {
  ANSWER_POST_URL,
  HOSTILE_COMMENT_AUTHOR,
  QUIET_POST_URL,
  THREAD_FILES,
  THREAD_POST_URL,
} from "../fixtures/comments.ts";
import { MINIMAL_DATA, Project, post, hashTree } from "./project.ts";

const hasClass = (el: Element, name: string): boolean => (attr(el, "class") ?? "").split(/\s+/).includes(name);

function page(project: Project, url: string): Element[] {
  return elements(parse(project.read(`${url.slice(1)}index.html`)));
}

function jsonLd(all: Element[]): Record<string, unknown> {
  const script = all.find((el) => el.tagName === "script" && attr(el, "type") === "application/ld+json");
  assert.ok(script, "JSON-LD");
  return JSON.parse(text(script)) as Record<string, unknown>;
}

/** Pages in the Pagefind index: url → content. */
function indexed(project: Project): Map<string, string> {
  const dir = path.join(project.root, "_site", "pagefind", "fragment");
  const pages = new Map<string, string>();
  if (!existsSync(dir)) return pages;
  for (const name of readdirSync(dir)) {
    const fragment = JSON.parse(gunzipSync(readFileSync(path.join(dir, name))).toString("utf8").replace(/^pagefind_dcd/, "")) as { url: string; content: string };
    pages.set(fragment.url, fragment.content);
  }
  return pages;
}

describe("a post with a thread, a pingback and a hostile comment", () => {
  const project = new Project(THREAD_FILES);
  const result = project.build();

  it("builds", () => assert.equal(result.status, 0, result.output));

  const all = result.status === 0 ? page(project, THREAD_POST_URL) : [];
  const section = all.find((el) => el.tagName === "section" && attr(el, "id") === "comments");
  const byId = (id: string) => all.find((el) => attr(el, "id") === id);

  it("shows the thread nested by parent, an <ol> in each comment for its replies", () => {
    assert.ok(section, "section#comments");
    const thread = elements(section).find((el) => hasClass(el, "comment-thread"));
    assert.ok(thread && thread.tagName === "ol");
    assert.deepEqual(threadShape(thread), [["comment-101", [["comment-102", ["comment-103"]]]], "comment-105", "comment-107"]);
    assert.equal(text(elements(section).find((el) => el.tagName === "h2")!), "5 comments");
    assert.match(text(section), /Comments are closed; this is an archive\./);
  });

  it("lists pingbacks and trackbacks apart, under Mentioned elsewhere", () => {
    const mentions = elements(section!).find((el) => hasClass(el, "mentions"));
    assert.ok(mentions);
    assert.match(text(mentions), /^Mentioned elsewhere/);
    assert.deepEqual(elements(mentions).filter((el) => el.tagName === "li").map((li) => attr(li, "id")), ["comment-104", "comment-106"]);
    const link = elements(mentions).find((el) => el.tagName === "a");
    assert.equal(link && attr(link, "href"), "https://weekly.example.net/2009/03/xen-links/");
    assert.equal(link && attr(link, "rel"), "nofollow ugc noopener");
    assert.equal(elements(section!).filter((el) => hasClass(el, "comment-thread")).flatMap((ol) => elements(ol)).filter((el) => attr(el, "id") === "comment-104").length, 0);
  });

  it("links authors only to http(s) sites, nofollow ugc; gives each comment a <time> permalink and says when it is unverified", () => {
    const bruno = byId("comment-101")!;
    const author = elements(bruno).find((el) => el.tagName === "a" && hasClass(el, "p-name"));
    assert.equal(author && attr(author, "href"), "https://bruno.example.com/");
    assert.equal(author && attr(author, "rel"), "nofollow ugc noopener");
    const permalink = elements(bruno).find((el) => hasClass(el, "comment-permalink"));
    assert.equal(permalink && attr(permalink, "href"), "#comment-101");
    const time = permalink && elements(permalink).find((el) => el.tagName === "time");
    assert.equal(time && attr(time, "datetime"), "2009-03-02T10:15-05:00");
    assert.doesNotMatch(text(bruno), /identity not verified/);

    const hostile = byId("comment-105")!;
    const entry = children(hostile)[0]!;
    assert.match(text(entry), /identity not verified/);
    assert.equal(elements(entry).filter((el) => el.tagName === "a" && hasClass(el, "p-name")).length, 0, "a javascript: URL is not linked");
    assert.equal(text(elements(entry).find((el) => hasClass(el, "p-name"))!), HOSTILE_COMMENT_AUTHOR);
    assert.equal(text(elements(byId("comment-107")!).find((el) => hasClass(el, "p-name"))!), "Anonymous");
  });

  it("keeps the hostile comment's markup as text: no script, handler, iframe, style, javascript: or data: URL", () => {
    for (const el of all) {
      assert.ok(!["b", "img", "iframe"].includes(el.tagName), `a <${el.tagName}> element`);
      assert.equal(el.attrs.find((a) => /^on/i.test(a.name) || a.name === "style"), undefined, `<${el.tagName}> with a handler or style`);
      for (const a of el.attrs.filter((a) => a.name === "href" || a.name === "src")) assert.doesNotMatch(a.value, /^\s*(javascript|data|vbscript):/i, a.value);
      if (el.tagName === "script") assert.ok(attr(el, "src") || attr(el, "type") === "application/ld+json", "an inline script");
    }
    const body = text(elements(byId("comment-105")!).find((el) => hasClass(el, "comment-body"))!);
    assert.match(body, /<script>window.__pwned=2<\/script>/);
    assert.match(body, /\[click me\]\(javascript:window.__pwned=4\)/);
  });

  it("puts the count in the meta line, and JSON-LD commentCount and Comment entries", () => {
    const count = all.find((el) => hasClass(el, "comment-count"));
    assert.equal(count && text(count), "5 comments");
    assert.equal(count && attr(count, "href"), "#comments");
    const ld = jsonLd(all) as { commentCount: number; comment: { "@type": string; "@id": string; author: { name: string; url?: string }; text: string; parentItem?: { "@id": string } }[] };
    assert.equal(ld.commentCount, 5);
    assert.deepEqual(ld.comment.map((c) => c["@id"].replace(/^.*#/, "")), ["comment-101", "comment-102", "comment-103", "comment-105", "comment-107"]);
    assert.equal(ld.comment[1]?.parentItem?.["@id"], `https://example.org${THREAD_POST_URL}#comment-101`);
    assert.equal(ld.comment[3]?.author.name, HOSTILE_COMMENT_AUTHOR, "the name survives </script> exactly");
    assert.equal(ld.comment[3]?.author.url, undefined);
    assert.match(ld.comment[3]?.text ?? "", /<script>window.__pwned=2<\/script>/);
    assert.ok(!project.read(`${THREAD_POST_URL.slice(1)}index.html`).includes("</script><script>window.__pwned=1"), "never raw in the page");
  });

  it("shows the count on every list page the post is on, linking to the comments", () => {
    for (const list of ["index.html", "main/index.html", "archive/2009/03/index.html", "main/2009/03/index.html", "tags/xen/index.html", "authors/ann/index.html"]) {
      const links = elements(parse(project.read(list))).filter((el) => el.tagName === "a" && hasClass(el, "comment-count"));
      assert.deepEqual(links.map((a) => [text(a), attr(a, "href")]), [["5 comments", `${THREAD_POST_URL}#comments`]], list);
    }
  });

  it("shows nothing for a post without comments", () => {
    const quiet = project.read(`${QUIET_POST_URL.slice(1)}index.html`);
    assert.doesNotMatch(quiet, /id="comments"|comment-count|Comments are closed|commentCount/);
  });

  it("links a reply's citation to the comment, and the comment back to the citing figure", () => {
    const answer = page(project, ANSWER_POST_URL);
    const figure = answer.find((el) => el.tagName === "figure" && hasClass(el, "reply"));
    assert.ok(figure);
    assert.equal(attr(figure, "id"), "citation-1");
    const caption = children(figure).find((el) => el.tagName === "figcaption")!;
    assert.equal(text(caption), "Bruno Silva wrote in a comment on “Xen 3.3 ships”:");
    assert.equal(attr(elements(caption).find((el) => el.tagName === "a")!, "href"), `${THREAD_POST_URL}#comment-101`);

    const back = elements(byId("comment-101")!).find((el) => hasClass(el, "comment-answered-in"));
    assert.ok(back);
    assert.equal(text(back), "Answered in: Answering the Xen thread");
    assert.equal(attr(elements(back).find((el) => el.tagName === "a")!, "href"), `${ANSWER_POST_URL}#citation-1`);
  });

  it("keeps comments out of the search index", () => {
    assert.equal(section && attr(section, "data-pagefind-ignore"), "all");
    const content = indexed(project).get(THREAD_POST_URL);
    assert.ok(content?.includes("Here is what changed"), content);
    assert.ok(!content?.includes("release candidate"), content);
  });
});

describe("search_comments: true in _data/site.yaml", () => {
  it("puts the comments in the search index, without the section's headings and notes", () => {
    const project = new Project({ ...THREAD_FILES, "_data/site.yaml": `${THREAD_FILES["_data/site.yaml"]}search_comments: true\n` });
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    const content = indexed(project).get(THREAD_POST_URL);
    assert.ok(content?.includes("release candidate"), content);
    assert.ok(!content?.includes("Comments are closed"), content);
  });
});

/** Every file under `dir` with a hash of its bytes. */

describe("bad comments files", () => {
  it("fail `npm run build` with every problem as file:line: field, and leave _site/ as it was", () => {
    const project = new Project({
      ...MINIMAL_DATA,
      "posts/main/2009/first.md": post('title: First\ndate: "2009-03-01"'),
      "posts/main/2009/second.md": post('title: Second\ndate: "2009-03-05"', "::: reply Ann first.md#comment-1\nQuoted.\n:::\n"),
      "posts/main/2009/first.comments.yaml": '- id: 1\n  author: Ann\n  date: "2009-03-02"\n  body: Hi.\n',
    });
    assert.equal(project.run("src/tools/build.ts").status, 0);
    const site = path.join(project.root, "_site");
    const before = hashTree(site);

    project.write({
      "posts/main/2009/first.comments.yaml": [
        "- id: 1",
        "  author: Ann",
        '  date: "2009-03-02"',
        "  body: Hi.",
        "- id: 2",
        "  author: Bob",
        '  date: "2009-03-01"',
        "  parent: 1",
        "  body: Early.",
        "- id: 2",
        "  author: Cy",
        '  date: "2009-03-03"',
        "  body: x",
        "- id: 4",
        '  date: "2009-13-01"',
        "  body: y",
        "- id: 5",
        "  author: Di",
        '  date: "2009-03-04"',
        "  body: ''",
        "- id: 6",
        "  author: Ed",
        '  date: "2009-03-04"',
        "  parent: 7",
        "  body: z",
        "",
      ].join("\n"),
      "posts/main/2009/gone.comments.yaml": '- id: 1\n  author: A\n  date: "2009-03-02"\n  body: Orphan.\n',
      "posts/main/2009/second.md": post('title: Second\ndate: "2009-03-05"', "Text.\n\n::: reply Ann first.md#comment-9\nQuoted.\n:::\n"),
    });
    const bad = project.run("src/tools/build.ts");
    assert.equal(bad.status, 1, bad.output);
    const F = "posts/main/2009/first.comments.yaml";
    for (const line of [
      `${F}:7: 1.date: "2009-03-01" is before the comment it answers (id 1, "2009-03-02")`,
      `${F}:10: 2.id: "2" is also the id of comment 1 (line 5); ids must be unique in the file`,
      `${F}:14: 3.author: is required (write Anonymous when the name is unknown)`,
      `${F}:15: 3.date: "2009-13-01" is not a real calendar date`,
      `${F}:20: 4.body: is required for a comment (only pingbacks and trackbacks may have none)`,
      `${F}:24: 5.parent: "7" is not the id of a comment in this file`,
      "posts/main/2009/gone.comments.yaml: (path): there is no post gone.md beside it: a comments file belongs to the post of the same name",
      `posts/main/2009/second.md:7: (reply): → first.md#comment-9: posts/main/2009/first.md has no comment with the id "9" (see ${F})`,
    ]) {
      assert.ok(bad.output.includes(line), `missing:\n  ${line}\nin:\n${bad.output}`);
    }
    assert.deepEqual(hashTree(site), before, "_site/ was changed");
  });
});

describe("the sample archive's restored comment", () => {
  const project = new Project({}, { sample: true });
  const result = project.build();
  const SEED = "/converging-on-microsoft/2008/06/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy/";
  const RED_HAT = "/converging-on-microsoft/2008/06/red-hat-takes-hypervisor-control-back-from-citrix/";

  it("is Simon Crosby's one comment on Red Hat Takes Hypervisor Control Back From Citrix: unverified, June 2008, the four quoted parts in order", () => {
    assert.equal(result.status, 0, result.output);
    const all = page(project, RED_HAT);
    const comments = all.filter((el) => el.tagName === "li" && hasClass(el, "comment"));
    assert.equal(comments.length, 1);
    const comment = comments[0]!;
    assert.equal(attr(comment, "id"), "comment-1");
    assert.equal(text(elements(comment).find((el) => hasClass(el, "p-name"))!), "Simon Crosby");
    assert.match(text(comment), /identity not verified/);
    assert.equal(attr(elements(comment).find((el) => el.tagName === "time")!, "datetime"), "2008-06");
    const paragraphs = elements(elements(comment).find((el) => hasClass(el, "comment-body"))!).filter((el) => el.tagName === "p").map(text);

    // The seed article's four quotations are the comment, whole and in order.
    const seed = page(project, SEED);
    const quoted = seed.filter((el) => el.tagName === "figure" && hasClass(el, "reply")).map((figure) => elements(figure).filter((el) => el.tagName === "p").map(text).join("\n"));
    assert.equal(quoted.length, 4);
    assert.deepEqual(paragraphs, quoted);
    assert.match(paragraphs[0]!, /^The very idea that Red Hat can wrest control/);
    assert.match(paragraphs[3]!, /the only viable choices in the market for virtualization\.$/);
  });

  it("is cited by the seed article's four replies, and links back to the seed article", () => {
    const seed = page(project, SEED);
    const links = seed.filter((el) => el.tagName === "figcaption").map((caption) => elements(caption).find((el) => el.tagName === "a"));
    assert.deepEqual(links.map((a) => a && attr(a, "href")), Array(4).fill(`${RED_HAT}#comment-1`));
    const back = page(project, RED_HAT).find((el) => hasClass(el, "comment-answered-in"));
    assert.ok(back);
    assert.equal(attr(elements(back).find((el) => el.tagName === "a")!, "href"), `${SEED}#citation-1`);
    const ld = jsonLd(page(project, RED_HAT)) as { commentCount: number; comment: { author: { name: string } }[] };
    assert.equal(ld.commentCount, 1);
    assert.equal(ld.comment[0]?.author.name, "Simon Crosby");
  });
});

describe("a post with 2,000 comments", () => {
  it("renders every one, nested where they reply", () => {
    const entries: string[] = [];
    for (let i = 1; i <= 2000; i++) {
      const parent = i % 4 === 0 ? `\n  parent: ${i - 1}` : "";
      entries.push(`- id: ${i}\n  author: Reader ${i}\n  date: "2009-03-02T10:00"${parent}\n  body: Comment number ${i}, with *emphasis* and https://example.com/${i}.`);
    }
    const project = new Project({
      ...MINIMAL_DATA,
      "posts/main/2009/busy.md": post('title: Busy\ndate: "2009-03-01"'),
      "posts/main/2009/busy.comments.yaml": `${entries.join("\n")}\n`,
    });
    const result = project.build();
    assert.equal(result.status, 0, result.output);
    const all = page(project, "/main/2009/03/busy/");
    const items = all.filter((el) => el.tagName === "li" && hasClass(el, "comment"));
    assert.equal(items.length, 2000);
    assert.equal(all.filter((el) => hasClass(el, "comment-replies")).length, 500);
    assert.equal(text(all.find((el) => hasClass(el, "comment-count"))!), "2,000 comments");
  });
});
