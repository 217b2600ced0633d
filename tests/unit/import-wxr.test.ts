/**
 * The pieces of a real WordPress import: declared encodings, document
 * types, shortcodes, Gutenberg blocks, embeds, `<!--more-->`, comments in
 * the comments format, authors, links by old address, what the sanitiser
 * removed, titles, and every item's outcome.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { parse as parseYamlText } from "yaml";
import type { ArchiveData } from "../../src/content/model.ts";
import { reservedPageSegment } from "../../src/content/pages.ts";
import { planAuthors, writeAuthors } from "../../src/import/authors.ts";
import { commentsYaml, convertComments } from "../../src/import/comments.ts";
import { convertItems, untitled } from "../../src/import/convert.ts";
import { decodeSource, declaredEncoding } from "../../src/import/decode.ts";
import { type Removed, removedText, sanitizeBody, sanitizeComment, sanitizedToMarkdown } from "../../src/import/html.ts";
import { parseSource } from "../../src/import/run.ts";
import type { SourceComment } from "../../src/import/source.ts";
import { renderWordPress } from "../../src/import/wordpress.ts";
import { OldUrls } from "../../src/import/xref.ts";
import { parseArchiveDate } from "../../src/dates.ts";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/import");
const bytes = (name: string) => readFileSync(path.join(FIXTURES, name));

const DATA: ArchiveData = {
  site: { title: "T", url: "https://example.org", language: "en", timezone: "America/New_York", publisher: "P", sidebar: "as-of-post" },
  authors: { ann: { name: "Ann Author", links: [] } },
  blogs: { main: { title: "Main", sister_blogs: [], promos: [] } },
  podcasts: {},
  books: {},
  reviews: [],
};

const none = { attachments: new Map(), embeds: [] };

describe("reading an export as it was written", () => {
  it("decodes an ISO-8859-1 export by its declaration, not as U+FFFD", () => {
    assert.equal(declaredEncoding(bytes("latin1.xml")), "iso-8859-1");
    const text = decodeSource(bytes("latin1.xml"), "latin1.xml");
    assert.doesNotMatch(text, /\uFFFD/);
    const feed = parseSource(text, "latin1.xml");
    assert.equal(feed.items[0]?.title, "Crème brûlée à la française");
    assert.match(feed.items[0]?.html ?? "", /Déjà vu: ¿qué pasó\? © 2009, 20°C\./);
    assert.deepEqual(feed.authors, [{ login: "jose", name: "José Muñoz" }]);
  });

  it("names the line of a byte that is not valid in the declared encoding, and an encoding it cannot decode", () => {
    const bad = Buffer.concat([Buffer.from('<?xml version="1.0"?>\n<rss>\n<x>caf'), Buffer.from([0xe9]), Buffer.from("</x></rss>")]);
    assert.throws(() => decodeSource(bad, "bad.xml"), /^ToolError: bad\.xml:3: is not valid UTF-8 \(if it is Windows-1252 or ISO-8859-1, say so/);
    assert.throws(() => decodeSource(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><rss/>'), "k.xml"), /k\.xml: declares the encoding "x-klingon", which this importer cannot decode; nothing was imported/);
    assert.equal(decodeSource(Buffer.from('<?xml version="1.0" encoding="windows-1252"?><t>\x93q\x94</t>', "latin1"), "w.xml"), '<?xml version="1.0" encoding="windows-1252"?><t>“q”</t>');
    assert.match(decodeSource(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>\x93q\x94 \xe9</t>', "latin1"), "l.xml"), /<t>“q” é<\/t>/, "Latin-1 read as its superset, as browsers do");
    assert.match(decodeSource(Buffer.from('<?xml version="1.0" encoding="koi8-r"?><t>\xf0\xd2\xc9\xd7\xc5\xd4</t>', "latin1"), "r.xml"), /<t>Привет<\/t>/);
    assert.throws(() => decodeSource(Buffer.from('<?xml version="1.0" encoding="shift_jis"?>\n<t>\x81</t>', "latin1"), "s.xml"), /s\.xml:2: is not valid SHIFT_JIS/);
  });

  it("refuses a document type with entity declarations (XXE) with a message, and ignores a bare one", () => {
    assert.throws(
      () => parseSource(bytes("xxe.xml").toString("utf8"), "xxe.xml"),
      (error: unknown) =>
        error instanceof Error && error.name === "ToolError" &&
        /^xxe\.xml:3: has a document type declaration with its own definitions \(<!DOCTYPE … \[ … \]>\), which no WordPress export or feed needs/.test(error.message),
    );
    const rss = `<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>x</title><item><title>One</title><pubDate>Tue, 24 Jun 2008 10:00:00 -0400</pubDate></item></channel></rss>`;
    assert.equal(parseSource(rss, "old.rss").items[0]?.title, "One");
  });
});

describe("WordPress content as WordPress showed it", () => {
  it("[code] and [sourcecode lang=] become code in that language, their text shown once decoded", () => {
    const { html } = renderWordPress('Before\n\n[sourcecode lang="python"]\nif a &lt; b:\n    print("x")\n[/sourcecode]\n\n[code language="JS"]a && b[/code]', none);
    assert.match(html, /<pre><code class="language-python">if a &lt; b:\n {4}print\("x"\)<\/code><\/pre>/);
    assert.match(html, /<pre><code class="language-js">a &amp;&amp; b<\/code><\/pre>/);
    assert.match(html, /^<p>Before<\/p>/);
  });

  it("[gallery] shows the post's attachments in order, [gallery ids] the ones it names, each with its caption", () => {
    const attachments = new Map([
      ["7", { id: "7", url: "https://x.example/b.jpg", title: "b", caption: "Second", alt: "", parent: "5", order: 2 }],
      ["6", { id: "6", url: "https://x.example/a.jpg", title: "a", caption: "", alt: "The first", parent: "5", order: 1 }],
      ["9", { id: "9", url: "https://x.example/c.jpg", title: "c", caption: "Elsewhere", alt: "", parent: "8", order: 0 }],
    ]);
    const byParent = new Map([["5", [attachments.get("6")!, attachments.get("7")!]]]);
    const own = renderWordPress("[gallery]", { postId: "5", attachments, attachmentsOf: byParent, embeds: [] }).html;
    assert.match(own, /<img src="https:\/\/x\.example\/a\.jpg" alt="The first">[\s\S]*<img src="https:\/\/x\.example\/b\.jpg" alt="b"><figcaption>Second<\/figcaption>/);
    assert.doesNotMatch(own, /c\.jpg/);
    const named = renderWordPress('[gallery ids="9,6"]', { postId: "5", attachments, attachmentsOf: byParent, embeds: [] }).html;
    assert.ok(named.indexOf("c.jpg") < named.indexOf("a.jpg") && !named.includes("b.jpg"));
  });

  it("embeds, [youtube] and cached oEmbed markup become plain links with the embed's title", () => {
    const embeds = [{ html: '<iframe title="Xen &amp; Friends" src="https://www.youtube.com/embed/abcdefgh123?feature=oembed"></iframe>' }];
    const { html } = renderWordPress(
      "Watch:\n\nhttps://www.youtube.com/watch?v=abcdefgh123\n\n[youtube=http://www.youtube.com/watch?v=abcdefgh123&w=400]\n\n[embed]https://vimeo.com/123456[/embed]",
      { attachments: new Map(), embeds },
    );
    assert.equal((html.match(/<a href="https?:\/\/www\.youtube\.com\/watch\?v=abcdefgh123[^"]*">Xen &amp; Friends<\/a>/g) ?? []).length, 2);
    assert.match(html, /<a href="https:\/\/vimeo\.com\/123456">Video on Vimeo<\/a>/);
    assert.doesNotMatch(html, /<iframe/);
  });

  it("Gutenberg: block comments go, embed blocks become links, a code block keeps its language", () => {
    const content = [
      "<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->",
      '<!-- wp:code {"language":"rust"} -->\n<pre class="wp-block-code"><code>fn main() {}</code></pre>\n<!-- /wp:code -->',
      '<!-- wp:embed {"url":"https://twitter.com/x/status/1","type":"rich"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://twitter.com/x/status/1\n</div><figcaption>A post</figcaption></figure>\n<!-- /wp:embed -->',
      "<!-- wp:separator -->\n<hr class=\"wp-block-separator\"/>\n<!-- /wp:separator -->",
    ].join("\n\n");
    const { html } = renderWordPress(content, none);
    assert.doesNotMatch(html, /wp:/);
    assert.match(html, /<p>One<\/p>/);
    assert.match(html, /<code class="language-rust">fn main\(\) \{\}<\/code>/);
    assert.match(html, /<p><a href="https:\/\/twitter\.com\/x\/status\/1">Post on Twitter<\/a> — A post<\/p>/);
    assert.doesNotMatch(html, /<p><p>|<p>\s*<hr/, "block content is not wrapped in paragraphs again");
  });

  it("<!--more--> ends the teaser; unknown shortcodes stay as text and are counted, brackets in prose are not", () => {
    const rendered = renderWordPress('Teaser.\n<!--more-->\nRest [contact-form-7 id="3"] and [unknown]x[/unknown] and [sic].', none);
    assert.equal(rendered.teaserHtml, "<p>Teaser.</p>");
    assert.match(rendered.html, /^<p>Teaser\.<\/p>\n<p>Rest \[contact-form-7 id="3"\] and \[unknown\]x\[\/unknown\] and \[sic\]\.<\/p>$/);
    assert.deepEqual([...rendered.unknownShortcodes], [["contact-form-7", 1], ["unknown", 1]]);
  });
});

describe("what the sanitiser removes, counted", () => {
  it("scripts, iframes, handlers, javascript: and data: URLs, however they are spelled", () => {
    const removed: Removed = new Map();
    const html = sanitizeBody(
      '<p onclick="x()">a</p><script>x()</script><iframe src="https://e.example/f"></iframe><a href="JaVa&#x09;ScRiPt:x()">b</a><img src="data:image/png;base64,AA" onerror="x()"><svg onload="x()"></svg>',
      "https://old.example/",
      removed,
    );
    assert.doesNotMatch(html, /onclick|onerror|onload|<script|<iframe|javascript:|data:/i);
    assert.equal(removedText(removed), "1 script, 1 iframe, 3 event handlers, 1 javascript: URL, 1 data: URL");
  });

  it("comments keep only the allowlist: p, br, a (http, https, mailto), em, strong, b, i, code, pre, blockquote, lists", () => {
    const removed: Removed = new Map();
    const html = sanitizeComment('<p class="x"><a href="https://a.example/" rel="x">ok</a> <a href="ftp://f.example/">ftp</a> <img src="https://i.example/i.png"> <u>u</u> <strong>s</strong></p><table><tr><td>t</td></tr></table>', removed);
    assert.equal(html, '<p><a href="https://a.example/">ok</a> <a>ftp</a>  u <strong>s</strong></p>t');
  });
});

const comment = (over: Partial<SourceComment> & { id: string }): SourceComment => ({
  author: "Someone",
  date: { value: "2010-08-02T10:00:00-04:00" },
  type: "comment",
  status: "approved",
  registered: false,
  html: "Hi.",
  ...over,
});

describe("comments in the agreed format", () => {
  it("approved comments oldest first with their threads; spam, pending and trash left out and counted", () => {
    const { entries, left } = convertComments([
      comment({ id: "3", parent: "2", date: { value: "2010-08-02T12:00:00-04:00" }, html: "Third <script>x()</script>" }),
      comment({ id: "1", author: "", url: "https://one.example/", html: "First\n\nparagraph two" }),
      comment({ id: "2", parent: "1", registered: true, date: { value: "2010-08-02T11:00:00-04:00" } }),
      comment({ id: "4", type: "pingback", html: "", date: { value: "2010-08-03T09:00:00-04:00" } }),
      comment({ id: "5", status: "spam" }),
      comment({ id: "6", status: "pending" }),
      comment({ id: "7", status: "trash" }),
      comment({ id: "8", parent: "5", date: { value: "2010-08-04T09:00:00-04:00" } }),
    ]);
    assert.deepEqual([...left], [["spam", 1], ["pending", 1], ["trash", 1]]);
    assert.deepEqual(entries, [
      { id: 1, author: "Anonymous", url: "https://one.example/", date: "2010-08-02T10:00:00-04:00", verified: false, body: "First\n\nparagraph two" },
      { id: 2, author: "Someone", date: "2010-08-02T11:00:00-04:00", parent: 1, body: "Hi." },
      { id: 3, author: "Someone", date: "2010-08-02T12:00:00-04:00", parent: 2, verified: false, body: "Third" },
      { id: 4, author: "Someone", date: "2010-08-03T09:00:00-04:00", type: "pingback", verified: false, body: "" },
      { id: 8, author: "Someone", date: "2010-08-04T09:00:00-04:00", verified: false, body: "Hi." },
    ]);
  });

  it("plain-paragraph comments convert exactly as through turndown", () => {
    for (const html of ["<p>1. not a list *x* [y](z) &lt;b&gt; &amp;amp; # h</p><p>  two\n lines  </p>", "<p>::: reply</p>", "<p>a&nbsp;b</p><p></p>"]) {
      // A <span> takes the general path (turndown), which gives the same text for it.
      assert.equal(sanitizedToMarkdown(html), sanitizedToMarkdown(html.replace("<p>", "<p><span></span>")), html);
    }
  });

  it("the file is a YAML list that reads back as written: dates quoted, bodies as blocks", () => {
    const { entries } = convertComments([
      comment({ id: "1", author: "yes", html: "Line one<br>line two: with a colon\n\n- not a list" }),
      comment({ id: "2", parent: "1", author: "2008", date: { value: "2010-08-02T11:00:00-04:00" } }),
    ]);
    const text = commentsYaml(entries);
    assert.match(text, /^- id: 1\n  author: "yes"\n  date: "2010-08-02T10:00:00-04:00"\n  verified: false\n  body: \|-\n    Line one\n    line two: with a colon\n\n    \\- not a list\n- id: 2\n/);
    assert.deepEqual(parseYamlText(text), entries);
    assert.equal(commentsYaml([]), "[]\n");
  });
});

describe("authors from the export", () => {
  it("an author already in the archive is used as they are (by id or by name); new ones get their login as id", () => {
    const plan = planAuthors(
      [{ login: "ann", name: "Ann A." }, { login: "Bob.Writer", name: "Bob Writer" }, { login: "cg", name: "Ann Author" }, { login: "ann2", name: "Bob Writer" }],
      DATA.authors,
    );
    assert.deepEqual([...plan.byLogin], [["ann", "ann"], ["Bob.Writer", "bob-writer"], ["cg", "ann"], ["ann2", "bob-writer"]]);
    assert.deepEqual(plan.added, [{ id: "bob-writer", name: "Bob Writer" }]);
  });

  it("appends to _data/authors.yaml, keeping its comments, order and every existing entry as it was", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "backlist-authors-"));
    mkdirSync(path.join(root, "_data"));
    const before = "# The archive's authors.\nzed:\n  name: Zed\n  bio: First. # kept\nann:\n  name: Ann Author\n";
    writeFileSync(path.join(root, "_data/authors.yaml"), before);
    assert.equal(await writeAuthors(root, [{ id: "bob", name: "Bob: the \"Builder\"" }, { id: "ann", name: "Not Ann" }]), "_data/authors.yaml");
    const after = readFileSync(path.join(root, "_data/authors.yaml"), "utf8");
    assert.ok(after.startsWith(before), after);
    assert.deepEqual(Object.keys(parseYamlText(after) as object), ["zed", "ann", "bob"]);
    assert.deepEqual((parseYamlText(after) as Record<string, unknown>).bob, { name: 'Bob: the "Builder"' });
    assert.equal(await writeAuthors(root, [{ id: "bob", name: "Bob again" }]), undefined, "nothing to add: the file is left alone");
  });
});

describe("links by old address", () => {
  const urls = new OldUrls();
  urls.addSite("https://old.example.com");
  urls.addItem(0, { kind: "post", postId: "12", link: "https://old.example.com/2010/01/04/hello/", guid: "https://old.example.com/?p=12" });
  urls.addItem(1, { kind: "post", postId: "27", link: "https://old.example.com/archives/27" });
  urls.addItem(2, { kind: "page", postId: "30", link: "https://old.example.com/about/", guid: "https://old.example.com/?page_id=30" });

  it("finds an item by /?p=, /?page_id=, /archives/<id>, its permalink (any case, www., with or without the slash) or a relative link", () => {
    assert.equal(urls.resolve("https://old.example.com/?p=12"), 0);
    assert.equal(urls.resolve("http://www.old.example.com/index.php?p=12#c"), 0);
    assert.equal(urls.resolve("https://old.example.com/2010/01/04/Hello"), 0);
    assert.equal(urls.resolve("/archives/27", "https://old.example.com/2010/09/x/"), 1);
    assert.equal(urls.resolve("https://old.example.com/?page_id=30"), 2);
    assert.equal(urls.resolve("https://old.example.com/about/"), 2);
    assert.equal(urls.resolve("https://elsewhere.example/?p=12"), undefined, "another site");
    assert.equal(urls.resolve("https://old.example.com/"), undefined, "the home page");
    assert.equal(urls.resolve("https://old.example.com/?p=99"), undefined);
  });

  it("rewrites placeholders to relative .md links, page URLs, or the original link when the target was not imported", () => {
    const a = urls.placeholder(0, "https://old.example.com/?p=12#top");
    const b = urls.placeholder(2, "https://old.example.com/about/");
    const c = urls.placeholder(1, "https://old.example.com/archives/27");
    const targets = new Map<number, { file: string } | { url: string }>([[0, { file: "posts/main/2010/hello.md" }], [2, { url: "/main/about/" }]]);
    assert.equal(urls.rewrite(`[a](${a}) [b](${b}) [c](${c})`, "posts/main/2011/x.md", (n) => targets.get(n)), "[a](../2010/hello.md#top) [b](/main/about/) [c](https://old.example.com/archives/27)");
  });
});

describe("every item's outcome", () => {
  const feed = parseSource(bytes("wordpress-quirks.xml").toString("utf8"), "quirks.xml");

  it("skips what WordPress never showed, each with its reason; protected posts only without --include-protected", () => {
    const { skipped } = convertItems(feed.items, { blog: "main", data: DATA, author: "ann", attachments: feed.attachments });
    assert.deepEqual(skipped.map((item) => `${item.title}: ${item.reason}`), [
      "A Protected Post: password-protected (--include-protected imports it)",
      "A Scheduled Post: scheduled",
      "A Draft: draft",
      "A Private Post: private",
      "A Pending Post: pending",
      "A Trashed Post: trash",
      "racks: attachment",
      "cooling: attachment",
      "Contact (private): private",
      "Hello World: revision",
      "Home: menu item",
      "Contact form: unsupported type (wpcf7_contact_form)",
    ]);
    const included = convertItems(feed.items, { blog: "main", data: DATA, author: "ann", includeProtected: true });
    assert.ok(included.posts.some((post) => post.title === "A Protected Post"));
  });

  it("two items with one guid are two posts; titles are plain text; an empty one gets the placeholder naming its day", () => {
    const { posts } = convertItems(feed.items, { blog: "main", data: DATA, author: "ann" });
    assert.deepEqual(posts.filter((post) => post.title.startsWith("Shared Guid")).map((post) => post.key), ["wp-post:13@quirks.example.net", "wp-post:14@quirks.example.net"]);
    assert.ok(posts.some((post) => post.title === "Hello World & Friends"));
    const untitledPost = posts.find((post) => post.title.startsWith("Untitled"));
    assert.equal(untitledPost?.title, "Untitled post of 2010-03-09");
    assert.equal(untitledPost?.slug, "2010-03-09");
    assert.deepEqual(untitledPost?.warnings, ['title: the item has none; written as "Untitled post of 2010-03-09"']);
    const date = parseArchiveDate("2008-06-24T23:30:00-04:00", "UTC");
    assert.ok(date.ok);
    if (date.ok) assert.equal(untitled(date.date), "Untitled post of 2008-06-24", "the day as WordPress showed it, in its own offset");
  });

  it("a page's path follows its parents; a path the blog uses itself is moved aside", () => {
    const { posts } = convertItems(feed.items, { blog: "main", data: DATA, author: "ann" });
    const team = posts.find((post) => post.title === "The Team");
    assert.deepEqual([team?.kind, team?.parents, team?.slug], ["page", ["about"], "team"]);
    for (const segment of ["2008", "page", "feed.xml", "feed.json", "pages"]) assert.equal(reservedPageSegment(segment), true, segment);
    assert.equal(reservedPageSegment("about"), false);
  });
});
