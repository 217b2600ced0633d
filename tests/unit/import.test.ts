/**
 * Importing: the fixture export and feeds (tests/fixtures/import) read,
 * converted and placed without touching the disk; HTML made safe before it
 * becomes markdown; dates kept in the offset the source wrote.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { ArchiveData } from "../../src/content/model.ts";
import { parseYaml, splitFrontMatter } from "../../src/content/source.ts";
import { aliasOf, convertItems, matchAuthor, placePosts, postText, tagsOf, type ImportedPost } from "../../src/import/convert.ts";
import { htmlToMarkdown, htmlToText, sanitizeBody } from "../../src/import/html.ts";
import { ToolError } from "../../src/import/project.ts";
import { parseSource } from "../../src/import/run.ts";
import { type SourceFeed, detectFormat, fromIso, fromRfc822, fromWordPress } from "../../src/import/source.ts";
import { stateText } from "../../src/import/state.ts";
import { autoParagraphs } from "../../src/import/wxr.ts";
import { renderWordPress } from "../../src/import/wordpress.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { postSchema } from "../../src/schema/index.ts";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/import");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const parse = (name: string): SourceFeed => parseSource(fixture(name), name);

const DATA: ArchiveData = {
  site: { title: "T", url: "https://example.org", language: "en", timezone: "America/New_York", publisher: "P", sidebar: "as-of-post" },
  authors: { ann: { name: "Ann Author", links: [] }, bob: { name: "Bob Builder", links: [] } },
  blogs: {
    main: { title: "Main", sister_blogs: [], promos: [] },
    side: { title: "Side", author: "bob", sister_blogs: [], promos: [] },
  },
  podcasts: {},
  books: {},
  reviews: [],
};

function convert(name: string, blog = "main", author?: string): ImportedPost[] {
  const { posts, skipped } = convertItems(parse(name).items, { blog, data: DATA, author });
  // What the fixtures hold that is not imported: a draft, a page's attachment.
  assert.deepEqual(skipped.map((item) => item.reason).filter((reason) => !["draft", "attachment"].includes(reason)), []);
  return posts;
}

const byTitle = (posts: readonly ImportedPost[], title: string) => {
  const found = posts.find((post) => post.title === title);
  assert.ok(found, `a post titled ${title}`);
  return found;
};

/** What the site shows of imported markdown: the project's own renderer. */
const render = (markdown: string) => createMarkdown().render(markdown);

describe("reading the three formats", () => {
  it("tells them apart by their root element", () => {
    assert.equal(detectFormat(fixture("wordpress.xml")), "wxr");
    assert.equal(detectFormat(fixture("feed.rss")), "rss");
    assert.equal(detectFormat(fixture("feed.atom")), "atom");
    assert.equal(detectFormat("<?xml version='1.0'?><html><body/></html>"), undefined);
  });

  it("WordPress: every item, each a post or a page or skipped with its reason", () => {
    const feed = parse("wordpress.xml");
    assert.equal(feed.format, "wxr");
    assert.deepEqual(feed.items.filter((item) => item.kind === "post" && !item.skip).map((item) => item.title), [
      "Xen & the Art of Hypervisors",
      "Greetings from Berlin",
      "A Hostile Post",
      "Weekly Links",
      "Weekly Links",
    ]);
    assert.deepEqual(feed.items.map((item) => [item.kind, item.skip]), [
      ["post", undefined], ["post", undefined], ["post", undefined], ["post", undefined], ["post", undefined],
      ["post", "draft"], ["page", undefined], ["post", "attachment"],
    ]);
    assert.equal(feed.items[0]?.key, "wp-post:101@old.example.com", "the post id, within its site");
    assert.deepEqual(feed.items[0]?.legacyKeys, ["https://old.example.com/?p=101"], "the guid earlier imports recorded it under");
    assert.deepEqual([...feed.attachments.keys()], ["7"]);
    assert.deepEqual(feed.items[1]?.creators, ["Bob Builder", "bobb"], "the login's display name first");
  });

  it("RSS and Atom items", () => {
    assert.equal(parse("feed.rss").items.length, 2);
    const atom = parse("feed.atom");
    assert.equal(atom.items.length, 2);
    assert.equal(atom.items[0]?.title, "Cloud & Grid — Same Thing?", "an html title is read as HTML, then as text");
  });

  it("refuses a malformed file, an empty one and other XML, naming the problem", () => {
    assert.throws(() => parse("malformed.xml"), (error: unknown) =>
      error instanceof ToolError && /malformed\.xml: not well-formed XML: the file ends inside <rss> <channel> <item>/.test(error.message));
    assert.throws(() => parseSource("<rss><channel><item></channel></rss>", "x.xml"), /x\.xml:1:\d+: not well-formed XML: Expected closing tag 'item'/);
    assert.throws(() => parseSource("  ", "empty.xml"), /empty\.xml is empty/);
    assert.throws(() => parseSource("<html><body>hi</body></html>", "page.html"), /not a WordPress export \(WXR\), an RSS 2\.0 or an Atom feed/);
    assert.throws(() => parseSource("<rss version='2.0'><channel><title>x</title></channel></rss>", "none.xml"), /the feed has no items/);
  });
});

