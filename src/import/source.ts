/**
 * An export or feed file → the items it holds, in one shape whatever the
 * format: a WordPress export (WXR), a Blogger export, an RSS 2.0 feed or an
 * Atom feed. The file is checked as XML first, so a malformed one is refused with its line
 * and column before anything is converted.
 */
import { XMLValidator } from "fast-xml-parser";
import { DateTime, FixedOffsetZone } from "luxon";
import { parseArchiveDate } from "../dates.ts";
import { ToolError } from "./project.ts";
import { isBloggerExport } from "./blogger.ts";

export type SourceFormat = "wxr" | "rss" | "atom" | "blogger" | "jekyll" | "hugo";

/** Why an item is not imported: one of these, or `unsupported type (…)`. */
export type SkipReason = string;

export interface SourceComment {
  /** The comment's id in the export (`wp:comment_id`). */
  id: string;
  /** Plain text; "" when the commenter gave none. */
  author: string;
  url?: string;
  date: { value: string } | { error: string };
  /** The id of the comment this one answers. */
  parent?: string;
  type: "comment" | "pingback" | "trackback";
  /** `removed`: deleted on the old blog, only Blogger's notice left (Blogger). */
  status: "approved" | "pending" | "spam" | "trash" | "removed";
  /** Written by a registered user of the old blog (`wp:comment_user_id` ≠ 0). */
  registered: boolean;
  html: string;
}

/** An oEmbed response WordPress cached in a post's meta (`_oembed_<hash>`): the embed's HTML. */
export interface CachedEmbed {
  html: string;
}

export interface SourceItem {
  /** Identity across imports: the WordPress post id (`wp-post:<id>@<site>`), else the guid or Atom id, else the link, else title and date. */
  key: string;
  /** Keys earlier versions of the importer recorded this item under (its guid), to carry their records over. */
  legacyKeys: string[];
  /** `wp:post_id`, for WordPress items. */
  postId?: string;
  /** A post or a standalone page. */
  kind: "post" | "page";
  /** What the entry is in the source when it is neither (Blogger's `settings`, `template`), for the report. */
  sourceKind?: string;
  /** Set when the item is not imported, with the reason (draft, attachment, …). */
  skip?: SkipReason;
  /** A password-protected post: skipped unless `--include-protected`. */
  protected?: boolean;
  /** Plain text; "" when the item has none. */
  title: string;
  /** The item's address on the old site. */
  link?: string;
  /** The item's guid, when it has one (`https://old.example.com/?p=12`). */
  guid?: string;
  /** Archive form (`2008-06-24T10:00:00-04:00`, offset as the source gave it), or why there is none. */
  date: { value: string } | { error: string };
  /** When the item was last revised (archive form), when the source says and it differs from `date`. */
  updated?: string;
  /** Names the source gives for the item's author (display name, login). */
  creators: string[];
  /** The author's login (WordPress), to map it to the entry made from `wp:author`. */
  login?: string;
  /** Category and tag names, categories first. */
  categories: string[];
  /** The body as HTML (WordPress: as stored, shortcodes and blocks still in it; see `wordpress`). */
  html: string;
  /** The body is WordPress post content, to be rendered by src/import/wordpress.ts. */
  wordpress?: boolean;
  /** The excerpt or summary as HTML, when the source has one apart from the body. */
  excerptHtml?: string;
  /** Not published on the old site (a WordPress draft, pending or private post). */
  draft: boolean;
  /** Against which relative links and images are resolved. */
  base?: string;
  /** The old slug (`wp:post_name`, percent-decoded), when the source has one. */
  slug?: string;
  /** `wp:post_parent`: a page's parent page, an attachment's post. */
  parent?: string;
  /** `wp:menu_order`: an attachment's place in its post's gallery. */
  order?: number;
  comments: SourceComment[];
  embeds: CachedEmbed[];
  /** The file the item came from. */
  file: string;
  /** Several authors by the names the source gives (Jekyll's `author: [a, b]`), the lead author first; mapped like `login`. */
  logins?: string[];
  /** More old addresses of the item (Jekyll's `redirect_from`), URLs or paths. */
  aliases?: string[];
  /** The item's `link` is no address of a real site (a Jekyll site without `url`): no `original_url`. */
  noOriginal?: boolean;
  /** What the source's reader noticed about the item, for the report. */
  warnings?: string[];
  /** Template tags removed from the body (Jekyll's Liquid, Hugo's shortcodes), with their lines in `file`. */
  liquid?: { line: number; text: string; why: string }[];
  /** The old addresses of files that are the item's own whether its body names them or not (a Hugo page bundle's), brought home with it. */
  resources?: string[];
}

