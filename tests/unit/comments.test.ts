/**
 * Issue "Comments: the conversation is part of the archive": the comments
 * file checked entry by entry and as a whole (file:line: field messages,
 * all at once), the thread nested by parent, pingbacks apart, bodies
 * rendered with raw HTML off, and the JSON-LD entries.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseArchiveDate } from "../../src/dates.ts";
import type { Post } from "../../src/content/model.ts";
import { formatProblem } from "../../src/content/source.ts";
import { readComments } from "../../src/comments/load.ts";
import { CommentIndex, type PostComments, authorLink } from "../../src/comments/model.ts";
import { renderComment } from "../../src/comments/markdown.ts";
import { type CommentView, commentCountText, commentsView } from "../../src/comments/view.ts";
import { commentsJsonLd } from "../../src/comments/jsonld.ts";
import { citeCommentIn } from "../../src/comments/cite.ts";
import type { Site } from "../../src/schema/index.ts";
import type { Problem } from "../../src/types.ts";

const ZONE = "America/New_York";
const FILE = "posts/main/2009/post.comments.yaml";

function makePost(date = "2009-03-01", slug = "post", draft = false): Post {
  const parsed = parseArchiveDate(date, ZONE);
  if (!parsed.ok) throw new Error(parsed.message);
  return {
    source: `posts/main/2009/${slug}.md`,
    blog: "main",
    slug,
    url: `/main/2009/03/${slug}/`,
    title: `The ${slug}`,
    date: parsed.date,
    order: 0,
    authors: ["ann"],
    tags: [],
    aliases: [],
    related: [],
    lines: {},
    seeAlso: [],
    draft,
    preserved: true,
    body: "Text.",
    bodyLine: 4,
    html: "<p>Text.</p>",
  };
}

const SITE: Site = { title: "T", url: "https://example.org", language: "en", timezone: ZONE, publisher: "P", sidebar: "as-of-post" };

function read(yaml: string, post = makePost()): { comments?: PostComments; problems: Problem[]; lines: string[] } {
  const problems: Problem[] = [];
  const comments = readComments(FILE, yaml, post, ZONE, problems);
  return { comments, problems, lines: problems.map(formatProblem) };
}

/** `- id: …` entries from objects, as YAML (JSON is YAML). */
const yamlOf = (entries: object[]): string => entries.map((e) => `- ${JSON.stringify(e)}`).join("\n") + "\n";