describe("dates keep the offset the source wrote", () => {
  it("RSS pubDate (RFC 822)", () => {
    assert.equal(fromRfc822("Tue, 24 Jun 2008 10:00:00 -0400"), "2008-06-24T10:00:00-04:00");
    assert.equal(fromRfc822("Wed, 01 Oct 2008 21:15:00 +0900"), "2008-10-01T21:15:00+09:00");
    assert.equal(fromRfc822("Tue, 24 Jun 2008 14:00:00 GMT"), "2008-06-24T14:00:00+00:00");
    assert.equal(fromRfc822("24 Jun 2008 10:00:00 EDT"), "2008-06-24T10:00:00-04:00");
    assert.equal(fromRfc822("Mon, 24 Jun 2008 10:00:00 -0400"), "2008-06-24T10:00:00-04:00", "a wrong weekday is forgiven");
    assert.equal(fromRfc822("not a date"), undefined);
  });

  it("Atom (ISO 8601): as written when the archive reads it so", () => {
    assert.equal(fromIso("2008-11-20T18:45:00+05:30"), "2008-11-20T18:45:00+05:30");
    assert.equal(fromIso("2008-12-01T12:00:00Z"), "2008-12-01T12:00:00Z");
    assert.equal(fromIso("2008-12-01T12:00:00+0100"), "2008-12-01T12:00:00+0100");
    assert.equal(fromIso("2008-12-01T12:00"), "2008-12-01T12:00");
    assert.equal(fromIso("2008-12-01 12:00:00.5+01:00"), "2008-12-01 12:00:00.5+01:00");
    assert.equal(fromIso("2008-12-01T12:00:00,5+01:00"), "2008-12-01T12:00:00+01:00", "what the archive would not read is rewritten");
    assert.equal(fromIso("December 1st"), undefined);
  });

  it("WordPress: the local time with the offset its GMT twin implies", () => {
    assert.equal(fromWordPress("2009-03-01 09:30:00", "2009-03-01 08:30:00"), "2009-03-01T09:30:00+01:00");
    assert.equal(fromWordPress("2008-06-24 10:00:00", "2008-06-24 14:00:00"), "2008-06-24T10:00:00-04:00");
    assert.equal(fromWordPress("2008-06-24 10:00:00", "2008-06-24 04:15:00"), "2008-06-24T10:00:00+05:45");
    assert.equal(fromWordPress("2008-08-01 11:15:00", "0000-00-00 00:00:00"), "2008-08-01T11:15:00", "a draft: the blog's zone");
  });

  it("posts go to the year and month of the date in its own offset", () => {
    const posts = convert("feed.rss");
    const tokyo = byTitle(posts, "Tokyo Evening Notes");
    assert.equal(tokyo.date, "2008-10-01T21:15:00+09:00", "still September 30 in New York, but October 1 as written");
    assert.deepEqual([tokyo.parsed.year, tokyo.parsed.month], [2008, 10]);
    const berlin = byTitle(convert("wordpress.xml"), "Greetings from Berlin");
    assert.equal(berlin.date, "2009-03-01T09:30:00+01:00");
  });

  it("an undated item is skipped, with its reason, and the others imported", () => {
    const feed = parseSource(
      `<rss version="2.0"><channel><title>x</title><item><title>No date</title><description>x</description></item><item><title>Bad</title><pubDate>someday</pubDate></item><item><title>Good</title><pubDate>Tue, 24 Jun 2008 10:00:00 -0400</pubDate></item></channel></rss>`,
      "x.xml",
    );
    const { posts, skipped } = convertItems(feed.items, { blog: "side", data: DATA });
    assert.deepEqual(skipped.map((item) => [item.index, item.reason]), [
      [0, "unreadable date: has no date"],
      [1, 'unreadable date: "someday" is not a date this importer can read'],
    ]);
    assert.deepEqual(posts.map((post) => post.title), ["Good"]);
  });
});

