/**
 * `sitemap.xml` and `robots.txt`. The sitemap lists every HTML page of the
 * build (the URLs Eleventy knows once it has read every template) with
 * absolute URLs under the path prefix, except the 404 page, the redirect
 * pages at old addresses and drafts; a post's `<lastmod>` is its `updated`
 * date, else its `date`, at the precision written. The XML is written by
 * fast-xml-builder, which escapes every value.
 */
import XMLBuilder from "fast-xml-builder";
import type { Archive } from "../content/model.ts";
import type { Site } from "../schema/index.ts";
import { absoluteUrl, pathPrefix } from "../urls.ts";

export const SITEMAP_URL = "/sitemap.xml";
export const ROBOTS_URL = "/robots.txt";
export const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
/** The sitemap protocol's limit of URLs in one file. */
export const SITEMAP_LIMIT = 50_000;
/** Pages that are never listed: the page hosts serve for unknown addresses, the keeper's link report. */
const NOT_LISTED = new Set(["/404.html", "/links-report/"]);

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  /** W3C datetime: `2008-06`, `2008-06-24` or `2008-06-24T14:30-04:00`. */
  lastmod?: string;
}

/** An HTML page's URL: `/tags/xen/` or `/about.html`, not `/feed.xml` or `/_redirects`. */
export function isHtmlPage(url: string): boolean {
  return url.startsWith("/") && (url.endsWith("/") || /\.html?$/i.test(url));
}

/**
 * The sitemap's entries: HTML pages among `pageUrls` (root-relative, without
 * the prefix), less `exclude` (redirect pages), the 404 page and drafts,
 * sorted by URL so builds are reproducible.
 */
export function sitemapEntries(
  archive: Pick<Archive, "site" | "byUrl">,
  pageUrls: Iterable<string>,
  exclude: ReadonlySet<string> = new Set(),
  prefix = pathPrefix(),
): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  const seen = new Set<string>();
  for (const url of pageUrls) {
    if (typeof url !== "string" || !isHtmlPage(url) || NOT_LISTED.has(url) || exclude.has(url) || seen.has(url)) continue;
    seen.add(url);
    const post = archive.byUrl.get(url);
    if (post?.draft) continue;
    const entry: SitemapEntry = { loc: absoluteUrl(archive.site.url, url, prefix) };
    if (post) entry.lastmod = (post.updated ?? post.date).datetime;
    entries.push(entry);
  }
  return entries.sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, indentBy: "  " });

/** The sitemap document of `entries`. */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const xml: string = builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    urlset: {
      "@_xmlns": SITEMAP_NAMESPACE,
      url: entries.map((entry) => (entry.lastmod ? { loc: entry.loc, lastmod: entry.lastmod } : { loc: entry.loc })),
    },
  });
  return xml.endsWith("\n") ? xml : `${xml}\n`;
}

/**
 * The sitemap of the build. Past the protocol's 50,000 URLs a warning is
 * printed: the file is still written whole, and search engines may read only
 * its first part.
 */
export function buildSitemap(
  archive: Pick<Archive, "site" | "byUrl">,
  pageUrls: Iterable<string>,
  exclude: ReadonlySet<string> = new Set(),
  prefix = pathPrefix(),
  warn: (message: string) => void = (message) => console.warn(`[backlist] warning: ${message}`),
): string {
  const entries = sitemapEntries(archive, pageUrls, exclude, prefix);
  if (entries.length > SITEMAP_LIMIT) {
    warn(`sitemap.xml lists ${entries.length} pages, more than the ${SITEMAP_LIMIT} one sitemap may hold`);
  }
  return sitemapXml(entries);
}

/** robots.txt: every crawler may read everything; the sitemap's absolute URL. */
export function robotsTxt(site: Pick<Site, "url">, prefix = pathPrefix()): string {
  return ["User-agent: *", "Allow: /", "", `Sitemap: ${absoluteUrl(site.url, SITEMAP_URL, prefix)}`, ""].join("\n");
}
