/**
 * The feeds of a small fixture archive (tests/fixtures/feeds), read back
 * with real feed parsers: @rowanmanning/feed-parser (an independent RSS and
 * Atom reader, as a feed reader sees the feed) and feedsmith's own parsers
 * (which keep dates as written and read the iTunes namespace).
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { loadArchive } from "../../src/content/load.ts";
import type { Archive } from "../../src/content/model.ts";
import { absolutizeHtml, siteUrls } from "../../src/feeds/common.ts";
import { buildFeeds, feedLinks, type FeedFile } from "../../src/feeds/index.ts";
import { durationSeconds, hasPodcastFeed, PODCAST_CATEGORY, podcastWarnings } from "../../src/feeds/podcast.ts";
import { formatProblem } from "../../src/content/source.ts";
import { podcastPages } from "../../src/views/catalog.ts";
import { NOT_PRESERVED_HTML, postFeedScopes, postFeeds } from "../../src/feeds/posts.ts";
import { pageFeed } from "../../src/feeds/archive.ts";
import { generateCorpus, writeCorpus } from "../../src/bench/corpus.ts";
import { walkArchive } from "../feed-walk.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { buildSidebarIndex, type SidebarIndex } from "../../src/sidebars/index.ts";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/feeds");
/** A title with markup, `&`, both quotes and a CDATA terminator: every feed must give it back byte for byte. */
const HOSTILE = `</script><script>window.__pwned=1</script><b>x</b> & "Tom & Jerry's" <i> ]]> 'too'`;
/** RFC 3339 with seconds and an explicit offset. */
const RFC3339_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

interface JsonFeedDoc {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  items: {
    id: string;
    url: string;
    title: string;
    content_html: string;
    date_published: string;
    date_modified?: string;
    tags?: string[];
    authors: { name: string; url: string }[];
  }[];
}

let archive: Archive;
let index: SidebarIndex;
let feeds: FeedFile[];

function feed(url: string): string {
  const file = feeds.find((candidate) => candidate.url === url);
  assert.ok(file, `no feed at ${url}; feeds: ${feeds.map((f) => f.url).join(", ")}`);
  return file.body;
}

function json(url: string): JsonFeedDoc {
  return JSON.parse(feed(url)) as JsonFeedDoc;
}

before(async () => {
  // Drafts loaded, as the dev server does: the feeds must still leave them out.
  archive = await loadArchive({ root, postsDir: "posts", dataDir: "_data", includeDrafts: true, markdown: createMarkdown() });
  assert.ok(archive.drafts.some((post) => post.draft), "the fixture has a draft");
  index = buildSidebarIndex(archive);
  feeds = buildFeeds(archive, index, { prefix: "/" });
});

describe("feed files", () => {
  it("has site, blog and podcast feeds with their types", () => {
    assert.deepEqual(
      feeds.map((file) => [file.url, file.type]),
      [
        ["/feed.xml", "application/atom+xml"],
        ["/feed.json", "application/feed+json"],
        ["/alpha/feed.xml", "application/atom+xml"],
        ["/alpha/feed.json", "application/feed+json"],
        ["/beta/feed.xml", "application/atom+xml"],
        ["/beta/feed.json", "application/feed+json"],
        ["/podcasts/alpha-cast/feed.xml", "application/rss+xml"],
      ],
    );
  });

  it("announces the site's feeds, and a blog's or a show's own", () => {
    assert.deepEqual(
      feedLinks(archive.site, { blog: "alpha", title: "Alpha Blog" }).map((link) => link.href),
      ["/feed.xml", "/feed.json", "/alpha/feed.xml", "/alpha/feed.json"],
    );
    assert.deepEqual(feedLinks(archive.site, { podcast: "alpha-cast", title: "Alpha Cast" }).at(-1), {
      type: "application/rss+xml",
      href: "/podcasts/alpha-cast/feed.xml",
      title: "Alpha Cast",
    });
  });
});