describe("bodies", () => {
  it("a CDATA WordPress body: paragraphs from blank lines, lists, captions, tables, code", () => {
    const xen = byTitle(convert("wordpress.xml"), "Xen & the Art of Hypervisors");
    assert.equal(
      xen.body,
      [
        "Citrix bought XenSource last year, and the **open source** hypervisor is now everywhere.",
        "",
        "Three things matter:",
        "",
        "-   performance",
        "-   management",
        "",
        "![Xen architecture](https://old.example.com/wp-content/uploads/2008/06/xen.png)",
        "",
        "The Xen architecture",
        "",
        "| Hypervisor | Vendor |",
        "| --- | --- |",
        "| Xen | Citrix |",
        "| KVM | Red Hat |",
        "",
        "Code, with a blank line inside:",
        "",
        "```c",
        "int main(void) {",
        "",
        "  return 0;",
        "}",
        "```",
        "",
        "See [an earlier post](https://old.example.com/2008/05/01/an-earlier-post/).",
        "",
      ].join("\n"),
    );
  });

  it("an entity-encoded RSS body: decoded once, markup shown as text stays text", () => {
    const post = byTitle(convert("feed.rss"), "Red Hat & KVM: A Look Back");
    assert.equal(
      post.body,
      "Red Hat bought [Qumranet](http://www.qumranet.com/) this month.\n\nTo show markup, write \\<script> as text: it must stay text.\n\nAT&T agrees.\n",
    );
    const html = render(post.body);
    assert.match(html, /write &lt;script&gt; as text/);
    assert.doesNotMatch(html, /<script/);
  });

  it("scripts, event handlers, iframes and javascript: URLs are gone before conversion", () => {
    const hostile = byTitle(convert("wordpress.xml"), "A Hostile Post");
    assert.equal(
      hostile.body,
      "Click here for a _surprise_.\n\n[https://www.youtube.com/embed/abc123](https://www.youtube.com/embed/abc123)\n\n![A cat](https://old.example.com/wp-content/uploads/cat.jpg)\n\nSafe words after.\n",
    );
    const atom = convert("feed.atom", "side");
    assert.equal(byTitle(atom, "Cloud & Grid — Same Thing?").body, "Grid computing promised this in 2002.\n\n[Earlier notes](https://atom.example.org/2008/10/grid-notes) still hold.\n");
    assert.equal(byTitle(atom, "Markup in XHTML").body, "XHTML content with _emphasis_ and a bad link.\n");
    for (const post of [hostile, ...atom]) {
      const html = render(post.body);
      assert.doesNotMatch(html, /<script|<iframe|\son\w+=|javascript:|alert|injected/i, post.title);
    }
  });

  it("sanitizeBody keeps what markdown can say and drops the rest", () => {
    const html = sanitizeBody(
      `<p style="color:red" class="x">a<sup>2</sup></p><form action="/x"><input name="q"></form><object data="x.swf"></object>` +
        `<a href="JaVaScRiPt:alert(1)">j</a><a href="java&#x09;script:alert(1)">k</a><img src="data:image/png;base64,AAAA"><style>p{}</style>` +
        `<pre><code class="language-js evil">x</code></pre><a href="//cdn.example.com/a.png">cdn</a><a href="#note">note</a>`,
      "https://old.example.com/2008/06/post/",
    );
    assert.equal(
      html,
      `<p>a<sup>2</sup></p><a>j</a><a>k</a><img /><pre><code class="language-js">x</code></pre><a href="https://cdn.example.com/a.png">cdn</a><a href="#note">note</a>`,
    );
  });

  it("relative images and links become absolute against the post's old address", () => {
    const tokyo = byTitle(convert("feed.rss"), "Tokyo Evening Notes");
    assert.match(tokyo.body, /!\[Shinjuku\]\(https:\/\/side\.example\.net\/archives\/2008\/10\/images\/shinjuku\.jpg\)/);
  });

  it("text that looks like markdown or markup stays text", () => {
    for (const [html, text] of [
      ["<p>1. not a list *not em* [not](a link) &lt;b&gt;bold&lt;/b&gt; &amp;amp; # not a heading</p>", "1. not a list *not em* [not](a link) <b>bold</b> &amp; # not a heading"],
      ["<p>::: reply Someone</p>", "::: reply Someone"],
      ["<p>&lt;!-- a comment --&gt; &lt;img src=x onerror=alert(1)&gt;</p>", "<!-- a comment --> <img src=x onerror=alert(1)>"],
    ] as const) {
      const rendered = render(htmlToMarkdown(html));
      assert.equal(htmlToText(rendered), text, html);
      assert.doesNotMatch(rendered, /<(b|img|!--)[\s>]/);
    }
  });

  it("WordPress paragraphs: blank lines, single newlines, block elements standing alone", () => {
    assert.equal(autoParagraphs("One\ntwo\n\nThree"), "<p>One<br>\ntwo</p>\n<p>Three</p>");
    assert.equal(autoParagraphs("Intro:\n<ul>\n<li>a</li>\n</ul>\nAfter"), "<p>Intro:</p>\n<ul>\n<li>a</li>\n</ul>\n<p>After</p>");
    assert.equal(autoParagraphs("<pre>a\n\nb</pre>"), "<pre>a\n\nb</pre>");
    assert.equal(
      renderWordPress('[caption id="a" width="300"]<img src="x.png" alt="X" /> The caption[/caption]', { attachments: new Map(), embeds: [] }).html,
      '<figure><img src="x.png" alt="X" />\n<figcaption>The caption</figcaption>\n</figure>',
    );
  });

  it("summaries from excerpts, as plain text", () => {
    assert.equal(byTitle(convert("wordpress.xml"), "Xen & the Art of Hypervisors").summary, "Why Xen is everywhere & what it means.");
    assert.equal(byTitle(convert("wordpress.xml"), "Weekly Links").summary, undefined, "an empty excerpt is no summary");
    assert.equal(byTitle(convert("feed.atom", "side"), "Cloud & Grid — Same Thing?").summary, "Is cloud computing just grid computing again?");
    assert.equal(byTitle(convert("feed.rss"), "Red Hat & KVM: A Look Back").summary, undefined, "description is the body when there is no content:encoded");
    assert.equal(htmlToText("<p>A &amp; B</p><p>C&nbsp;&lt;D&gt;</p>"), "A & B C <D>");
  });
});

