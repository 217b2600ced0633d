/** Year and month archives and breadcrumbs, computed from a hand-made archive. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseArchiveDate } from "../../src/dates.ts";
import { type Archive, type Post, type Tag, comparePosts } from "../../src/content/model.ts";
import { type ArchivePage, type OverviewPage, type PeriodPage, buildArchivePages, isPeriodPage } from "../../src/views/archives.ts";
import { archiveCrumbs, blogCrumbs, monthTitle, postCrumbs, withPage } from "../../src/views/breadcrumbs.ts";
import { buildListings, paginate } from "../../src/views/listings.ts";
import { CommentIndex } from "../../src/comments/model.ts";

const ZONE = "America/New_York";

function makePost(blog: string, slug: string, date: string, order = 0): Post {
  const parsed = parseArchiveDate(date, ZONE);
  if (!parsed.ok) throw new Error(parsed.message);
  const month = String(parsed.date.month).padStart(2, "0");
  return {
    source: `posts/${blog}/${parsed.date.year}/${slug}.md`,
    blog,
    slug,
    url: `/${blog}/${parsed.date.year}/${month}/${slug}/`,
    title: slug,
    date: parsed.date,
    order,
    authors: ["ann"],
    tags: [],
    aliases: [],
    related: [],
    lines: {},
    seeAlso: [],
    draft: false,
    preserved: true,
    body: "Text.",
    bodyLine: 4,
    html: "<p>Text.</p>",
  };
}

function makeArchive(
  posts: Post[],
  blogs: Record<string, string> = { main: "Main Blog", side: "Side Blog" },
  tags: Map<string, Tag> = new Map(),
): Archive {
  const newestFirst = [...posts].sort(comparePosts).reverse();
  return {
    site: { title: "Test", url: "https://example.org", language: "en", timezone: ZONE, publisher: "P", sidebar: "as-of-post" },
    authors: { ann: { name: "Ann Author", links: [] } },
    blogs: Object.fromEntries(Object.entries(blogs).map(([id, title]) => [id, { title, sister_blogs: [], promos: [] }])),
    podcasts: {},
    books: {},
    reviews: [],
    posts: newestFirst,
    drafts: [],
    draftsLeftOut: 0,
    brokenLinks: [],
    bySource: new Map(),
    byUrl: new Map(),
    blogPosts: new Map(),
    blogIndex: new Map(),
    tags,
    pinned: new Map(),
    backlinks: new Map(),
    siteLinks: [],
    warnings: [],
    comments: new CommentIndex(),
  };
}

function byUrl(pages: ArchivePage[]): Map<string, ArchivePage> {
  const map = new Map<string, ArchivePage>();
  for (const page of pages) {
    assert.ok(!map.has(page.url), `one page per URL: ${page.url}`);
    map.set(page.url, page);
  }
  return map;
}

function period(pages: Map<string, ArchivePage>, url: string): PeriodPage {
  const page = pages.get(url);
  assert.ok(page && isPeriodPage(page), `${url} is a year or month page`);
  return page;
}

const POSTS = [
  makePost("main", "a", "2007-12-31"),
  makePost("main", "b", "2008-06-02"),
  makePost("main", "c", "2008-06-24T14:30"),
  makePost("main", "d", "2008-06"),
  makePost("side", "e", "2008-06-10"),
  makePost("side", "f", "2008-09-01"),
  makePost("main", "g", "2009-01-05"),
];

describe("buildArchivePages", () => {
  const archive = makeArchive(POSTS);
  const pages = byUrl(buildArchivePages(archive));

  it("has a month page for every month with posts, site-wide and per blog, as the post URLs say", () => {
    for (const post of POSTS) {
      const monthUrl = post.url.replace(/[^/]+\/$/, "");
      const yearUrl = monthUrl.replace(/[^/]+\/$/, "");
      assert.equal(period(pages, monthUrl).kind, "month");
      assert.equal(period(pages, yearUrl).kind, "year");
      assert.ok(pages.has(monthUrl.replace(`/${post.blog}/`, "/archive/")));
      assert.ok(pages.has(yearUrl.replace(`/${post.blog}/`, "/archive/")));
    }
    const urls = [...pages.keys()].sort();
    assert.deepEqual(urls, [
      "/archive/",
      "/archive/2007/",
      "/archive/2007/12/",
      "/archive/2008/",
      "/archive/2008/06/",
      "/archive/2008/09/",
      "/archive/2009/",
      "/archive/2009/01/",
      "/main/2007/",
      "/main/2007/12/",
      "/main/2008/",
      "/main/2008/06/",
      "/main/2009/",
      "/main/2009/01/",
      "/side/2008/",
      "/side/2008/06/",
      "/side/2008/09/",
    ]);
  });

  it("lists posts newest first", () => {
    assert.deepEqual(period(pages, "/archive/2008/06/").posts.map((p) => p.slug), ["c", "e", "b", "d"]);
    assert.deepEqual(period(pages, "/main/2008/06/").posts.map((p) => p.slug), ["c", "b", "d"]);
    assert.deepEqual(period(pages, "/archive/2008/").posts.map((p) => p.slug), ["f", "c", "e", "b", "d"]);
  });

  it("titles and headings: a month reads “June 2008”, a blog's adds the blog to the title only", () => {
    const month = period(pages, "/main/2008/06/");
    assert.equal(month.heading, "June 2008");
    assert.equal(month.title, "June 2008 · Main Blog");
    assert.equal(month.lede, "3 posts in Main Blog.");
    assert.equal(period(pages, "/archive/2008/06/").title, "June 2008");
    assert.equal(period(pages, "/archive/2009/").lede, "1 post across the archive.");
  });

  it("year pages show their months with counts, newest first", () => {
    const year = period(pages, "/archive/2008/");
    assert.deepEqual(year.months?.map((m) => [m.label, m.url, m.count]), [
      ["September", "/archive/2008/09/", 1],
      ["June", "/archive/2008/06/", 4],
    ]);
    assert.equal(year.count, 5);
  });

  it("links each period to its neighbours with posts", () => {
    const june = period(pages, "/archive/2008/06/");
    assert.deepEqual([june.newer?.label, june.newer?.url], ["September 2008", "/archive/2008/09/"]);
    assert.deepEqual([june.older?.label, june.older?.url], ["December 2007", "/archive/2007/12/"]);
    const newest = period(pages, "/main/2009/01/");
    assert.equal(newest.newer, undefined);
    assert.equal(newest.older?.url, "/main/2008/06/", "skips months without posts of the blog");
    assert.equal(period(pages, "/main/2008/").older?.url, "/main/2007/");
  });

  it("the overview: years → months with counts, site-wide and per blog with posts", () => {
    const overview = pages.get("/archive/") as OverviewPage;
    assert.equal(overview.kind, "overview");
    assert.equal(overview.count, 7);
    assert.equal(overview.lede, "7 posts from 2007 to 2009.");
    assert.deepEqual(
      overview.years.map((y) => [y.label, y.count, y.months.map((m) => `${m.label} ${m.count}`)]),
      [
        ["2009", 1, ["January 1"]],
        ["2008", 5, ["September 1", "June 4"]],
        ["2007", 1, ["December 1"]],
      ],
    );
    assert.deepEqual(overview.blogs.map((b) => [b.id, b.count, b.years.map((y) => y.url)]), [
      ["main", 5, ["/main/2009/", "/main/2008/", "/main/2007/"]],
      ["side", 2, ["/side/2008/"]],
    ]);
  });

  it("the overview comes first; an empty archive has only the overview", () => {
    const all = buildArchivePages(archive);
    assert.equal(all[0]?.kind, "overview");
    const empty = buildArchivePages(makeArchive([]));
    assert.equal(empty.length, 1);
    assert.equal(empty[0]?.lede, "No posts yet.");
  });

  it("paginates at stable URLs, 20 a page, with page crumbs and titles", () => {
    const many = Array.from({ length: 45 }, (_, i) => makePost("main", `p${String(i).padStart(2, "0")}`, `2008-06-${String((i % 28) + 1).padStart(2, "0")}`, i));
    const paged = byUrl(buildArchivePages(makeArchive(many)));
    const first = period(paged, "/archive/2008/06/");
    const second = period(paged, "/archive/2008/06/page/2/");
    const third = period(paged, "/archive/2008/06/page/3/");
    assert.deepEqual([first.posts.length, second.posts.length, third.posts.length], [20, 20, 5]);
    assert.deepEqual(first.pager, { page: 1, pages: 3, newer: undefined, older: "/archive/2008/06/page/2/" });
    assert.equal(second.pager.newer, "/archive/2008/06/");
    assert.equal(second.heading, "June 2008, page 2");
    assert.equal(second.count, 45);
    assert.deepEqual(second.crumbs.map((c) => c.label), ["Home", "Archive", "2008", "June", "Page 2"]);
    assert.ok(period(paged, "/main/2008/page/3/"));
    assert.ok(!paged.has("/main/2008/page/4/"));
    const order = [first, second, third].flatMap((p) => p.posts).map((p) => p.date.start);
    assert.deepEqual(order, [...order].sort((a, b) => b - a), "newest first across pages");
  });

  it("uses the year and month of the post's own zone", () => {
    // 23:30 on June 30 in New York is July 1 in UTC: the post is a June post.
    const late = makePost("main", "late", "2008-06-30T23:30");
    const offset = makePost("side", "offset", "2008-07-01T00:30+02:00");
    const zoned = byUrl(buildArchivePages(makeArchive([late, offset])));
    assert.deepEqual(period(zoned, "/main/2008/06/").posts.map((p) => p.slug), ["late"]);
    assert.deepEqual(period(zoned, "/side/2008/07/").posts.map((p) => p.slug), ["offset"]);
    assert.ok(late.url.startsWith("/main/2008/06/") && offset.url.startsWith("/side/2008/07/"));
  });
});

describe("breadcrumbs", () => {
  it("a post: Home › Blog › Year › Month › title, each linking to the trimmed URL", () => {
    const post = makePost("main", "citrix", "2008-06-24");
    assert.deepEqual(postCrumbs(post, "Converging on Microsoft"), [
      { label: "Home", url: "/" },
      { label: "Converging on Microsoft", url: "/main/" },
      { label: "2008", url: "/main/2008/" },
      { label: "June", url: "/main/2008/06/" },
      { label: "citrix", url: "/main/2008/06/citrix/" },
    ]);
  });

  it("list pages", () => {
    assert.deepEqual(archiveCrumbs().map((c) => c.url), ["/", "/archive/"]);
    assert.deepEqual(archiveCrumbs(2008, 6).map((c) => c.label), ["Home", "Archive", "2008", "June"]);
    assert.deepEqual(blogCrumbs({ id: "main", title: "Main" }, 2008).map((c) => c.url), ["/", "/main/", "/main/2008/"]);
    assert.deepEqual(withPage(archiveCrumbs(), 1, "/x/"), archiveCrumbs());
    assert.equal(monthTitle(2008, 6), "June 2008");
    assert.equal(monthTitle(2008, 6, "de"), "Juni 2008");
  });

  it("blog, tag and author listings carry crumbs; a blog's index its years", () => {
    const xen = { slug: "xen", name: "Xen" };
    const tagged = { ...makePost("main", "tagged", "2006-01-01"), tags: [xen] };
    const archive = makeArchive([...POSTS, tagged], undefined, new Map([["xen", xen]]));
    const listings = buildListings(archive);
    const blog = listings.find((l) => l.url === "/main/");
    assert.deepEqual(blog?.crumbs.map((c) => c.label), ["Home", "Main Blog"]);
    assert.deepEqual(blog?.years?.map((y) => [y.url, y.count]), [
      ["/main/2009/", 1],
      ["/main/2008/", 3],
      ["/main/2007/", 1],
      ["/main/2006/", 1],
    ]);
    assert.deepEqual(listings.find((l) => l.url === "/tags/xen/")?.crumbs.map((c) => c.label), ["Home", "Tags", "Xen"]);
    assert.deepEqual(listings.find((l) => l.url === "/authors/ann/")?.crumbs.map((c) => c.url), ["/", "/authors/ann/"]);
  });

  it("paginate leaves a page without crumbs alone", () => {
    const pages = paginate("/x/", [], { title: "X" });
    assert.equal(pages.length, 1);
    assert.equal("crumbs" in pages[0]!, false);
  });
});
