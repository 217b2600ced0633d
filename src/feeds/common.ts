/**
 * What every feed shares: where the site lives (origin and path prefix),
 * dates that keep their offset, and post HTML whose links work outside the
 * site. The XML and JSON themselves are written by feedsmith.
 */
import type { DateTime } from "luxon";
import posthtml from "posthtml";
import type { Site } from "../schema/index.ts";
import { absoluteUrl, pathPrefix } from "../urls.ts";

/** One file of feed output: its root-relative URL (without the path prefix) and its text. */
export interface FeedFile {
  url: string;
  /** Media type of the file. */
  type: string;
  body: string;
}

export const ATOM_TYPE = "application/atom+xml";
export const JSON_FEED_TYPE = "application/feed+json";
export const RSS_TYPE = "application/rss+xml";

export interface FeedOptions {
  /** Path prefix the site is served under (`/archive/`); default: `PATH_PREFIX`. */
  prefix?: string;
  /** Newest posts per feed. */
  limit?: number;
}

export const FEED_LIMIT = 20;

/** Absolute URLs of the built site. */
export interface SiteUrls {
  /** `/tags/xen/` → `https://example.org/archive/tags/xen/`. */
  abs(path: string): string;
  /** A URL as written in data (absolute, root-relative or relative to the site root) → absolute. */
  resolve(href: string): string;
}

export function siteUrls(site: Site, prefix = pathPrefix()): SiteUrls {
  const abs = (path: string) => absoluteUrl(site.url, path, prefix);
  const root = abs("/");
  return {
    abs,
    resolve: (href) => (href.startsWith("/") && !href.startsWith("//") ? abs(href) : new URL(href, root).href),
  };
}

/**
 * A date that the feed library writes in its own zone. feedsmith serialises
 * dates with `toISOString()` (Atom, JSON Feed) and `toUTCString()` (RSS),
 * which would move every date to UTC; this keeps the instant and writes the
 * post's offset: `2008-06-01T00:00:00-04:00`, `Sun, 01 Jun 2008 00:00:00 -0400`.
 */
export class ZonedDate extends Date {
  readonly #iso: string;
  readonly #rfc2822: string;
  constructor(dt: DateTime) {
    super(dt.toMillis());
    const iso = dt.toISO({ suppressMilliseconds: true });
    const rfc2822 = dt.toRFC2822();
    if (!iso || !rfc2822) throw new Error(`Invalid date in a feed: ${dt.invalidReason ?? "unknown reason"}`);
    this.#iso = iso;
    this.#rfc2822 = rfc2822;
  }
  override toISOString(): string {
    return this.#iso;
  }
  override toUTCString(): string {
    return this.#rfc2822;
  }
}

/** Attributes holding one URL, and `srcset` holding several. */
const URL_ATTRIBUTES = ["href", "src", "poster", "cite", "action", "data"];
const HAS_URL_ATTRIBUTE = /\s(?:href|src|srcset|poster|cite|action|data)\s*=/i;

/**
 * Make every relative URL in `html` absolute, so the post's links, images
 * and footnotes work in a feed reader: root-relative ones (`/tags/xen/`)
 * against the site (with its path prefix), others (`#fn1`, `img.png`)
 * against the post's own absolute URL. Absolute and protocol-relative URLs,
 * `mailto:` and the like are left alone. The HTML is parsed, not matched
 * with patterns.
 */
export function absolutizeHtml(html: string, pageUrl: string, urls: SiteUrls): string {
  if (!HAS_URL_ATTRIBUTE.test(html)) return html;
  const resolve = (value: string): string => {
    const href = value.trim();
    if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return value;
    if (href.startsWith("/")) return urls.abs(href);
    try {
      return new URL(href, pageUrl).href;
    } catch {
      return value;
    }
  };
  const plugin = (tree: posthtml.Node) => {
    tree.walk((node) => {
      const attrs = node.attrs;
      if (!attrs) return node;
      for (const name of URL_ATTRIBUTES) {
        const value = attrs[name];
        if (typeof value === "string") attrs[name] = resolve(value);
      }
      const srcset = attrs.srcset;
      if (typeof srcset === "string") {
        attrs.srcset = srcset
          .split(",")
          .map((candidate) => {
            const [url = "", ...descriptors] = candidate.trim().split(/\s+/);
            return [resolve(url), ...descriptors].join(" ");
          })
          .join(", ");
      }
      return node;
    });
  };
  // With `sync: true` posthtml returns the result itself (its types only know the promise).
  const result = posthtml([plugin]).process(html, { sync: true }) as unknown as { html: string };
  return result.html;
}
