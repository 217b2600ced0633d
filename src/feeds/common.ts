/**
 * What every feed shares: where the site lives (origin and path prefix),
 * dates that keep their offset, and post HTML whose links work outside the
 * site. The XML is written by fast-xml-builder, which escapes every value
 * and keeps an element holding only text on one line, so a feed carries
 * exactly the text it was given: no CDATA sections, and no whitespace added
 * inside an element by the indentation of the document.
 */
import XMLBuilder from "fast-xml-builder";
import type { DateTime } from "luxon";
import posthtml from "posthtml";
import type { Post } from "../content/model.ts";
import type { Site } from "../schema/index.ts";
import { absoluteUrl, pathPrefix } from "../urls.ts";

/** One file of feed output: its root-relative URL (without the path prefix) and its text. */
export interface FeedFile {
  url: string;
  /** Media type of the file. */
  type: string;
  body: string;
  /** The posts whose entries it holds (a feed of posts; a podcast's feed holds none). */
  posts?: readonly Post[];
}

export const ATOM_TYPE = "application/atom+xml";
export const JSON_FEED_TYPE = "application/feed+json";
export const RSS_TYPE = "application/rss+xml";

export interface FeedOptions {
  /** Path prefix the site is served under (`/archive/`); default: `PATH_PREFIX`. */
  prefix?: string;
  /** Fewest posts of a subscription feed (the newest); it holds up to `limit + pageSize - 1`. */
  limit?: number;
  /** Posts per archived feed document (RFC 5005). */
  pageSize?: number;
}

export const FEED_LIMIT = 20;
/** Posts per archived feed document: a page is full, and never changes again, at this many. */
export const ARCHIVE_PAGE_SIZE = 20;

/** Attribute keys of the XML trees below start with `@_`; `#text` is an element's text. */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
  // `isPermaLink="true"`, never a bare attribute.
  suppressBooleanAttributes: false,
  processEntities: true,
});

/** A tree for fast-xml-builder: elements by name, attributes as `@_name`, text as `#text`. */
export type XmlTree = { [name: string]: XmlValue };
export type XmlValue = string | number | boolean | undefined | XmlTree | XmlValue[];

/** Characters XML 1.0 cannot hold at all (C0 controls but tab, newline and return; lone surrogates; U+FFFE/F). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as XML can carry it: unchanged unless it holds characters XML 1.0 forbids, which are dropped. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Drop undefined members, so optional elements are left out rather than written empty. */
function prune(value: XmlValue): XmlValue {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(prune);
  if (typeof value === "string") return xmlText(value);
  if (value === undefined || typeof value !== "object") return value;
  const out: XmlTree = {};
  for (const [key, child] of Object.entries(value)) if (child !== undefined) out[key] = prune(child);
  return out;
}

/** A whole XML document with its declaration, ending in a newline. */
export function xmlDocument(root: XmlTree): string {
  const text: string = builder.build(prune(root));
  return `<?xml version="1.0" encoding="utf-8"?>\n${text.endsWith("\n") ? text : `${text}\n`}`;
}

/** A JSON document, ending in a newline. */
export function jsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

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

/** RFC 3339 with the date's own offset: `2008-06-01T00:00:00-04:00` (Atom, JSON Feed). */
export function isoDate(dt: DateTime): string {
  const iso = dt.toISO({ suppressMilliseconds: true });
  if (!iso) throw new Error(`Invalid date in a feed: ${dt.invalidReason ?? "unknown reason"}`);
  return iso;
}

/** RFC 2822 with the date's own offset: `Sun, 01 Jun 2008 00:00:00 -0400` (RSS). */
export function rfc2822Date(dt: DateTime): string {
  const text = dt.toRFC2822();
  if (!text) throw new Error(`Invalid date in a feed: ${dt.invalidReason ?? "unknown reason"}`);
  return text;
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