/** An image of the export (`wp:post_type` attachment), for galleries. */
export interface Attachment {
  id: string;
  url: string;
  title: string;
  /** The caption (the attachment's excerpt), as HTML. */
  caption: string;
  alt: string;
  parent?: string;
  order: number;
}

/** A `wp:author` of the export. */
export interface SourceAuthor {
  login: string;
  name: string;
}

export interface SourceFeed {
  format: SourceFormat;
  title?: string;
  /** The old site's address (WordPress `wp:base_site_url`, a feed's link). */
  site?: string;
  items: SourceItem[];
  authors: SourceAuthor[];
  /** Attachments by id. */
  attachments: Map<string, Attachment>;
  /** Comments of the file left out before any item is converted, by reason (Blogger: on a post not in the export). */
  commentsLeft?: Map<string, number>;
  /** Hosts other than the site's whose files are the blog's own (Blogger's image hosts). */
  mediaHosts?: string[];
  /** What the reader noticed about the file as a whole (a Blogger export without the blog's address), for the report's warnings. */
  notices?: string[];
  /** The folder of the site's own files, found there by their URL path (a Jekyll site's folder, a Hugo site's `static/`), absolute. */
  mediaFolder?: string;
  /** Files of the site by their old address (`sameFileKey`): a Hugo page bundle's, absolute paths inside the site. */
  localFiles?: Map<string, string>;
}

export const FORMAT_NAMES: Record<SourceFormat, string> = {
  wxr: "WordPress export",
  rss: "RSS feed",
  atom: "Atom feed",
  blogger: "Blogger export",
  jekyll: "Jekyll site",
  hugo: "Hugo site",
};

/** Refuses text that is not well-formed XML, naming the line and column. */
export function checkXml(text: string, file: string): void {
  if (!text.trim()) throw new ToolError(`${file} is empty: expected a WordPress export (WXR), an RSS 2.0 or an Atom feed`);
  const result = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (result !== true) {
    const { line, col, msg } = result.err;
    // Tags still open at the end: the parser lists them, and its position is meaningless.
    const open = /^Invalid '\[(.*)\]' found/s.exec(msg)?.[1];
    if (open !== undefined) {
      const tags = open.split(",").map((tag) => tag.trim().replace(/^"|"$/g, "")).filter(Boolean);
      throw new ToolError(
        `${file}: not well-formed XML: the file ends inside <${tags.join("> <")}> (is it cut off?); nothing was imported`,
      );
    }
    throw new ToolError(`${file}:${line}:${col}: not well-formed XML: ${msg}; nothing was imported`);
  }
}

