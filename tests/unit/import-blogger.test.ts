/**
 * Reading a Blogger export (tests/fixtures/import/blogger.xml): entries told
 * apart by their kind, slugs from old `.html` addresses, dates with their
 * own offset, labels, drafts, pages, comment threads through `related`
 * links, removed comments, and Blogger's image hosts. The newer form
 * (tests/fixtures/import/blogger-new.xml): `<blogger:type>`, `<blogger:status>`,
 * `<blogger:filename>`, threads through `<blogger:parent>`, a blog address
 * the export does not give, and a file mixing both forms.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { ArchiveData } from "../../src/content/model.ts";
import {
  KIND_SCHEME,
  LABEL_SCHEME,
  blogIdOf,
  bloggerDate,
  commentStatus,
  filenamePath,
  entryKind,
  imageHostsIn,
  isBloggerImage,
  isRemovedComment,
  labelsOf,
  numericId,
  originFromLinks,
  parentOf,
  parseBlogger,
  skipReason,
  slugFromUrl,
  statusSkip,
  typeKind,
} from "../../src/import/blogger.ts";
import { convertComments } from "../../src/import/comments.ts";
import { convertItems } from "../../src/import/convert.ts";
import { MediaRefs } from "../../src/import/media.ts";
import { parseSource } from "../../src/import/run.ts";
import { detectFormat } from "../../src/import/source.ts";

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/import/blogger.xml");
const xml = readFileSync(FIXTURE, "utf8");
const kind = (name: string) => ({ scheme: KIND_SCHEME, term: `http://schemas.google.com/blogger/2008/kind#${name}` });

const DATA: ArchiveData = {
  site: { title: "T", url: "https://example.org", language: "en", timezone: "America/New_York", publisher: "P", sidebar: "as-of-post" },
  authors: { ann: { name: "Ann Author", links: [] } },
  blogs: { notes: { title: "Notes", author: "ann", sister_blogs: [], promos: [] } },
  podcasts: {},
  books: {},
  reviews: [],
};

describe("recognising a Blogger export", () => {
  it("tells a Blogger export from a plain Atom feed", () => {
    assert.equal(detectFormat(xml), "blogger");
    assert.equal(detectFormat(readFileSync(path.join(path.dirname(FIXTURE), "feed.atom"), "utf8")), "atom");
    assert.equal(parseSource(xml, "blogger.xml").format, "blogger");
  });

  it("reads each entry's kind from its kind category, whatever else it has", () => {
    assert.equal(entryKind([{ scheme: LABEL_SCHEME, term: "Xen" }, kind("post")]), "post");
    for (const name of ["page", "comment", "settings", "template"]) assert.equal(entryKind([kind(name)]), name);
    assert.equal(entryKind([{ scheme: "http://example.com/other", term: "http://schemas.google.com/blogger/2008/kind#post" }]), undefined);
    assert.equal(entryKind([]), undefined);
  });

  it("names why other kinds are skipped, whatever the kind is called", () => {
    assert.equal(skipReason("settings"), "settings");
    assert.equal(skipReason("template"), "template");
    assert.equal(skipReason("constructor"), "unsupported kind (constructor)");
    assert.equal(skipReason(undefined), "not a Blogger entry (no kind)");
  });

  it("takes labels from the label scheme only, each once", () => {
    assert.deepEqual(labelsOf([kind("post"), { scheme: LABEL_SCHEME, term: "Xen" }, { scheme: LABEL_SCHEME, term: "Red Hat" }, { scheme: LABEL_SCHEME, term: "Xen" }]), ["Xen", "Red Hat"]);
  });
});

describe("the pieces of a Blogger entry", () => {
  it("names the slug of an old address", () => {
    assert.equal(slugFromUrl("http://x.blogspot.com/2008/06/red-hat-and-xen.html"), "red-hat-and-xen");
    assert.equal(slugFromUrl("http://x.blogspot.com/p/about.html"), "about");
    assert.equal(slugFromUrl("https://x.blogspot.com/2008/06/caf%C3%A9-notes.html?m=1"), "café-notes");
    assert.equal(slugFromUrl("http://x.blogspot.com/"), undefined);
    assert.equal(slugFromUrl("not a url"), undefined);
    assert.equal(slugFromUrl(undefined), undefined);
  });

  it("reads ids of posts, pages, comments and the blog", () => {
    assert.equal(numericId("tag:blogger.com,1999:blog-7001.post-1101"), "1101");
    assert.equal(numericId("tag:blogger.com,1999:blog-7001.page-2201"), "2201");
    assert.equal(numericId("tag:blogger.com,1999:blog-7001.settings.BLOG_NAME"), undefined);
    assert.equal(blogIdOf("tag:blogger.com,1999:blog-7001.post-1101"), "7001");
  });

  it("finds the comment a reply answers from its related link", () => {
    assert.equal(parentOf([{ rel: "self", href: "https://www.blogger.com/feeds/7001/1101/comments/default/9002" }, { rel: "related", href: "https://www.blogger.com/feeds/7001/1101/comments/default/9001" }]), "9001");
    assert.equal(parentOf([{ rel: "self", href: "https://www.blogger.com/feeds/7001/1101/comments/default/9002" }]), undefined);
    assert.equal(parentOf([{ rel: "related", href: "http://elsewhere.example/" }]), undefined);
  });

  it("keeps a date on the day it was written, in its own offset", () => {
    assert.equal(bloggerDate("2008-06-26T23:30:00.000-07:00"), "2008-06-26T23:30:00-07:00");
    assert.equal(bloggerDate("2008-06-24T10:00:00.000+02:00"), "2008-06-24T10:00:00+02:00");
    assert.equal(bloggerDate("2008-06-24T10:00:00Z"), "2008-06-24T10:00:00Z");
    assert.equal(bloggerDate("yesterday"), undefined);
    assert.equal(bloggerDate(""), undefined);
  });

  it("knows a removed comment by Blogger's notice or its marker", () => {
    assert.ok(isRemovedComment("This comment has been removed by the author.", false));
    assert.ok(isRemovedComment("<p>This comment has been removed by a blog administrator.</p>", false));
    assert.ok(isRemovedComment("Anything", true));
    assert.ok(!isRemovedComment("I think this comment has been removed by the author. Not mine, though.", false));
  });

  it("knows Blogger's image hosts and the shape of their addresses", () => {
    for (const url of [
      "https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEi/s1600/rack.png",
      "http://1.bp.blogspot.com/_AbCdEf/SHb2/AAAAAAAAAAk/XyZ/s1600-h/console.png",
      "https://lh3.googleusercontent.com/blogger_img_proxy/abc",
      "http://127.0.0.1:4000/img/b/R29v/s320/rack.png",
    ]) {
      assert.ok(isBloggerImage(url), url);
    }
    for (const url of ["https://example.com/images/rack.png", "javascript:alert(1)", "https://bp.blogspot.com.evil.example/x.png"]) assert.ok(!isBloggerImage(url), url);
    assert.deepEqual(imageHostsIn('<a href="https://blogger.googleusercontent.com/img/s1600/a.png"><img src="http://2.bp.blogspot.com/_x/s320/a.png"></a><img src="https://example.com/b.png">'), [
      "blogger.googleusercontent.com",
      "2.bp.blogspot.com",
    ]);
    const media = new MediaRefs(["http://converging-notes.blogspot.com/"], ["blogger.googleusercontent.com"]);
    assert.ok(media.isSiteFile("https://blogger.googleusercontent.com/img/b/R29v/s1600/rack.png"), "a link to the full-size image is the post's file");
    assert.ok(!media.isSiteFile("https://example.com/rack.png"));
  });
});

describe("a Blogger export's entries", () => {
  const feed = parseBlogger(xml, "blogger.xml");
  const byTitle = (title: string) => feed.items.find((item) => item.title === title);

  it("gives every entry but the comments an item, settings and template skipped with their reason", () => {
    assert.equal(feed.site, "http://converging-notes.blogspot.com/");
    assert.equal(feed.title, "Converging Notes");
    assert.deepEqual(
      feed.items.map((item) => [item.sourceKind ?? item.kind, item.skip ?? "", item.title]),
      [
        ["settings", "settings", "BLOG_NAME"],
        ["settings", "settings", "BLOG_COMMENT_MODERATION"],
        ["template", "template", "Template: Converging Notes"],
        ["post", "", "Red Hat and the hypervisor"],
        ["post", "", ""],
        ["post", "", "Careful with scripts"],
        ["post", "", "Following up"],
        ["post", "draft", "Unfinished thoughts"],
        ["page", "", "About"],
      ],
    );
  });

  it("reads a post's dates, labels, author, address and slug", () => {
    const post = byTitle("Red Hat and the hypervisor")!;
    assert.deepEqual(post.date, { value: "2008-06-24T10:00:00-04:00" });
    assert.equal(post.updated, "2008-06-25T08:15:00-04:00");
    assert.deepEqual(post.categories, ["Xen", "Red Hat"]);
    assert.deepEqual(post.creators, ["Mitch Tester"]);
    assert.equal(post.link, "http://converging-notes.blogspot.com/2008/06/red-hat-and-hypervisor.html");
    assert.equal(post.slug, "red-hat-and-hypervisor");
    assert.match(post.html, /^<p>Red Hat has picked a <b>hypervisor<\/b>\.<\/p>/);
    assert.equal(byTitle("")?.updated, undefined, "no updated date when it is the published one");
    assert.deepEqual(feed.authors, [
      { login: "Mitch Tester", name: "Mitch Tester" },
      { login: "Guest Writer", name: "Guest Writer" },
    ]);
  });

  it("threads comments under their post, replies under the comment they answer", () => {
    const post = byTitle("Red Hat and the hypervisor")!;
    assert.deepEqual(
      post.comments.map((c) => [c.id, c.parent, c.author, c.url, c.status, c.registered]),
      [
        ["9001", undefined, "Rita Reader", "http://rita.example.net/", "approved", false],
        ["9002", "9001", "Mitch Tester", "https://www.blogger.com/profile/1001", "approved", true],
        ["9003", "9002", "Rita Reader", "http://rita.example.net/", "approved", false],
        ["9004", undefined, "Someone Else", undefined, "removed", false],
      ],
    );
    assert.equal(byTitle("Unfinished thoughts")?.comments.length, 1, "the draft keeps its comment, to be counted when it is skipped");
    assert.deepEqual([...(feed.commentsLeft ?? [])], [["on a post not in the export", 1]]);
  });

  it("becomes comments files with the thread, the removed comment left out and hostile markup gone", () => {
    const post = byTitle("Red Hat and the hypervisor")!;
    const { entries, left } = convertComments(post.comments);
    assert.deepEqual(entries.map((e) => [e.id, e.parent]), [[9001, undefined], [9002, 9001], [9003, 9002]]);
    assert.deepEqual([...left], [["removed", 1]]);
    const text = JSON.stringify(entries);
    assert.doesNotMatch(text, /script|alert|javascript:|onclick|track\(/);
    assert.match(entries[1]!.body, /\[see the project\]\(http:\/\/www\.linux-kvm\.org\/\)/);
  });

  it("converts into posts and a page, the untitled one with a placeholder title, the draft skipped", () => {
    const { posts, skipped } = convertItems(feed.items, { blog: "notes", data: DATA, authorsByLogin: new Map([["Mitch Tester", "ann"], ["Guest Writer", "ann"]]) });
    assert.deepEqual(
      posts.map((p) => [p.kind, p.slug, p.title, p.alias]),
      [
        ["post", "red-hat-and-hypervisor", "Red Hat and the hypervisor", "/2008/06/red-hat-and-hypervisor.html"],
        ["post", "blog-post", "Untitled post of 2008-06-26", "/2008/06/blog-post.html"],
        ["post", "careful-with-scripts", "Careful with scripts", "/2008/07/careful-with-scripts.html"],
        ["post", "following-up", "Following up", "/2008/07/following-up.html"],
        ["page", "about", "About", "/p/about.html"],
      ],
    );
    assert.equal(posts[1]?.parsed.datetime.slice(0, 10), "2008-06-26", "the day it was written, not the next day in New York");
    assert.deepEqual(posts[0]?.tags, ["Xen", "Red Hat"]);
    assert.equal(posts[0]?.updated, "2008-06-25T08:15:00-04:00");
    assert.deepEqual(skipped.map((s) => [s.kind, s.reason, s.comments]), [
      ["settings", "settings", 0],
      ["settings", "settings", 0],
      ["template", "template", 0],
      ["post", "draft", 1],
    ]);
    assert.doesNotMatch(posts[2]!.body, /script|alert|onclick|onerror|javascript:/);
  });

  it("finds the post of a comment that names it only by its old address, and counts one whose post is not there", () => {
    const entry = (id: string, kind: string, extra: string) =>
      `<entry><id>tag:blogger.com,1999:blog-1.post-${id}</id><published>2008-06-24T10:00:00.000-04:00</published>` +
      `<category scheme='${KIND_SCHEME}' term='http://schemas.google.com/blogger/2008/kind#${kind}'/><title type='text'>T${id}</title>` +
      `<content type='html'>Text ${id}</content>${extra}<author><name>A</name></author></entry>`;
    const small = `<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><id>tag:blogger.com,1999:blog-1</id><title>B</title>` +
      entry("1", "post", "<link rel='alternate' type='text/html' href='http://b.blogspot.com/2008/06/first.html'/>") +
      entry("2", "comment", "<link rel='alternate' type='text/html' href='http://www.b.blogspot.com/2008/06/first.html?showComment=1#c2'/>") +
      entry("3", "comment", "<link rel='alternate' type='text/html' href='http://b.blogspot.com/2008/06/gone.html?showComment=1#c3'/>") +
      entry("4", "widget", "") +
      `</feed>`;
    const feed = parseBlogger(small, "small.xml");
    assert.deepEqual(feed.items.map((item) => [item.title, item.skip ?? "", item.comments.map((c) => c.id)]), [
      ["T1", "", ["2"]],
      ["T4", "unsupported kind (widget)", []],
    ]);
    assert.deepEqual([...(feed.commentsLeft ?? [])], [["on a post not in the export", 1]]);
    assert.equal(feed.site, "http://b.blogspot.com/", "a feed without its own address takes its posts'");
    assert.deepEqual(feed.notices, ["the export does not give the blog's address; taken as http://b.blogspot.com from its posts' own addresses"]);
  });

  it("gives one bad entry its reason and reads the rest", () => {
    const broken = xml.replace("<published>2008-07-02T09:00:00.000-04:00</published>\n<updated>2008-07-02T09:00:00.000-04:00</updated>", "<published>someday</published>");
    const { posts, skipped } = convertItems(parseBlogger(broken, "b.xml").items, { blog: "notes", data: DATA, author: "ann" });
    assert.equal(posts.length, 4);
    assert.ok(skipped.some((s) => s.title === "Careful with scripts" && /unreadable date: "someday"/.test(s.reason)), JSON.stringify(skipped));
  });
});

const NEW_FIXTURE = path.join(path.dirname(FIXTURE), "blogger-new.xml");
const newXml = readFileSync(NEW_FIXTURE, "utf8");

describe("the pieces of a newer Blogger export's entry", () => {
  it("reads the entry's type and status", () => {
    assert.equal(typeKind("POST"), "post");
    assert.equal(typeKind(" COMMENT "), "comment");
    assert.equal(typeKind(""), undefined);
    assert.equal(statusSkip("LIVE"), undefined);
    assert.equal(statusSkip(undefined), undefined);
    assert.equal(statusSkip("DRAFT"), "draft");
    assert.equal(statusSkip("SCHEDULED"), "scheduled");
    assert.equal(statusSkip("SOFT_TRASHED"), "trash");
    assert.equal(statusSkip("DELETED"), "deleted");
    assert.equal(statusSkip("IMPORTED"), "unknown status (IMPORTED)", "a status it does not know is never taken for published");
    assert.equal(commentStatus("LIVE"), "approved");
    assert.equal(commentStatus("DELETED"), "removed");
    assert.equal(commentStatus("SPAM_COMMENT"), "spam");
    assert.equal(commentStatus("SOFT_TRASHED"), "trash");
    assert.equal(commentStatus("PENDING"), "pending");
  });

  it("reads an old address from the filename, whatever its form", () => {
    assert.equal(filenamePath("/2019/05/foo.html"), "/2019/05/foo.html");
    assert.equal(filenamePath("2019/05/foo.html"), "/2019/05/foo.html");
    assert.equal(filenamePath("https://x.blogspot.com/p/about.html"), "/p/about.html");
    assert.equal(filenamePath(""), undefined);
    assert.equal(filenamePath("/"), undefined);
  });

  it("finds the blog's address in the links between its posts, by the most links to an entry's own path", () => {
    const paths = new Set(["/2019/05/a.html", "/2019/06/b.html"]);
    assert.equal(
      originFromLinks(['<a href="http://x.blogspot.com/2019/05/a.html">a</a> <a href="https://other.example/2019/06/b.html">b</a>', "<a href='http://X.blogspot.com/2019/06/b.html#c1'>b</a>"], paths),
      "http://x.blogspot.com",
    );
    assert.equal(originFromLinks(['<a href="http://x.blogspot.com/2019/07/c.html">c</a>', '<a href="/2019/05/a.html">a</a>'], paths), undefined);
  });
});

describe("a newer Blogger export's entries", () => {
  const feed = parseBlogger(newXml, "blogger-new.xml");
  const byTitle = (title: string) => feed.items.find((item) => item.title === title);

  it("is recognised as a Blogger export by its namespace", () => {
    assert.equal(detectFormat(newXml), "blogger");
    assert.equal(parseSource(newXml, "blogger-new.xml").format, "blogger");
  });

  it("gives every post and page an item, drafts and deleted posts skipped with their reason", () => {
    assert.equal(feed.title, "Garden Ledger");
    assert.deepEqual(
      feed.items.map((item) => [item.kind, item.skip ?? "", item.title]),
      [
        ["post", "", "Tomatoes in May"],
        ["post", "", ""],
        ["post", "", "Solanum & friends"],
        ["post", "draft", "Compost notes"],
        ["post", "deleted", "Slugs everywhere"],
        ["page", "", "About the garden"],
      ],
    );
  });

  it("takes the blog's address from the links between its posts when the feed gives none, and says so", () => {
    assert.equal(feed.site, "http://garden-ledger.blogspot.com/");
    assert.deepEqual(feed.notices, ["the export does not give the blog's address; taken as http://garden-ledger.blogspot.com from the links between its posts"]);
  });

  it("reads a post's address from its filename, its dates, labels with spaces, summary and image host", () => {
    const post = byTitle("Tomatoes in May")!;
    assert.equal(post.link, "http://garden-ledger.blogspot.com/2019/05/tomatoes-in-may.html");
    assert.equal(post.slug, "tomatoes-in-may");
    assert.deepEqual(post.date, { value: "2019-05-02T07:30:00-07:00" });
    assert.equal(post.updated, "2019-05-03T09:12:40Z");
    assert.deepEqual(post.categories, ["Vegetable beds", "Tomatoes"]);
    assert.equal(post.excerptHtml, "Planting the first tomatoes of the year.");
    assert.deepEqual(feed.mediaHosts, ["blogger.googleusercontent.com"]);
    assert.deepEqual(byTitle("About the garden")?.link, "http://garden-ledger.blogspot.com/p/about-garden.html");
    assert.deepEqual(byTitle("Compost notes")?.date, { value: "2019-07-01T10:00:00Z" }, "a draft without a published date has its created one");
  });

  it("threads comments through their parent: the post, or the comment a reply answers, at any depth", () => {
    const post = byTitle("Tomatoes in May")!;
    assert.deepEqual(
      post.comments.map((c) => [c.id, c.parent, c.author, c.status, c.registered]),
      [
        ["7001", undefined, "Lee Neighbour", "approved", false],
        ["7002", "7001", "Pat Gardener", "approved", true],
        ["7003", "7002", "Lee Neighbour", "approved", false],
        ["7004", undefined, "Anonymous", "removed", false],
        ["7008", undefined, "Seed Shop", "spam", false],
      ],
    );
    const { entries, left } = convertComments(post.comments);
    assert.deepEqual(entries.map((e) => [e.id, e.parent]), [[7001, undefined], [7002, 7001], [7003, 7002]]);
    assert.deepEqual([...left].sort(), [["removed", 1], ["spam", 1]]);
    assert.doesNotMatch(JSON.stringify(entries), /script|alert|onclick|track\(/);
    assert.equal(byTitle("Compost notes")?.comments.length, 1, "the draft keeps its comment, to be counted when it is skipped");
    assert.deepEqual([...(feed.commentsLeft ?? [])], [["on a post not in the export", 1]]);
  });

  it("converts into posts and a page with their old .html addresses as aliases and original_url, the placeholder title, the markup-free title", () => {
    const { posts, skipped } = convertItems(feed.items, { blog: "notes", data: DATA, author: "ann" });
    assert.deepEqual(
      posts.map((p) => [p.kind, p.slug, p.title, p.alias, p.original]),
      [
        ["post", "tomatoes-in-may", "Tomatoes in May", "/2019/05/tomatoes-in-may.html", "http://garden-ledger.blogspot.com/2019/05/tomatoes-in-may.html"],
        ["post", "blog-post", "Untitled post of 2019-05-09", "/2019/05/blog-post.html", "http://garden-ledger.blogspot.com/2019/05/blog-post.html"],
        ["post", "solanum-friends", "Solanum & friends", "/2019/06/solanum-friends.html", "http://garden-ledger.blogspot.com/2019/06/solanum-friends.html"],
        ["page", "about-garden", "About the garden", "/p/about-garden.html", undefined],
      ],
    );
    assert.deepEqual(posts[0]?.tags, ["Vegetable beds", "Tomatoes"]);
    assert.equal(posts[0]?.summary, "Planting the first tomatoes of the year.");
    assert.deepEqual(skipped.map((s) => [s.title, s.reason, s.comments]), [
      ["Compost notes", "draft", 1],
      ["Slugs everywhere", "deleted", 0],
    ]);
    assert.doesNotMatch(posts[2]!.body, /script|alert|onclick|steal/);
  });

  it("without any address of the blog, keeps each old path as an alias, gives no original_url, and says why", () => {
    const bare = newXml.replace("http://garden-ledger.blogspot.com/2019/05/tomatoes-in-may.html", "https://elsewhere.example/notes.html");
    const lost = parseBlogger(bare, "bare.xml");
    assert.equal(lost.site, undefined);
    assert.match(lost.notices?.[0] ?? "", /does not give the blog's address: old addresses become aliases by their path, but the posts get no original_url and nothing is added to old_origins/);
    const { posts } = convertItems(lost.items, { blog: "notes", data: DATA, author: "ann" });
    assert.deepEqual(
      posts.map((p) => [p.slug, p.alias, p.aliases, p.original]),
      [
        ["tomatoes-in-may", undefined, ["/2019/05/tomatoes-in-may.html"], undefined],
        ["blog-post", undefined, ["/2019/05/blog-post.html"], undefined],
        ["solanum-friends", undefined, ["/2019/06/solanum-friends.html"], undefined],
        ["about-garden", undefined, ["/p/about-garden.html"], undefined],
      ],
    );
  });

  it("uses the feed's own address when it gives one, with nothing to report", () => {
    const given = newXml.replace("<title>Garden Ledger</title>", "<title>Garden Ledger</title><link rel='alternate' type='text/html' href='https://garden.example.org/'/>");
    const feed = parseBlogger(given, "given.xml");
    assert.equal(feed.site, "https://garden.example.org/");
    assert.equal(feed.notices, undefined);
    assert.equal(feed.items[0]?.link, "https://garden.example.org/2019/05/tomatoes-in-may.html");
  });

  it("reads a file mixing both forms: kinds by category or type, comments by in-reply-to or parent, each post's address by link or filename", () => {
    const mixed =
      `<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0' xmlns:blogger='http://schemas.google.com/blogger/2018'>` +
      `<id>tag:blogger.com,1999:blog-9</id><title>Both</title><link rel='alternate' type='text/html' href='http://both.blogspot.com/'/>` +
      `<entry><id>tag:blogger.com,1999:blog-9.post-1</id><published>2010-01-01T10:00:00.000-05:00</published>` +
      `<category scheme='${KIND_SCHEME}' term='http://schemas.google.com/blogger/2008/kind#post'/><category scheme='${LABEL_SCHEME}' term='Old label'/>` +
      `<title type='text'>Old form</title><content type='html'>Old.</content><link rel='alternate' type='text/html' href='http://both.blogspot.com/2010/01/old-form.html'/><author><name>A</name></author></entry>` +
      `<entry><id>tag:blogger.com,1999:blog-9.post-2</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status><published>2020-01-01T10:00:00Z</published>` +
      `<category scheme='tag:blogger.com,1999:blog-9' term='New label'/><title>New form</title><content type='html'>New.</content><blogger:filename>/2020/01/new-form.html</blogger:filename><author><name>A</name></author></entry>` +
      `<entry><id>tag:blogger.com,1999:blog-9.post-3</id><published>2020-01-02T10:00:00Z</published><category scheme='${KIND_SCHEME}' term='http://schemas.google.com/blogger/2008/kind#comment'/>` +
      `<content type='html'>Old-form comment on the new post.</content><thr:in-reply-to ref='tag:blogger.com,1999:blog-9.post-2'/><author><name>R</name></author></entry>` +
      `<entry><id>tag:blogger.com,1999:blog-9.post-4</id><blogger:parent>tag:blogger.com,1999:blog-9.post-3</blogger:parent><blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>` +
      `<published>2020-01-03T10:00:00Z</published><content type='html'>New-form reply.</content><author><name>A</name></author></entry>` +
      `<entry><id>tag:blogger.com,1999:blog-9.post-5</id><blogger:parent>tag:blogger.com,1999:blog-9.post-1</blogger:parent><blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>` +
      `<published>2010-01-03T10:00:00Z</published><content type='html'>New-form comment on the old post.</content><author><name>R</name></author></entry>` +
      `<entry><id>tag:blogger.com,1999:blog-9.post-6</id><blogger:type>TEMPLATE</blogger:type><title>Layout</title><content type='html'>&lt;b:skin/&gt;</content></entry>` +
      `</feed>`;
    assert.equal(detectFormat(mixed), "blogger");
    const feed = parseBlogger(mixed, "mixed.xml");
    assert.equal(feed.notices, undefined);
    assert.deepEqual(
      feed.items.map((item) => [item.title, item.skip ?? "", item.link, item.categories, item.comments.map((c) => [c.id, c.parent])]),
      [
        ["Old form", "", "http://both.blogspot.com/2010/01/old-form.html", ["Old label"], [["5", undefined]]],
        ["New form", "", "http://both.blogspot.com/2020/01/new-form.html", ["New label"], [["3", undefined], ["4", "3"]]],
        ["Layout", "template", undefined, [], []],
      ],
    );
  });
});
