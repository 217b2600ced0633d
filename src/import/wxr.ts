/**
 * WordPress exports (WXR: RSS 2.0 with the `wp:` namespace), read with
 * fast-xml-parser. Only posts are imported; pages, attachments, menu items
 * and trashed posts are counted as ignored. Drafts, pending and private
 * posts become `draft: true`.
 */
import { XMLParser } from "fast-xml-parser";
import { ToolError } from "./project.ts";
import { type SourceFeed, type SourceItem, countIgnored, dateResult, fromRfc822, fromWordPress, itemKey } from "./source.ts";
import { decodeText } from "./html.ts";

const LISTS = new Set(["item", "category", "wp:author", "wp:category", "wp:tag", "wp:postmeta", "wp:comment"]);

type Node = Record<string, unknown>;

/** Text content of a parsed element (`<guid isPermaLink="false">x</guid>` or `<title>x</title>`). */
function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === "object") return text((value as Node)["#text"]) ?? "";
  return undefined;
}

function list(value: unknown): Node[] {
  return Array.isArray(value) ? (value as Node[]) : value === undefined ? [] : [value as Node];
}

/** A WordPress export's posts. */
export function parseWxr(xml: string, file: string): SourceFeed {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: false,
    trimValues: true,
    isArray: (name) => LISTS.has(name),
  });
  const doc = parser.parse(xml) as Node;
  const channel = (doc.rss as Node | undefined)?.channel as Node | undefined;
  if (!channel || typeof channel !== "object") throw new ToolError(`${file}: a WordPress export has <rss><channel>…; this one has no channel`);

  const siteLink = text(channel["wp:base_blog_url"]) || text(channel.link) || text(channel["wp:base_site_url"]);
  const names = new Map<string, string>();
  for (const author of list(channel["wp:author"])) {
    const login = text(author["wp:author_login"]);
    const display = text(author["wp:author_display_name"]);
    if (login && display) names.set(login, decodeText(display));
  }

  const ignored = new Map<string, number>();
  const items: SourceItem[] = [];
  for (const item of list(channel.item)) {
    const type = text(item["wp:post_type"]) || "post";
    const status = text(item["wp:status"]) || "publish";
    if (type !== "post") {
      countIgnored(ignored, type);
      continue;
    }
    if (status === "trash" || status === "auto-draft" || status === "inherit") {
      countIgnored(ignored, `${status} post`);
      continue;
    }
    const title = decodeText(text(item.title) ?? "");
    const link = text(item.link) || undefined;
    const local = text(item["wp:post_date"]);
    const pubDate = text(item.pubDate);
    const date = (local && fromWordPress(local, text(item["wp:post_date_gmt"]))) || (pubDate && fromRfc822(pubDate)) || undefined;
    const login = text(item["dc:creator"]);
    const categories = list(item.category);
    const byDomain = (domain: string) =>
      categories.filter((c) => (typeof c === "object" ? c["@_domain"] : undefined) === domain).map((c) => decodeText(text(c) ?? ""));
    const excerpt = text(item["excerpt:encoded"])?.trim();
    items.push({
      key: itemKey(text(item.guid), link, title, date),
      title,
      link: link && /^https?:/i.test(link) ? link : undefined,
      date: dateResult(date, local ?? pubDate),
      creators: [login && names.get(login), login].filter((name): name is string => Boolean(name)),
      categories: [...byDomain("category"), ...byDomain("post_tag")].filter(Boolean),
      html: wordpressHtml(text(item["content:encoded"]) ?? ""),
      excerptHtml: excerpt || undefined,
      draft: status !== "publish",
      base: (link && /^https?:/i.test(link) ? link : undefined) ?? siteLink,
    });
  }
  return { format: "wxr", title: decodeText(text(channel.title) ?? "") || undefined, items, ignored };
}

/** Block-level tags: `wpautop` never wraps them in a paragraph. */
const BLOCKS =
  "address|article|aside|blockquote|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|ol|p|pre|script|section|style|table|tbody|td|tfoot|th|thead|tr|ul";
const BLOCK_OPEN = new RegExp(`(<(?:${BLOCKS})[\\s/>])`, "gi");
const BLOCK_CLOSE = new RegExp(`(</(?:${BLOCKS})>)`, "gi");
const STARTS_WITH_BLOCK = new RegExp(`^(?:</?(?:${BLOCKS})[\\s/>]|\u0000\\d+\u0000$)`, "i");

/**
 * A WordPress post body as the site showed it. WordPress stores paragraphs
 * as blank lines and adds the `<p>` tags when it shows the post; captions
 * are `[caption]` shortcodes around an image.
 */
export function wordpressHtml(content: string): string {
  const captioned = content.replace(/\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/gi, (_, inner: string) => {
    const match = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
    return match ? `<figure>${match[1]}<figcaption>${match[2]?.trim() ?? ""}</figcaption></figure>` : inner;
  });
  return autoParagraphs(captioned);
}

/**
 * WordPress's `wpautop`, simplified: block-level elements stand alone,
 * blank-line-separated text between them becomes paragraphs, and a single
 * newline inside a paragraph a line break. `<pre>` blocks are left whole.
 */
export function autoParagraphs(html: string): string {
  const kept: string[] = [];
  const text = html
    .replace(/\r\n?/g, "\n")
    .replace(/<pre\b[\s\S]*?<\/pre>/gi, (block) => `\n\n\u0000${kept.push(block) - 1}\u0000\n\n`)
    .replace(BLOCK_OPEN, "\n\n$1")
    .replace(BLOCK_CLOSE, "$1\n\n");
  const restored = (chunk: string) => chunk.replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)] ?? "");
  return text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (STARTS_WITH_BLOCK.test(chunk) ? restored(chunk) : `<p>${restored(chunk).replace(/\n/g, "<br>\n")}</p>`))
    .join("\n");
}