describe("Atom feeds", () => {
  it("lists the newest posts first, without drafts, with absolute links and ids", () => {
    const parsed = parseFeed(feed("/feed.xml"));
    assert.equal(parsed.meta.type, "atom");
    assert.equal(parsed.title, "Feeds Test Archive");
    assert.equal(parsed.url, "https://example.org/");
    assert.equal(parsed.self, "https://example.org/feed.xml");
    assert.deepEqual(
      parsed.items.map((item) => item.url),
      [
        "https://example.org/beta/2009/01/berlin/",
        "https://example.org/alpha/2008/06/hostile/",
        "https://example.org/alpha/2008/06/month-only/",
        "https://example.org/alpha/2008/01/early/",
      ],
    );
    for (const item of parsed.items) assert.equal(item.id, item.url, "the id is the absolute post URL");
    assert.ok(!feed("/feed.xml").includes("Unfinished Draft"));
  });

  it("gives every title back byte for byte to two feed parsers, and never as markup", () => {
    for (const url of ["/feed.xml", "/alpha/feed.xml"]) {
      const body = feed(url);
      const hostile = parseFeed(body).items.find((item) => item.url?.endsWith("/hostile/"));
      assert.equal(hostile?.title, HOSTILE, url);
      const own = parseAtomFeed(body).entries?.find((entry) => entry.id?.endsWith("/hostile/"));
      assert.equal(own?.title?.value, HOSTILE, url);
      assert.equal(own?.summary?.value, "A summary with ]]> and <i>tags</i> & ampersands", url);
      // Every post's title, from both parsers, exactly.
      const titles = archive.posts.filter((post) => !post.draft && (url === "/feed.xml" || post.blog === "alpha")).map((post) => post.title);
      assert.deepEqual(parseFeed(body).items.map((item) => item.title), titles, url);
      assert.deepEqual(parseAtomFeed(body).entries?.map((entry) => entry.title?.value), titles, url);
      // Escaped text, never markup, and no CDATA sections padded by indentation.
      assert.equal(body.includes("<script"), false, url);
      assert.equal(body.includes("<![CDATA["), false, url);
    }
  });

  it("gives back text beyond Latin-1 exactly, written as the characters themselves", () => {
    const title = "Café — “quoted” 😀 naïve";
    const changed = { ...archive, posts: archive.posts.map((p) => (p.slug === "early" ? { ...p, title } : p)) };
    const files = postFeeds(changed, { prefix: "/" });
    const atom = files.find((f) => f.url === "/feed.xml")?.body ?? "";
    const jsonBody = files.find((f) => f.url === "/feed.json")?.body ?? "";
    for (const body of [atom, jsonBody]) assert.ok(body.includes(title), "the title as written, not as references");
    assert.equal(parseFeed(atom).items.at(-1)?.title, title);
    assert.equal(parseAtomFeed(atom).entries?.at(-1)?.title?.value, title);
    assert.equal((JSON.parse(jsonBody) as JsonFeedDoc).items.at(-1)?.title, title);
    assert.equal(parseJsonFeed(jsonBody).items?.at(-1)?.title, title);
  });

  it("adds no whitespace inside any element holding text", () => {
    for (const file of feeds.filter((f) => f.type !== "application/feed+json")) {
      assert.doesNotMatch(file.body, /<(title|summary|content|description|name|id|link|guid|itunes:title)(\s[^>]*[^/])?>\s/, file.url);
      // (A post's HTML may end in its own newline: content is checked whole elsewhere.)
      assert.doesNotMatch(file.body, /\s<\/(title|summary|description|name|id|link|guid|itunes:title)>/, file.url);
    }
  });

  it("names authors and turns tags into categories", () => {
    const [berlin, hostile, monthOnly] = parseFeed(feed("/feed.xml")).items;
    assert.deepEqual(
      berlin?.authors.map((a) => [a.name, a.url]),
      [["Bob Writer", "https://example.org/authors/bob/"]],
    );
    assert.deepEqual(hostile?.authors.map((a) => a.name), ["Ann Author"]);
    assert.deepEqual(hostile?.categories.map((c) => c.term), ["Xen", "Red Hat"]);
    assert.deepEqual(monthOnly?.categories.map((c) => c.term), ["Xen"]);
  });

  it("carries the full body with every relative link made absolute", () => {
    const content = parseFeed(feed("/feed.xml")).items[1]?.content ?? "";
    assert.match(content, /<a href="https:\/\/example\.org\/tags\/xen\/">the Xen tag<\/a>/);
    assert.match(content, /<img src="https:\/\/example\.org\/assets\/img\/chart\.png" alt="A chart">/);
    assert.match(content, /<a href="https:\/\/example\.org\/beta\/">Raw HTML link<\/a>/);
    assert.match(content, /srcset="https:\/\/example\.org\/a\.png 1x, https:\/\/example\.org\/b\.png 2x"/);
    assert.match(content, /src="https:\/\/example\.org\/alpha\/2008\/06\/hostile\/relative\.png"/);
    assert.match(content, /href="https:\/\/example\.org\/alpha\/2008\/06\/hostile\/#fn1"/);
    assert.match(content, /href="https:\/\/other\.example\/x"/);
    assert.match(content, /href="mailto:ann@example\.org"/);
    assert.doesNotMatch(content, /(?:href|src|srcset)=["'](?!https?:|mailto:)/);
  });

  it("says so when a post's text was not preserved", () => {
    const item = parseFeed(feed("/feed.xml")).items[2];
    assert.equal(item?.title, "Known Only By Its Title");
    assert.equal(item?.content, NOT_PRESERVED_HTML);
  });

  it("writes dates with the post's offset; a month is its first day", () => {
    const parsed = parseAtomFeed(feed("/feed.xml"));
    assert.equal(parsed.updated, "2009-01-15T00:00:00+01:00");
    const dates = parsed.entries?.map((entry) => [entry.published, entry.updated]);
    assert.deepEqual(dates, [
      ["2009-01-15T00:00:00+01:00", "2009-01-15T00:00:00+01:00"],
      ["2008-06-24T14:30:00-04:00", "2008-07-01T00:00:00-04:00"],
      ["2008-06-01T00:00:00-04:00", "2008-06-01T00:00:00-04:00"],
      ["2008-01-02T08:00:00-05:00", "2008-01-02T08:00:00-05:00"],
    ]);
    // The same instants as the archive's dates.
    const posts = archive.posts.filter((post) => !post.draft);
    parsed.entries?.forEach((entry, i) => assert.equal(Date.parse(String(entry.published)), posts[i]?.date.start));
  });

  it("gives each blog its own feed of its newest posts", () => {
    const alpha = parseFeed(feed("/alpha/feed.xml"));
    assert.equal(alpha.title, "Alpha Blog");
    assert.equal(alpha.description, "Ann's blog.");
    assert.equal(alpha.url, "https://example.org/alpha/");
    assert.equal(alpha.self, "https://example.org/alpha/feed.xml");
    assert.deepEqual(
      alpha.items.map((item) => item.title),
      [HOSTILE, "Known Only By Its Title", "An Early Post"],
    );
    const beta = parseFeed(feed("/beta/feed.xml"));
    assert.deepEqual(
      beta.items.map((item) => item.title),
      ["Berlin Post"],
    );
  });

  it("keeps only the newest posts", () => {
    const limited = postFeeds(archive, { prefix: "/", limit: 2, pageSize: 1 });
    const alpha = parseFeed(limited.find((file) => file.url === "/alpha/feed.xml")?.body ?? "");
    assert.deepEqual(
      alpha.items.map((item) => item.title),
      [HOSTILE, "Known Only By Its Title"],
    );
    const site = parseFeed(limited.find((file) => file.url === "/feed.xml")?.body ?? "");
    assert.equal(site.items.length, 2);
  });

  it("puts every URL under the path prefix", () => {
    const prefixed = postFeeds(archive, { prefix: "/archive/" });
    const parsed = parseFeed(prefixed.find((file) => file.url === "/feed.xml")?.body ?? "");
    assert.equal(parsed.url, "https://example.org/archive/");
    assert.equal(parsed.self, "https://example.org/archive/feed.xml");
    assert.equal(parsed.items[1]?.id, "https://example.org/archive/alpha/2008/06/hostile/");
    assert.match(parsed.items[1]?.content ?? "", /href="https:\/\/example\.org\/archive\/tags\/xen\/"/);
    const site = JSON.parse(prefixed.find((file) => file.url === "/feed.json")?.body ?? "") as JsonFeedDoc;
    assert.equal(site.feed_url, "https://example.org/archive/feed.json");
  });
});

describe("JSON feeds", () => {
  it("is a JSON Feed 1.1 with absolute ids and URLs", () => {
    const doc = json("/feed.json");
    assert.equal(doc.version, "https://jsonfeed.org/version/1.1");
    assert.equal(doc.title, "Feeds Test Archive");
    assert.equal(doc.home_page_url, "https://example.org/");
    assert.equal(doc.feed_url, "https://example.org/feed.json");
    assert.equal(doc.items.length, 4);
    assert.equal(new Set(doc.items.map((item) => item.id)).size, doc.items.length, "ids are unique");
    for (const item of doc.items) {
      assert.equal(item.id, item.url);
      assert.match(item.url, /^https:\/\/example\.org\//);
      assert.match(item.date_published, RFC3339_OFFSET);
      assert.ok(item.content_html);
    }
    const parsed = parseJsonFeed(feed("/feed.json"));
    assert.equal(parsed.items?.length, 4);
  });

  it("keeps the hostile title, dates with offsets, tags and authors", () => {
    const hostile = json("/feed.json").items[1];
    assert.equal(hostile?.title, HOSTILE);
    assert.equal(parseJsonFeed(feed("/feed.json")).items?.[1]?.title, HOSTILE);
    assert.equal(hostile?.date_published, "2008-06-24T14:30:00-04:00");
    assert.equal(hostile?.date_modified, "2008-07-01T00:00:00-04:00");
    assert.deepEqual(hostile?.tags, ["Xen", "Red Hat"]);
    assert.deepEqual(hostile?.authors, [{ name: "Ann Author", url: "https://example.org/authors/ann/" }]);
    assert.match(hostile?.content_html ?? "", /href="https:\/\/example\.org\/tags\/xen\/"/);
    const monthOnly = json("/feed.json").items[2];
    assert.equal(monthOnly?.date_published, "2008-06-01T00:00:00-04:00");
    assert.equal(monthOnly?.date_modified, undefined, "no date_modified without `updated`");
    assert.equal(monthOnly?.content_html, NOT_PRESERVED_HTML);
  });

  it("gives each blog its own", () => {
    const beta = json("/beta/feed.json");
    assert.equal(beta.title, "Beta Blog");
    assert.equal(beta.home_page_url, "https://example.org/beta/");
    assert.deepEqual(
      beta.items.map((item) => [item.title, item.date_published]),
      [["Berlin Post", "2009-01-15T00:00:00+01:00"]],
    );
  });
});

describe("podcast feeds", () => {
  it("lists episodes with audio, newest first, with enclosures and permalink guids", () => {
    const parsed = parseFeed(feed("/podcasts/alpha-cast/feed.xml"));
    assert.equal(parsed.meta.type, "rss");
    assert.equal(parsed.title, "Alpha Cast");
    assert.equal(parsed.url, "https://example.org/podcasts/alpha-cast/");
    assert.equal(parsed.self, "https://example.org/podcasts/alpha-cast/feed.xml");
    assert.equal(parsed.image?.url, "https://example.org/assets/img/alpha-cast.png");
    assert.deepEqual(
      parsed.items.map((item) => [item.title, item.url, item.id]),
      [
        ["Second Episode", "https://example.org/podcasts/alpha-cast/#second-episode", "https://example.org/podcasts/alpha-cast/#second-episode"],
        [
          "First & <Best> Episode",
          "https://example.org/podcasts/alpha-cast/#first-and-best-episode",
          "https://example.org/podcasts/alpha-cast/#first-and-best-episode",
        ],
      ],
    );
    assert.deepEqual(
      parsed.items.map((item) => item.media.map((m) => [m.url, m.length, m.mimeType])),
      [[["https://media.example.org/ep2.m4a", 0, "audio/x-m4a"]], [["https://media.example.org/ep1.mp3", 12345678, "audio/mpeg"]]],
    );
  });

  it("has the iTunes tags, guids marked as permalinks and dates with offsets", () => {
    const parsed = parseRssFeed(feed("/podcasts/alpha-cast/feed.xml"));
    assert.equal(parsed.link, "https://example.org/podcasts/alpha-cast/");
    assert.equal(parsed.itunes?.author, "Ann Author");
    assert.equal(parsed.itunes?.image, "https://example.org/assets/img/alpha-cast.png");
    assert.equal(parsed.itunes?.explicit, false);
    assert.deepEqual(parsed.itunes?.categories, [{ text: PODCAST_CATEGORY }]);
    assert.equal(PODCAST_CATEGORY, "Technology");
    assert.deepEqual(parsed.itunes?.owner, { name: "Ann Author" });
    const [second, first] = parsed.items ?? [];
    assert.deepEqual(second?.guid, { value: "https://example.org/podcasts/alpha-cast/#second-episode", isPermaLink: true });
    assert.equal(second?.itunes?.duration, 3723);
    assert.equal(first?.itunes?.duration, 2052);
    assert.equal(second?.pubDate, "Thu, 10 Jul 2008 09:00:00 -0400");
    assert.equal(first?.pubDate, "Thu, 01 May 2008 00:00:00 -0400");
    assert.equal(first?.description, "Where it began.");
    assert.deepEqual(first?.enclosures, [{ url: "https://media.example.org/ep1.mp3", length: 12345678, type: "audio/mpeg" }]);
  });

  it("leaves out episodes whose audio was not preserved", () => {
    assert.ok(!feed("/podcasts/alpha-cast/feed.xml").includes("Lost Episode"));
    assert.equal(index.episodes.get("alpha-cast")?.length, 3, "the show itself has three episodes");
  });

  it("gives episode titles back byte for byte to two feed parsers", () => {
    const body = feed("/podcasts/alpha-cast/feed.xml");
    assert.deepEqual(parseFeed(body).items.map((item) => item.title), ["Second Episode", "First & <Best> Episode"]);
    assert.deepEqual(parseRssFeed(body).items?.map((item) => item.title), ["Second Episode", "First & <Best> Episode"]);
    assert.equal(parseRssFeed(body).items?.[1]?.itunes?.title, "First & <Best> Episode");
    assert.equal(body.includes("<![CDATA["), false);
  });

  it("writes no feed for a show with nothing to play (issue 16)", () => {
    assert.equal(hasPodcastFeed(archive.podcasts["quiet-show"]!), false);
    assert.ok(!feeds.some((file) => file.url.startsWith("/podcasts/quiet-show/")));
    const page = podcastPages(index).find((show) => show.id === "quiet-show");
    assert.equal(page?.feed, undefined, "its page announces no feed");
    assert.equal(podcastPages(index).find((show) => show.id === "alpha-cast")?.feed, "/podcasts/alpha-cast/feed.xml");
  });

  it("warns when a show with a feed lacks what Apple Podcasts requires", () => {
    const lines = new Map([["alpha-cast", 1], ["alpha-cast.episodes.2", 20], ["quiet-show", 30]]);
    const source = { file: "_data/podcasts.yaml", lineOf: (p: ReadonlyArray<PropertyKey>) => lines.get(p.join(".")) };
    const show = archive.podcasts["alpha-cast"]!;
    assert.deepEqual(podcastWarnings(archive.podcasts, source).map(formatProblem), [
      "_data/podcasts.yaml:20: alpha-cast.episodes.2: \"Second Episode\" has no `length`: Apple Podcasts requires the audio file's size in bytes",
    ]);
    const bare = { ...show, image: undefined, description: undefined };
    assert.deepEqual(podcastWarnings({ "alpha-cast": bare }, source).map((p) => [p.line, p.field, p.severity]), [
      [1, "alpha-cast", "warning"],
      [1, "alpha-cast", "warning"],
      [20, "alpha-cast.episodes.2", "warning"],
    ]);
    assert.match(formatProblem(podcastWarnings({ "alpha-cast": bare }, source)[0]!), /requires artwork/);
    assert.match(formatProblem(podcastWarnings({ "alpha-cast": { ...show, image: "/cover.gif" } }, source)[0]!), /JPEG or PNG/);
  });

  it("reads durations", () => {
    assert.equal(durationSeconds("34:12"), 2052);
    assert.equal(durationSeconds("1:02:03"), 3723);
    assert.equal(durationSeconds("2052"), 2052);
    assert.equal(durationSeconds("45 min"), 2700);
    assert.equal(durationSeconds("about an hour"), undefined);
    assert.equal(durationSeconds("12:75"), undefined);
    assert.equal(durationSeconds(undefined), undefined);
  });
});

describe("absolute links in post HTML", () => {
  const page = "https://example.org/archive/a/2008/06/post/";
  const prefixed = () => siteUrls({ ...archive.site, url: "https://example.org" }, "/archive/");
  it("resolves root-relative, relative and fragment URLs, and leaves absolute ones", () => {
    const urls = prefixed();
    assert.equal(
      absolutizeHtml(
        `<p><a href="/x/">x</a> <a href="#fn1">1</a> <a href="//cdn.example/y">y</a> <a href="mailto:a@b.c">m</a> <img src="i.png" alt=""></p>`,
        page,
        urls,
      ),
      `<p><a href="https://example.org/archive/x/">x</a> <a href="https://example.org/archive/a/2008/06/post/#fn1">1</a> <a href="//cdn.example/y">y</a> <a href="mailto:a@b.c">m</a> <img src="https://example.org/archive/a/2008/06/post/i.png" alt=""></p>`,
    );
  });
  it("leaves text, entities, comments and code alone", () => {
    const urls = prefixed();
    const html = `<p>a &amp; b &lt;i&gt; <!-- note --></p>\n<pre><code>if (a &lt; b) { href="/x" }</code></pre>\n<a href="/z">z</a>`;
    assert.equal(
      absolutizeHtml(html, page, urls),
      html.replace(`<a href="/z">`, `<a href="https://example.org/archive/z">`),
    );
  });
});

describe("archived feeds (RFC 5005)", () => {
  const pagedFiles = () => postFeeds(archive, { prefix: "/", limit: 1, pageSize: 1 });
  const fetchFrom = (files: FeedFile[]) => (url: string) => {
    const file = files.find((f) => `https://example.org${f.url}` === url);
    assert.ok(file, `no document at ${url}`);
    return file.body;
  };

  it("keeps the subscription feed short and the rest in full pages, oldest first", () => {
    const [site, alpha] = postFeedScopes(archive, 1, 2);
    // 4 published posts: one full page of the two oldest; the newest two stay in the feed.
    assert.deepEqual(site?.pages.map((page) => [page.url, page.items.map((post) => post.slug)]), [["/feed/archive/1.xml", ["month-only", "early"]]]);
    assert.deepEqual(site?.posts.map((post) => post.slug), ["berlin", "hostile"]);
    assert.deepEqual(alpha?.pages.map((page) => page.url), ["/alpha/feed/archive/1.xml"]);
    assert.deepEqual(alpha?.posts.map((post) => post.slug), ["hostile"]);
  });

  it("never changes a full page when a newer post is added", () => {
    const slugs = (n: number) => pageFeed(Array.from({ length: n }, (_, i) => i), "/feed.xml", 20, 20);
    for (let n = 40; n < 120; n++) {
      const before = slugs(n);
      const after = slugs(n + 1);
      assert.ok(after.current.length >= 20 && after.current.length < 40, `${n + 1}: ${after.current.length} in the feed`);
      before.pages.forEach((page, i) => assert.deepEqual(after.pages[i], page, `${n} → ${n + 1}: page ${page.number}`));
    }
  });

  it("leads a reader from /feed.xml through every archive page to every published post exactly once", () => {
    const files = pagedFiles();
    for (const [feedUrl, posts] of [
      ["/feed.xml", archive.posts],
      ["/alpha/feed.xml", archive.blogPosts.get("alpha") ?? []],
    ] as const) {
      const walk = walkArchive(`https://example.org${feedUrl}`, fetchFrom(files));
      const expected = posts.filter((post) => !post.draft).map((post) => `https://example.org${post.url}`);
      assert.equal(new Set(walk.ids).size, walk.ids.length, "no post twice");
      assert.deepEqual([...walk.ids].sort(), [...expected].sort());
      assert.equal(walk.documents.length, expected.length, "one document per post here (limit 1, page size 1)");
    }
    // Titles read back exactly, by a second parser too, from the archive documents.
    const page = files.find((f) => f.url === "/alpha/feed/archive/2.xml")?.body ?? "";
    assert.deepEqual(parseFeed(page).items.map((item) => item.title), ["Known Only By Its Title"]);
    const hostilePage = files.find((f) => f.url === "/feed/archive/3.xml")?.body ?? "";
    assert.equal(parseFeed(hostilePage).items[0]?.title, HOSTILE);
    assert.equal(parseAtomFeed(hostilePage).entries?.[0]?.title?.value, HOSTILE);
  });

  it("links the subscription feed to its newest archive page", () => {
    const body = postFeeds(archive, { prefix: "/", limit: 1, pageSize: 1 }).find((f) => f.url === "/feed.xml")?.body ?? "";
    assert.match(body, /<link href="https:\/\/example\.org\/feed\/archive\/3\.xml" rel="prev-archive" type="application\/atom\+xml"\/>/);
    assert.doesNotMatch(feed("/feed.xml"), /prev-archive/, "a feed holding every post has no archive");
  });
});

describe("archived feeds of a 1,000-post bench archive", () => {
  it("reach every published post exactly once from /feed.xml and from each blog's feed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "backlist-feed-walk-"));
    try {
      writeCorpus(dir, generateCorpus(1000));
      const big = await loadArchive({ root: dir, postsDir: "posts", dataDir: "_data", includeDrafts: false, markdown: createMarkdown() });
      const files = postFeeds(big, { prefix: "/" });
      const byUrl = new Map(files.map((file) => [`https://example.org${file.url}`, file.body]));
      const origin = new URL(big.site.url).origin;
      const fetch = (url: string) => {
        const body = byUrl.get(url.replace(origin, "https://example.org"));
        assert.ok(body !== undefined, `no document at ${url}`);
        return body;
      };
      const walk = walkArchive(`${origin}/feed.xml`, fetch);
      assert.ok(big.posts.length > 900, `${big.posts.length} published posts`);
      assert.equal(new Set(walk.ids).size, walk.ids.length, "no post twice");
      assert.deepEqual(new Set(walk.ids), new Set(big.posts.map((post) => `${origin}${post.url}`)));
      assert.deepEqual(walk.titles, walk.ids.map((id) => big.byUrl.get(id.slice(origin.length))?.title), "titles exactly");
      const subscription = parseAtomFeed(fetch(`${origin}/feed.xml`)).entries ?? [];
      assert.ok(subscription.length >= 20 && subscription.length < 40, `${subscription.length} posts in /feed.xml`);
      for (const blog of Object.keys(big.blogs)) {
        const blogWalk = walkArchive(`${origin}/${blog}/feed.xml`, fetch);
        assert.equal(blogWalk.ids.length, big.blogPosts.get(blog)?.length, blog);
        assert.equal(new Set(blogWalk.ids).size, blogWalk.ids.length, blog);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