/** Which format `text` (well-formed XML) is in, from its root element and namespaces. */
export function detectFormat(text: string): SourceFormat | undefined {
  const head = text.slice(0, 4096).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, "").trimStart();
  const root = /<\s*([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(head);
  const name = root?.[2]?.toLowerCase();
  if (name === "rss") {
    return /xmlns:wp\s*=\s*["']http:\/\/wordpress\.org\/export\//.test(head) || /<wp:wxr_version>/.test(text) ? "wxr" : "rss";
  }
  if (name === "feed") return isBloggerExport(text) ? "blogger" : "atom";
  return undefined;
}

/** `Tue, 24 Jun 2008 10:00:00 -0400` → `2008-06-24T10:00:00-04:00` (its own offset kept). */
export function fromRfc822(text: string): string | undefined {
  const trimmed = text.trim().replace(/\s+/g, " ");
  let dt = DateTime.fromRFC2822(trimmed, { setZone: true });
  // Common slips of real feeds: a missing or wrong weekday, a full month name.
  if (!dt.isValid) dt = DateTime.fromRFC2822(trimmed.replace(/^[A-Za-z]+,\s*/, ""), { setZone: true });
  if (!dt.isValid) {
    dt = DateTime.fromFormat(trimmed.replace(/^[A-Za-z]+,\s*/, ""), "d MMMM yyyy HH:mm:ss ZZZ", { setZone: true, locale: "en" });
  }
  if (!dt.isValid) return fromIso(trimmed);
  return withOffset(dt);
}

/**
 * An ISO 8601 date (Atom, `dc:date`): kept as written when the archive reads
 * it as it is, else rewritten with luxon, offset kept. Without an offset it
 * is a local time, read later in the blog's zone.
 */
export function fromIso(text: string): string | undefined {
  const trimmed = text.trim();
  if (parseArchiveDate(trimmed, "UTC").ok) return trimmed;
  const dt = DateTime.fromISO(trimmed, { setZone: true });
  if (!dt.isValid) return undefined;
  return /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(trimmed) ? withOffset(dt) : dt.toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/**
 * WordPress's pair of dates: the post's local time and the same moment in
 * GMT. Their difference is the blog's offset on that day, so the local time
 * keeps it: (`2009-03-01 09:30:00`, `2009-03-01 08:30:00`) →
 * `2009-03-01T09:30:00+01:00`. A draft's GMT date is all zeros: the local
 * time is then read in the blog's zone.
 */
export function fromWordPress(local: string, gmt: string | undefined): string | undefined {
  const fast = wordPressDateFast(local, gmt);
  return fast !== undefined ? fast : wordPressDate(local, gmt);
}

const SQL_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** The moment of `2009-03-01 09:30:00` read as UTC, for the plain form with a valid date and time only (years 1000 on); else undefined. */
export function sqlMillis(text: string): number | undefined {
  const match = SQL_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year < 1000 || hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(millis);
  return back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? millis : undefined;
}

/**
 * `fromWordPress` for the dates every export is full of, without luxon:
 * the same text, or undefined for any
 * other form, which luxon then reads.
 */
export function wordPressDateFast(local: string, gmt: string | undefined): string | undefined {
  const localText = local.trim();
  const localMillis = sqlMillis(localText);
  if (localMillis === undefined) return undefined;
  const plain = localText.replace(" ", "T");
  if (!gmt || gmt.startsWith("0000")) return plain;
  const gmtMillis = sqlMillis(gmt.trim());
  if (gmtMillis === undefined) return undefined;
  const minutes = Math.round((localMillis - gmtMillis) / 60_000);
  if (Math.abs(minutes) > 14 * 60) return plain;
  // As luxon writes a fixed offset (`ZZ`): the sign of zero is "+".
  const hours = Math.trunc(Math.abs(minutes / 60));
  const rest = Math.trunc(Math.abs(minutes % 60));
  return `${plain}${minutes >= 0 ? "+" : "-"}${String(hours).padStart(2, "0")}:${String(rest).padStart(2, "0")}`;
}

/** `fromWordPress` read with luxon, whatever the form. */
export function wordPressDate(local: string, gmt: string | undefined): string | undefined {
  const localDt = DateTime.fromSQL(local.trim(), { zone: "UTC" });
  if (!localDt.isValid) return undefined;
  const gmtDt = gmt && !gmt.startsWith("0000") ? DateTime.fromSQL(gmt.trim(), { zone: "UTC" }) : undefined;
  if (!gmtDt?.isValid) return localDt.toFormat("yyyy-MM-dd'T'HH:mm:ss");
  const minutes = Math.round(localDt.diff(gmtDt, "minutes").minutes);
  if (Math.abs(minutes) > 14 * 60) return localDt.toFormat("yyyy-MM-dd'T'HH:mm:ss");
  return withOffset(localDt.setZone(FixedOffsetZone.instance(minutes), { keepLocalTime: true }));
}

function withOffset(dt: DateTime): string {
  return dt.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

/** The item's date result, or the reason it has none. */
export function dateResult(value: string | undefined, raw: string | undefined): SourceItem["date"] {
  if (value) return { value };
  return { error: raw?.trim() ? `"${raw.trim()}" is not a date this importer can read` : "has no date" };
}

/** Identity of an item across imports. */
export function itemKey(id: string | undefined, link: string | undefined, title: string, date: string | undefined): string {
  return id?.trim() || link?.trim() || `${title}\u0000${date ?? ""}`;
}

/** An empty feed of `format`, for the parsers to fill. */
export function emptyFeed(format: SourceFormat, title?: string, site?: string): SourceFeed {
  return { format, title, site, items: [], authors: [], attachments: new Map() };
}