describe("reading a comments file", () => {
  it("reads the agreed format: ids as numbers or text, optional fields, pingbacks without a body", () => {
    const { comments, problems } = read(
      [
        "- id: 1",
        "  author: Simon Crosby",
        "  url: https://example.com/",
        '  date: "2008-06"',
        "  verified: false",
        "  body: |",
        "    The very idea.",
        "- id: reply-2",
        "  author:",
        '  date: "2009-03-02T10:00"',
        "  parent: 1",
        "  body: Agreed.",
        "- id: 3",
        "  author: A Site",
        '  date: "2009-03-04T08:30-05:00"',
        "  type: pingback",
        "",
      ].join("\n"),
    );
    assert.deepEqual(problems.filter((p) => p.severity === "error"), []);
    assert.equal(comments?.all.length, 3);
    assert.equal(comments?.count, 2, "pingbacks are not counted");
    const [first, second, third] = comments!.all;
    assert.equal(first?.id, "1");
    assert.equal(first?.verified, false);
    assert.equal(first?.date.datetime, "2008-06");
    assert.equal(second?.author, "");
    assert.equal(second?.parent, "1");
    assert.equal(second?.date.datetime, "2009-03-02T10:00-05:00", "no offset: the blog's zone");
    assert.equal(third?.type, "pingback");
    assert.equal(third?.body, "");
  });

  it("an empty file or an empty list is no comments", () => {
    assert.equal(read("").comments?.all.length, 0);
    assert.equal(read("[]\n").comments?.all.length, 0);
    assert.deepEqual(read("# nothing yet\n").problems, []);
  });

  it("reports every problem of the file at once, each with its line and field", () => {
    const { lines } = read(
      [
        "- id: 1", //                      1
        "  author: Ann", //                2
        '  date: "2009-03-02"', //         3
        "  body: First.", //               4
        "- id: 1", //                      5  duplicate id
        "  author: Bob", //                6
        '  date: "2009-03-03"', //         7
        "  body: Second.", //              8
        "- id: 3", //                      9
        "  author: Cy", //                10
        '  date: "2009-03-04"', //        11
        "  parent: 99", //                12 unknown parent
        "  body: Third.", //              13
        "- id: 4", //                     14
        "  author: Di", //                15
        '  date: "2009-03-01T09:00"', //  16 before its parent (id 1, March 2)
        "  parent: 1", //                 17
        "  body: Fourth.", //             18
        "- id: bad id", //                19 not an id
        "  author: Ed", //                20
        '  date: "2009-02-30"', //        21 not a date
        "  type: like", //                22 not a type
        "  body: Fifth.", //              23
        "- id: 6", //                     24
        "  author: Flo", //               25
        '  date: "2009-03-05"', //        26
        "  body: ''", //                  27 empty body
        "- id: 7", //                     28
        '  date: "2009-03-05"', //        29 no author
        "  body: Seventh.", //            30
        "",
      ].join("\n"),
    );
    const errors = lines.filter((line) => !line.includes("before the post"));
    assert.deepEqual(errors.sort(), [
      `${FILE}:12: 2.parent: "99" is not the id of a comment in this file`,
      `${FILE}:16: 3.date: "2009-03-01T09:00" is before the comment it answers (id 1, "2009-03-02")`,
      `${FILE}:19: 4.id: must be a whole number or letters, digits, \`_\` and \`-\` (it becomes the anchor #comment-<id>)`,
      `${FILE}:21: 4.date: "2009-02-30" is not a real calendar date`,
      `${FILE}:22: 4.type: must be "comment", "pingback" or "trackback"`,
      `${FILE}:27: 5.body: is required for a comment (only pingbacks and trackbacks may have none)`,
      `${FILE}:28: 6.author: is required (write Anonymous when the name is unknown)`,
      `${FILE}:5: 1.id: "1" is also the id of comment 0 (line 1); ids must be unique in the file`,
    ].sort());
  });

  it("a comment that answers itself, or a loop of parents, is an error", () => {
    const { lines } = read(
      yamlOf([
        { id: 1, author: "A", date: "2009-03-02", parent: 1, body: "x" },
        { id: 2, author: "B", date: "2009-03-02", parent: 3, body: "x" },
        { id: 3, author: "C", date: "2009-03-02", parent: 2, body: "x" },
      ]),
    );
    assert.ok(lines.some((l) => l.startsWith(`${FILE}:1: 0.parent: a comment cannot answer itself`)), lines.join("\n"));
    assert.ok(lines.some((l) => /2\.parent: comments "2", "3" answer each other in a loop|1\.parent: comments "2", "3" answer each other/.test(l)), lines.join("\n"));
  });

  it("a file that is not a list, or an entry that is not a mapping, is an error", () => {
    assert.deepEqual(read("id: 1\nauthor: A\n").lines, [`${FILE}:1: (file): must be a YAML list of comments (\`- id: 1\` …), oldest first`]);
    assert.deepEqual(read("- just text\n").lines, [`${FILE}:1: 0: must be a comment: a mapping with id, author, date and body`]);
  });

  it("an unknown key is a warning, once per file; a comment before its post is a warning", () => {
    const { problems } = read(
      yamlOf([
        { id: 1, author: "A", email: "a@example.com", date: "2009-02-01", body: "x" },
        { id: 2, author: "B", email: "b@example.com", date: "2009-03-02", body: "x" },
      ]),
    );
    assert.deepEqual(
      problems.map((p) => [p.severity, p.field]),
      [["warning", "0.email"], ["warning", "0.date"]],
    );
  });
});

describe("author links", () => {
  it("links only http(s) URLs, normalised", () => {
    assert.equal(authorLink("https://example.com"), "https://example.com/");
    assert.equal(authorLink("HTTP://Example.com/a b"), "http://example.com/a%20b");
    for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "www.example.com", "mailto:a@example.com", "", undefined]) {
      assert.equal(authorLink(url), undefined, String(url));
    }
  });
});

