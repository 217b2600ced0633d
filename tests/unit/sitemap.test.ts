/** sitemap.xml entries and document, and robots.txt. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { XMLParser } from "fast-xml-parser";
import { parseArchiveDate } from "../../src/dates.ts";
import type { Archive, Post } from "../../src/content/model.ts";
import { SITEMAP_LIMIT, buildSitemap, isHtmlPage, robotsTxt, sitemapEntries, sitemapXml } from "../../src/sitemap/index.ts";

function date(value: string) {
  const parsed = parseArchiveDate(value, "America/New_York");
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.date;
}

function makePost(url: string, when: string, extra: Partial<Post> = {}): Post {
  return { url, date: date(when), draft: false, ...extra } as Post;
}

function makeArchive(posts: Post[]): Pick<Archive, "site" | "byUrl"> {
  return {
    site: { url: "https://example.org", title: "Test", language: "en" } as Archive["site"],
    byUrl: new Map(posts.map((post) => [post.url, post])),
  };
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => name === "url" });

describe("isHtmlPage", () => {
  it("folders and .html files are pages; feeds and host files are not", () => {
    for (const url of ["/", "/tags/xen/", "/about.html", "/old.HTM"]) assert.ok(isHtmlPage(url), url);
    for (const url of ["/feed.xml", "/feed.json", "/_redirects", "/robots.txt", "/sitemap.xml", "false"]) assert.ok(!isHtmlPage(url), url);
  });
});

describe("sitemapEntries", () => {
  const archive = makeArchive([
    makePost("/main/2008/06/foo/", "2008-06-24", { updated: date("2009-01-02T10:00") }),
    makePost("/main/2008/06/month-only/", "2008-06"),
    makePost("/main/2008/07/draft/", "2008-07-01", { draft: true }),
  ]);
  const urls = [
    "/tags/xen/",
    "/",
    "/main/2008/06/foo/",
    "/main/2008/06/month-only/",
    "/main/2008/07/draft/",
    "/404.html",
    "/feed.xml",
    "/old/foo/",
    "/tags/xen/",
  ];

  it("absolute URLs of HTML pages, sorted, without the 404 page, drafts, excluded pages and repeats", () => {
    const entries = sitemapEntries(archive, urls, new Set(["/old/foo/"]), "/");
    assert.deepEqual(
      entries.map((e) => e.loc),
      ["https://example.org/", "https://example.org/main/2008/06/foo/", "https://example.org/main/2008/06/month-only/", "https://example.org/tags/xen/"],
    );
  });

  it("a post's lastmod is its updated date, else its date, at the precision written", () => {
    const entries = sitemapEntries(archive, urls, new Set(), "/");
    const lastmod = Object.fromEntries(entries.map((e) => [e.loc, e.lastmod]));
    assert.equal(lastmod["https://example.org/main/2008/06/foo/"], "2009-01-02T10:00-05:00");
    assert.equal(lastmod["https://example.org/main/2008/06/month-only/"], "2008-06");
    assert.equal(lastmod["https://example.org/tags/xen/"], undefined);
  });

  it("under a prefix every URL carries it", () => {
    const entries = sitemapEntries(archive, ["/", "/tags/xen/"], new Set(), "/archive/");
    assert.deepEqual(entries.map((e) => e.loc), ["https://example.org/archive/", "https://example.org/archive/tags/xen/"]);
  });

  it("non-ASCII paths are percent-encoded", () => {
    const [entry] = sitemapEntries(archive, ["/tags/café/"], new Set(), "/");
    assert.equal(entry?.loc, "https://example.org/tags/caf%C3%A9/");
  });
});

describe("sitemapXml", () => {
  it("is a urlset in the sitemap namespace that parses back to its entries", () => {
    const xml = sitemapXml([
      { loc: "https://example.org/a/?q=1&x=<2>", lastmod: "2008-06" },
      { loc: "https://example.org/b/" },
    ]);
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n/);
    assert.match(xml, /&amp;x=&lt;2&gt;/);
    const doc = parser.parse(xml);
    assert.equal(doc.urlset["@_xmlns"], "http://www.sitemaps.org/schemas/sitemap/0.9");
    assert.deepEqual(doc.urlset.url, [
      { loc: "https://example.org/a/?q=1&x=<2>", lastmod: "2008-06" },
      { loc: "https://example.org/b/" },
    ]);
  });

  it("an empty sitemap is still a valid urlset", () => {
    const doc = parser.parse(sitemapXml([]));
    assert.ok("urlset" in doc);
  });
});

describe("buildSitemap", () => {
  it("warns past the protocol's limit of URLs", () => {
    const urls = Array.from({ length: SITEMAP_LIMIT + 1 }, (_, i) => `/p/${i}/`);
    const warnings: string[] = [];
    buildSitemap(makeArchive([]), urls, new Set(), "/", (message) => warnings.push(message));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? "", /50001 pages, more than the 50000/);
  });
});

describe("robotsTxt", () => {
  it("allows everything and names the sitemap's absolute URL", () => {
    assert.equal(robotsTxt({ url: "https://example.org" }, "/"), "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n");
    assert.match(robotsTxt({ url: "https://example.org" }, "/archive/"), /^Sitemap: https:\/\/example\.org\/archive\/sitemap\.xml$/m);
  });
});