describe("front matter", () => {
  it("tags from categories and tags, one per slug, without Uncategorized", () => {
    assert.deepEqual(byTitle(convert("wordpress.xml"), "Xen & the Art of Hypervisors").tags, ["Virtualization", "Xen", "Red Hat"]);
    assert.deepEqual(byTitle(convert("wordpress.xml"), "Greetings from Berlin").tags, []);
    assert.deepEqual(byTitle(convert("feed.atom", "side"), "Cloud & Grid — Same Thing?").tags, ["Cloud Computing", "grid"]);
    assert.deepEqual(tagsOf(["Red Hat", "red-hat", "RED HAT", "Uncategorized", " "]), ["Red Hat"]);
  });

  it("authors: --author, else the creator by id or name, else the blog's default", () => {
    assert.equal(matchAuthor(["Ann Author"], DATA.authors), "ann");
    assert.equal(matchAuthor(["nobody", "BOB"], DATA.authors), "bob");
    assert.equal(matchAuthor(["annie"], DATA.authors), undefined);
    const wxr = convert("wordpress.xml");
    assert.deepEqual(byTitle(wxr, "Greetings from Berlin").authors, ["bob"], "login bobb → display name Bob Builder → bob");
    assert.deepEqual(byTitle(wxr, "A Hostile Post").authors, ["ann"]);
    assert.deepEqual(new Set(convert("wordpress.xml", "main", "bob").flatMap((post) => post.authors)), new Set(["bob"]));
    const feed = parseSource(
      `<rss version="2.0"><channel><title>x</title><item><title>A</title><pubDate>Tue, 24 Jun 2008 10:00:00 -0400</pubDate><author>zed@example.com (Zed)</author></item></channel></rss>`,
      "x.xml",
    );
    assert.deepEqual(convertItems(feed.items, { blog: "side", data: DATA }).posts[0]?.authors, ["bob"], "the blog's default");
    assert.match(convertItems(feed.items, { blog: "main", data: DATA }).skipped[0]?.reason ?? "", /^unknown author "Zed" \(pass --author <id>/);
  });

  it("the old address's path as an alias", () => {
    assert.equal(aliasOf("https://old.example.com/2008/06/24/xen/"), "/2008/06/24/xen/");
    assert.equal(aliasOf("https://old.example.com/?p=106"), undefined, "a query cannot be redirected by static files");
    assert.equal(aliasOf("https://old.example.com/"), undefined);
    assert.equal(aliasOf(undefined), undefined);
  });

  it("every post's text is front matter the loader reads back as converted", () => {
    for (const [name, blog] of [["wordpress.xml", "main"], ["feed.rss", "side"], ["feed.atom", "side"]] as const) {
      const posts = convert(name, blog);
      for (const placement of placePosts(posts, { blog, recorded: new Map(), existing: [] })) {
        const split = splitFrontMatter(postText(placement));
        const yaml = parseYaml(split.frontMatter ?? "", placement.file);
        const fm = postSchema("America/New_York").parse(yaml.value);
        const { post } = placement;
        assert.equal(fm.title, post.title);
        assert.equal(fm.date.source, post.date);
        assert.deepEqual([fm.author].flat(), post.authors);
        assert.deepEqual(fm.tags, post.tags);
        assert.equal(fm.summary, post.summary);
        assert.deepEqual(fm.aliases, [...(post.alias ? [post.alias] : []), ...post.aliases]);
        if (name === "wordpress.xml") assert.match(post.aliases.join(" "), /^\/\?(p|page_id)=\d+$/, "a WordPress item keeps its ?p=N address");
        assert.equal(fm.draft, post.draft);
        assert.equal(split.body.trim(), post.body.trim());
      }
    }
  });
});

describe("placing posts", () => {
  it("two items with the same title: the later one gets -2", () => {
    const placed = placePosts(convert("wordpress.xml"), { blog: "main", recorded: new Map(), existing: [] });
    const files = placed.map((p) => p.file);
    assert.deepEqual(files, [
      "posts/main/2008/xen-and-the-art-of-hypervisors.md",
      "posts/main/2009/greetings-from-berlin.md",
      "posts/main/2008/a-hostile-post.md",
      "posts/main/2008/weekly-links.md",
      "posts/main/2008/weekly-links-2.md",
      "posts/main/pages/about.md",
    ]);
    assert.equal(placed[5]?.url, "/main/about/", "a page, at its path under the blog");
    assert.equal(placed[4]?.url, "/main/2008/07/weekly-links-2/");
    assert.match(postText(placed[4]!), /The second week's links/);
  });

  it("the earlier item keeps the plain slug whatever the source order", () => {
    const posts = convert("wordpress.xml").reverse();
    const links = placePosts(posts, { blog: "main", recorded: new Map(), existing: [] }).filter((p) => p.post.title === "Weekly Links");
    assert.deepEqual(links.map((p) => [p.post.date, p.file]), [
      ["2008-07-14T09:00:00-04:00", "posts/main/2008/weekly-links-2.md"],
      ["2008-07-07T09:00:00-04:00", "posts/main/2008/weekly-links.md"],
    ]);
  });

  it("never takes the URL of another post of the blog, in any year folder", () => {
    const posts = convert("wordpress.xml");
    const placed = placePosts(posts, {
      blog: "main",
      recorded: new Map(),
      existing: [{ file: "posts/main/2009/weekly-links.md", url: "/main/2008/07/weekly-links/" }],
    });
    assert.deepEqual(placed.filter((p) => p.post.title === "Weekly Links").map((p) => p.file), [
      "posts/main/2008/weekly-links-2.md",
      "posts/main/2008/weekly-links-2-2.md",
    ]);
  });

  it("a post imported before keeps its file, and a new one does not take it", () => {
    const posts = convert("wordpress.xml");
    const recorded = new Map([["wp-post:105@old.example.com", "posts/main/2008/weekly-links.md"]]);
    const placed = placePosts(posts, { blog: "main", recorded, existing: [] });
    assert.deepEqual(placed.filter((p) => p.post.title === "Weekly Links").map((p) => [p.post.key, p.file]), [
      ["wp-post:104@old.example.com", "posts/main/2008/weekly-links-2.md"],
      ["wp-post:105@old.example.com", "posts/main/2008/weekly-links.md"],
    ]);
  });

  it("leaves an alias out when it is the post's own new address", () => {
    const [post] = convert("feed.atom", "side");
    const text = postText({ post: { ...post!, alias: "/side/2008/11/cloud-and-grid-same-thing/" }, file: "f.md", url: "/side/2008/11/cloud-and-grid-same-thing/" });
    assert.doesNotMatch(text, /aliases/);
  });
});

describe("the import record", () => {
  it("is the same text for the same imports, keys sorted", () => {
    const a = stateText({ items: { b: { file: "2008/b.md", sha256: "2" }, a: { file: "2008/a.md", sha256: "1" } } });
    const b = stateText({ items: { a: { file: "2008/a.md", sha256: "1" }, b: { file: "2008/b.md", sha256: "2" } } });
    assert.equal(a, b);
    assert.ok(a.indexOf('"a"') < a.indexOf('"b"'));
  });
});