describe("comment bodies", () => {
  const body = (text: string) => renderComment({ id: "1", author: "A", date: makePost().date, type: "comment", body: text });

  it("raw HTML is text, and only http(s), mailto and #fragment links are links, all nofollow ugc", () => {
    const { html } = body(
      '<script>alert(1)</script> <img src=x onerror="alert(2)"> [a](javascript:alert(3)) [b](data:text/html,x) [c](/relative/) [d](https://ok.example/) <https://auto.example/> see #2 [e](#comment-2) [f](mailto:x@example.com)',
    );
    assert.doesNotMatch(html, /<script|<img|href="javascript|href="data|href="\/relative/);
    assert.match(html, /&lt;script&gt;/);
    assert.match(html, /<a href="https:\/\/ok\.example\/" rel="nofollow ugc noopener">d<\/a>/);
    assert.match(html, /<a href="https:\/\/auto\.example\/" rel="nofollow ugc noopener">/);
    assert.match(html, /<a href="#comment-2">e<\/a>/);
    assert.match(html, /<a href="mailto:x@example.com" rel="nofollow ugc noopener">f<\/a>/);
  });

  it("makes no headings, and an image a link; keeps lists, quotes and code; gives the text for JSON-LD", () => {
    const { html, text } = body("# Not a heading\n\n![pic](https://img.example/x.png)\n\n> quoted\n\n- one\n- two\n\n```\ncode <b>\n```\n");
    assert.doesNotMatch(html, /<h1|<img/);
    assert.match(html, /<a href="https:\/\/img\.example\/x\.png" rel="nofollow ugc noopener">\[image: pic\]<\/a>/);
    assert.match(html, /<blockquote>/);
    assert.match(html, /<ul>/);
    assert.match(html, /<pre tabindex="0"><code>code &lt;b&gt;/);
    assert.equal(text, "# Not a heading\npic\nquoted\none\ntwo\ncode <b>");
  });
});

function indexWith(post: Post, yaml: string): CommentIndex {
  const problems: Problem[] = [];
  const comments = readComments(FILE, yaml, post, ZONE, problems);
  assert.deepEqual(problems.filter((p) => p.severity === "error"), []);
  return new CommentIndex(new Map([[post.source, comments!]]));
}

const ids = (views: readonly CommentView[]): unknown[] => views.map((v) => (v.replies.length ? [v.anchor, ids(v.replies)] : v.anchor));

describe("the thread", () => {
  const post = makePost();
  const thread = yamlOf([
    { id: 1, author: "A", date: "2009-03-02", body: "one" },
    { id: 2, author: "B", date: "2009-03-02", parent: 1, body: "two" },
    { id: 3, author: "Site", url: "https://s.example/", date: "2009-03-02", type: "pingback" },
    { id: 4, author: "C", date: "2009-03-03", parent: 2, body: "three deep" },
    { id: 5, author: "", url: "javascript:x", date: "2009-03-03", body: "top", verified: false },
    { id: 6, author: "D", date: "2009-03-04", parent: 3, body: "answers the pingback" },
  ]);

  it("nests replies under what they answer, in file order; pingbacks apart", () => {
    const view = commentsView({ site: SITE, comments: indexWith(post, thread) }, post);
    assert.ok(view);
    assert.deepEqual(ids(view.thread), [["comment-1", [["comment-2", ["comment-4"]]]], "comment-5", "comment-6"]);
    assert.deepEqual(view.mentions.map((m) => [m.anchor, m.title, m.url, m.kind]), [["comment-3", "Site", "https://s.example/", "pingback"]]);
    assert.equal(view.count, 5);
    assert.equal(view.heading, "5 comments");
    const top = view.thread[1]!;
    assert.equal(top.author, "Anonymous");
    assert.equal(top.url, undefined, "a javascript: URL is not linked");
    assert.equal(top.unverified, true);
    assert.deepEqual(view.thread[2]?.inReplyTo, { anchor: "comment-3", author: "Site" });
    assert.equal(view.searchable, false);
  });

  it("shows replies deeper than maxDepth at the last level, saying whom they answer", () => {
    const chain = yamlOf(Array.from({ length: 5 }, (_, i) => ({ id: i + 1, author: `P${i + 1}`, date: "2009-03-02", ...(i ? { parent: i } : {}), body: "x" })));
    const view = commentsView({ site: SITE, comments: indexWith(post, chain) }, post, { maxDepth: 3 });
    assert.deepEqual(ids(view!.thread), [["comment-1", [["comment-2", ["comment-3", "comment-4", "comment-5"]]]]]);
    const last = view!.thread[0]!.replies[0]!.replies;
    assert.deepEqual(last.map((v) => v.inReplyTo?.anchor), [undefined, "comment-3", "comment-4"]);
  });

  it("a post without comments has no view, no count and no JSON-LD", () => {
    const archive = { site: SITE, comments: new CommentIndex() };
    assert.equal(commentsView(archive, post), undefined);
    assert.equal(archive.comments.count(post), 0);
    assert.deepEqual(commentsJsonLd(archive, post), {});
  });

  it("counts read naturally", () => {
    assert.equal(commentCountText(1), "1 comment");
    assert.equal(commentCountText(2000), "2,000 comments");
  });

  it("JSON-LD has commentCount and a Comment per comment, replies pointing at their parent", () => {
    const ld = commentsJsonLd({ site: SITE, comments: indexWith(post, thread) }, post) as { commentCount: number; comment: Record<string, unknown>[] };
    assert.equal(ld.commentCount, 5);
    assert.equal(ld.comment.length, 5);
    const page = "https://example.org/main/2009/03/post/";
    assert.deepEqual(ld.comment[1], {
      "@type": "Comment",
      "@id": `${page}#comment-2`,
      url: `${page}#comment-2`,
      author: { "@type": "Person", name: "B" },
      dateCreated: "2009-03-02T00:00:00-05:00",
      text: "two",
      parentItem: { "@id": `${page}#comment-1` },
    });
    assert.equal((ld.comment[3]?.author as { name: string }).name, "Anonymous");
    assert.equal(ld.comment[4]?.parentItem, undefined, "a pingback is no parent");
  });
});

describe("citing a comment", () => {
  const cited = makePost("2009-03-01", "cited");
  const citing = makePost("2009-04-01", "citing");
  const draft = makePost("2009-04-02", "draft", true);
  const index = indexWith(cited, yamlOf([{ id: 7, author: "A", date: "2009-03-02", body: "x" }]));
  const bySource = new Map([cited, citing, draft].map((p) => [p.source, p]));

  it("links to a comment on another post and records the citation; unknown targets are errors naming the line", () => {
    const problems: Problem[] = [];
    const cite = citeCommentIn(citing, { index, bySource, includeDrafts: false, problems });
    assert.deepEqual(cite("cited.md#comment-7", 2, "citation-1"), { href: "/main/2009/03/cited/#comment-7", label: "a comment on “The cited”" });
    assert.equal(cite("cited.md#comment-8", 5, "citation-2"), undefined);
    assert.equal(cite("nope.md#comment-7", 6, "citation-3"), undefined);
    assert.equal(cite("#comment-7", 7, "citation-4"), undefined);
    assert.deepEqual(problems.map(formatProblem), [
      `posts/main/2009/citing.md:9: (reply): → cited.md#comment-8: posts/main/2009/cited.md has no comment with the id "8" (see ${FILE})`,
      "posts/main/2009/citing.md:10: (reply): → nope.md#comment-7: no such post (cite a comment as #comment-<id> or <post>.md#comment-<id>)",
      "posts/main/2009/citing.md:11: (reply): → #comment-7: this post has no comments",
    ]);
    const comment = index.of(cited)!.byId.get("7")!;
    assert.deepEqual(index.citationsOf(comment).map((c) => [c.post.slug, c.anchor]), [["citing", "citation-1"]]);
  });

  it("a same-post citation links down the page; a draft's citations are not shown", () => {
    const problems: Problem[] = [];
    assert.deepEqual(citeCommentIn(cited, { index, bySource, includeDrafts: false, problems })("#comment-7", 0, "citation-1"), { href: "#comment-7", label: "a comment below" });
    citeCommentIn(draft, { index, bySource, includeDrafts: false, problems })("cited.md#comment-7", 0, "citation-1");
    assert.deepEqual(problems, []);
    const comment = index.of(cited)!.byId.get("7")!;
    assert.deepEqual(index.citationsOf(comment).map((c) => c.post.slug), ["citing", "cited"]);
  });
});

describe("comments files and the loader's guards", () => {
  it("refuses a key every JavaScript object already has, naming its line", () => {
    const { comments, lines } = read('- id: 1\n  author: Eve\n  date: "2009-03-02"\n  body: hi\n  __proto__:\n    polluted: true\n');
    assert.equal(comments, undefined);
    assert.ok(lines.some((line) => /^posts\/main\/2009\/post\.comments\.yaml:5: .*__proto__/.test(line)), lines.join("\n"));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
