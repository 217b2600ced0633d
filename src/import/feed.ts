/**
 * RSS 2.0 and Atom feeds, read with feedsmith. In RSS the body is
 * `content:encoded` when present (then `description` is the excerpt), else
 * `description`; in Atom it is `content`, else `summary`.
 */
import { parseAtomFeed, parseRssFeed } from "feedsmith";
import { ToolError } from "./project.ts";
import { type SourceFeed, type SourceItem, dateResult, emptyFeed, fromIso, fromRfc822, itemKey } from "./source.ts";
import { decodeText, htmlToText } from "./html.ts";

function httpUrl(url: string | undefined): string | undefined {
  return url && /^https?:/i.test(url.trim()) ? url.trim() : undefined;
}

function parsed<T>(parse: () => T, file: string, kind: string): T {
  try {
    return parse();
  } catch (error) {
    throw new ToolError(`${file}: not a valid ${kind}: ${(error as Error).message}; nothing was imported`);
  }
}

/** RSS `<author>` is `email (Name)`; the name is what maps to an author. */
function rssAuthor(author: string | { name?: string }): string {
  if (typeof author !== "string") return author.name ?? "";
  return /\(([^)]+)\)\s*$/.exec(author)?.[1] ?? author;
}

/** An RSS 2.0 feed's items. */
export function parseRss(xml: string, file: string): SourceFeed {
  const feed = parsed(() => parseRssFeed(xml), file, "RSS feed");
  const siteLink = httpUrl(feed.link);
  const items: SourceItem[] = (feed.items ?? []).map((item) => {
    const title = decodeText(item.title ?? "");
    const link = httpUrl(item.link) ?? (item.guid?.isPermaLink !== false ? httpUrl(item.guid?.value) : undefined);
    const rawDate = item.pubDate ?? item.dc?.dates?.[0];
    const date = item.pubDate ? fromRfc822(item.pubDate) : rawDate ? fromIso(rawDate) : undefined;
    const encoded = item.content?.encoded;
    const key = itemKey(item.guid?.value, link, title, date);
    return {
      key,
      legacyKeys: [],
      kind: "post",
      guid: item.guid?.value,
      comments: [],
      embeds: [],
      file,
      title,
      link,
      date: dateResult(date, rawDate),
      creators: [...(item.dc?.creators ?? []), ...(item.authors ?? []).map(rssAuthor)].map(decodeText).filter(Boolean),
      categories: (item.categories ?? []).map((category) => decodeText(category.name ?? "")).filter(Boolean),
      html: encoded ?? item.description ?? "",
      excerptHtml: encoded !== undefined && item.description?.trim() ? item.description : undefined,
      draft: false,
      base: link ?? siteLink,
    };
  });
  return { ...emptyFeed("rss", feed.title ? decodeText(feed.title) : undefined, siteLink), items };
}

/** Atom `text`, `html` or `xhtml` constructs as plain text. */
function atomText(construct: { value?: string; type?: string } | undefined): string {
  if (!construct?.value) return "";
  return construct.type === "html" || construct.type === "xhtml" ? htmlToText(construct.value) : decodeText(construct.value);
}

/** Atom content as HTML: text content is escaped into a paragraph. */
function atomHtml(construct: { value?: string; type?: string } | undefined): string | undefined {
  if (!construct?.value?.trim()) return undefined;
  if (construct.type === "html" || construct.type === "xhtml") return construct.value;
  if (construct.type && construct.type !== "text") return undefined;
  const escaped = construct.value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return escaped
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.trim()}</p>`)
    .join("\n");
}

/** An Atom feed's entries. */
export function parseAtom(xml: string, file: string): SourceFeed {
  const feed = parsed(() => parseAtomFeed(xml), file, "Atom feed");
  const alternate = (links: { href?: string; rel?: string }[] | undefined) =>
    httpUrl((links ?? []).find((link) => !link.rel || link.rel === "alternate")?.href);
  const siteLink = alternate(feed.links);
  const items: SourceItem[] = (feed.entries ?? []).map((entry) => {
    const title = atomText(entry.title);
    const link = alternate(entry.links);
    const rawDate = entry.published ?? entry.updated;
    const date = rawDate ? fromIso(rawDate) : undefined;
    const content = atomHtml(entry.content);
    const summary = atomHtml(entry.summary);
    return {
      key: itemKey(entry.id, link, title, date),
      legacyKeys: [],
      kind: "post",
      guid: entry.id,
      comments: [],
      embeds: [],
      file,
      title,
      link,
      date: dateResult(date, rawDate),
      creators: [...(entry.authors ?? []), ...(feed.authors ?? [])].map((author) => decodeText(author.name ?? "")).filter(Boolean),
      categories: (entry.categories ?? []).map((category) => decodeText(category.label || category.term || "")).filter(Boolean),
      html: content ?? summary ?? "",
      excerptHtml: content !== undefined ? summary : undefined,
      draft: false,
      base: link ?? siteLink,
    };
  });
  return { ...emptyFeed("atom", atomText(feed.title) || undefined, siteLink), items };
}

export function requireItems(feed: SourceFeed, file: string): SourceFeed {
  if (feed.items.length === 0) throw new ToolError(`${file}: the feed has no items; nothing was imported`);
  return feed;
}
