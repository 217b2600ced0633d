/**
 * The feeds of a small fixture archive (tests/fixtures/feeds), read back
 * with real feed parsers: @rowanmanning/feed-parser (an independent RSS and
 * Atom reader, as a feed reader sees the feed) and feedsmith's own parsers
 * (which keep dates as written and read the iTunes namespace).
 */
import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { loadArchive } from "../../src/content/load.ts";
import type { Archive } from "../../src/content/model.ts";
import { absolutizeHtml, siteUrls } from "../../src/feeds/common.ts";
import { buildFeeds, feedLinks, type FeedFile } from "../../src/feeds/index.ts";
import { durationSeconds, PODCAST_CATEGORY } from "../../src/feeds/podcast.ts";
import { NOT_PRESERVED_HTML, postFeeds } from "../../src/feeds/posts.ts";
import { createMarkdown } from "../../src/markdown/index.ts";
import { buildSidebarIndex, type SidebarIndex } from "../../src/sidebars/index.ts";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/feeds");
const HOSTILE = "</script><script>window.__pwned=1</script><b>x</b>";
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
        ["/podcasts/quiet-show/feed.xml", "application/rss+xml"],
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

  it("keeps a hostile title as text", () => {
    const body = feed("/feed.xml");
    const hostile = parseFeed(body).items[1];
    assert.equal(hostile?.title, HOSTILE);
    const own = parseAtomFeed(body).entries?.[1];
    assert.equal(own?.title?.value.trim(), HOSTILE);
    assert.equal(own?.summary?.value.trim(), "A summary with ]]> and <i>tags</i> & ampersands");
    // Never as markup: only inside CDATA sections.
    assert.equal(body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "").includes("<script"), false);
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
    const limited = postFeeds(archive, { prefix: "/", limit: 2 });
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

  it("writes a valid empty feed for a show without episodes", () => {
    const body = feed("/podcasts/quiet-show/feed.xml");
    const parsed = parseRssFeed(body);
    assert.equal(parsed.title, "Quiet Show");
    assert.equal(parsed.description, "Quiet Show, hosted by Bob Writer.");
    assert.equal(parsed.items, undefined);
    assert.equal(parsed.itunes?.explicit, true);
    assert.equal(parsed.itunes?.image, undefined);
    assert.equal(parseFeed(body).items.length, 0);
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
