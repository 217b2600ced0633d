/**
 * WordPress exports (WXR: RSS 2.0 with the `wp:` namespace), read with
 * fast-xml-parser one item at a time (src/import/slices.ts finds them), so
 * a big export is never one object tree in memory. Every item comes out, each with its kind (post, page)
 * or the reason it is not imported: attachments (kept aside for
 * galleries), menu items, revisions, other post types, drafts, pending,
 * private, scheduled and trashed items. The item's identity is its
 * `wp:post_id` within the site (`wp-post:<id>@<site>`); its guid is kept as
 * the key earlier imports recorded it under.
 */
import { XMLParser } from "fast-xml-parser";
import { ToolError } from "./project.ts";
import {
  type Attachment,
  type SourceComment,
  type SourceFeed,
  type SourceItem,
  dateResult,
  emptyFeed,
  fromRfc822,
  fromWordPress,
  itemKey,
} from "./source.ts";
import { compact, decodeText, htmlToText } from "./html.ts";
import { sliceItems } from "./slices.ts";
import { rawText } from "./xmltext.ts";

const LISTS = new Set(["item", "category", "wp:author", "wp:category", "wp:tag", "wp:term", "wp:postmeta", "wp:comment", "wp:commentmeta"]);

type Node = Record<string, unknown>;

/**
 * Text content of a parsed element (`<guid isPermaLink="false">x</guid>` or
 * `<title>x</title>`), as a string of its own: a slice of the export would
 * keep the whole export's text in memory for as long as any item lives.
 */
function text(value: unknown): string | undefined {
  const found = rawText(value);
  return found === undefined ? undefined : compact(found);
}

function list(value: unknown): Node[] {
  return Array.isArray(value) ? (value as Node[]) : value === undefined ? [] : [value as Node];
}

/** Statuses of items WordPress never showed, and the reason the report gives. */
const UNPUBLISHED: Record<string, string> = {
  draft: "draft",
  "auto-draft": "draft",
  pending: "pending",
  private: "private",
  future: "scheduled",
  trash: "trash",
  inherit: "revision",
};

/** Types that are not content of their own, and the reason the report gives. */
const NOT_CONTENT: Record<string, string> = {
  attachment: "attachment",
  revision: "revision",
  nav_menu_item: "menu item",
};

/** `hello-w%C3%B6rld` → `hello-wörld`; a name that is not valid percent-encoding is kept as it is. */
function decodeSlug(name: string | undefined): string | undefined {
  if (!name?.trim()) return undefined;
  try {
    return decodeURIComponent(name.trim());
  } catch {
    return name.trim();
  }
}

function httpUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url.trim()) ? url.trim() : undefined;
}

/** The export's site, for item keys: its base URL without the scheme or a trailing slash. */
export function siteKey(url: string | undefined): string {
  return (url ?? "").trim().replace(/^https?:\/\//i, "").replace(/\/+$/, "").toLowerCase();
}

/** Each item slice parsed when its turn comes, so only one item's tree is held at a time. */
function* itemsOf(slices: readonly string[], parse: (text: string) => Node): Generator<Node> {
  for (const slice of slices) yield* list(parse(slice).item);
}

/** A WordPress export's items, authors and attachments. */
export function parseWxr(xml: string, file: string, options: { sliced?: boolean } = {}): SourceFeed {
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
  const parse = (text: string): Node => {
    try {
      return parser.parse(text) as Node;
    } catch (error) {
      throw new ToolError(`${file}: cannot be read as a WordPress export: ${(error as Error).message}; nothing was imported`);
    }
  };
  // The channel without its items first, then one item at a time: the whole export is never one tree.
  // `sliced: false` reads the document as one tree: the same feed, for the tests to compare.
  let slices = options.sliced === false ? { rest: xml, items: [] } : sliceItems(xml);
  let doc = parse(slices.rest);
  if (slices.items.length && Array.isArray((doc.rss as Node | undefined)?.channel)) {
    // Several channels: read as one tree, as it always was.
    slices = { rest: xml, items: [] };
    doc = parse(xml);
  }
  const channel = (doc.rss as Node | undefined)?.channel as Node | undefined;
  if (!channel || typeof channel !== "object") throw new ToolError(`${file}: a WordPress export has <rss><channel>…; this one has no channel`);

  const siteLink = httpUrl(text(channel["wp:base_blog_url"])) || httpUrl(text(channel.link)) || httpUrl(text(channel["wp:base_site_url"]));
  const feed = emptyFeed("wxr", decodeText(text(channel.title) ?? "") || undefined, siteLink);
  const site = siteKey(httpUrl(text(channel["wp:base_site_url"])) ?? siteLink);
  const names = new Map<string, string>();
  for (const author of list(channel["wp:author"])) {
    const login = text(author["wp:author_login"])?.trim();
    if (!login) continue;
    const display = decodeText(text(author["wp:author_display_name"]) ?? "");
    names.set(login, display || login);
    feed.authors.push({ login, name: display || login });
  }

  const itemNodes = slices.items.length ? itemsOf(slices.items, parse) : list(channel.item);
  for (const item of itemNodes) {
    const type = text(item["wp:post_type"])?.trim() || "post";
    const status = text(item["wp:status"])?.trim() || "publish";
    const postId = text(item["wp:post_id"])?.trim() || undefined;
    const meta = new Map<string, string>();
    const embeds: SourceItem["embeds"] = [];
    for (const entry of list(item["wp:postmeta"])) {
      const key = text(entry["wp:meta_key"]) ?? "";
      const value = text(entry["wp:meta_value"]) ?? "";
      if (/^_oembed_(?!time_)/.test(key) && value.trim() && value.trim() !== "{{unknown}}") embeds.push({ html: value });
      else meta.set(key, value);
    }
    const titleHtml = text(item.title) ?? "";
    const title = /[<&]/.test(titleHtml) ? htmlToText(titleHtml) : decodeText(titleHtml);
    const link = httpUrl(text(item.link));
    const guid = text(item.guid)?.trim() || undefined;
    const parent = text(item["wp:post_parent"])?.trim();
    const order = Number(text(item["wp:menu_order"]) ?? 0) || 0;

    if (type === "attachment" && postId) {
      const url = httpUrl(text(item["wp:attachment_url"])) ?? httpUrl(guid);
      if (url) {
        const attachment: Attachment = {
          id: postId,
          url,
          title,
          caption: text(item["excerpt:encoded"])?.trim() ?? "",
          alt: decodeText(meta.get("_wp_attachment_image_alt") ?? ""),
          parent: parent && parent !== "0" ? parent : undefined,
          order,
        };
        feed.attachments.set(postId, attachment);
      }
    }

    const local = text(item["wp:post_date"]);
    const pubDate = text(item.pubDate);
    const date = (local && fromWordPress(local, text(item["wp:post_date_gmt"]))) || (pubDate && fromRfc822(pubDate)) || undefined;
    const login = text(item["dc:creator"])?.trim() || undefined;
    const categories = list(item.category);
    const byDomain = (domain: string) =>
      categories.filter((c) => (typeof c === "object" ? c["@_domain"] : undefined) === domain).map((c) => decodeText(text(c) ?? ""));
    const excerpt = text(item["excerpt:encoded"])?.trim();
    const kind = type === "page" ? "page" : "post";
    const skip =
      NOT_CONTENT[type] ??
      (type !== "post" && type !== "page" ? `unsupported type (${type})` : undefined) ??
      UNPUBLISHED[status] ??
      (status !== "publish" ? `unsupported status (${status})` : undefined);
    const comments: SourceComment[] = list(item["wp:comment"]).map((comment) => {
      const approved = (text(comment["wp:comment_approved"]) ?? "").trim();
      const type = (text(comment["wp:comment_type"]) ?? "").trim();
      const commentLocal = text(comment["wp:comment_date"]);
      const commentDate = commentLocal ? fromWordPress(commentLocal, text(comment["wp:comment_date_gmt"])) : undefined;
      const parentId = (text(comment["wp:comment_parent"]) ?? "").trim();
      return {
        id: (text(comment["wp:comment_id"]) ?? "").trim(),
        author: decodeText(text(comment["wp:comment_author"]) ?? ""),
        url: httpUrl(text(comment["wp:comment_author_url"])),
        date: dateResult(commentDate, commentLocal),
        parent: parentId && parentId !== "0" ? parentId : undefined,
        type: type === "pingback" || type === "trackback" ? type : "comment",
        status: approved === "1" ? "approved" : approved === "spam" ? "spam" : approved === "trash" || approved === "post-trashed" ? "trash" : "pending",
        registered: !["", "0"].includes((text(comment["wp:comment_user_id"]) ?? "").trim()),
        html: text(comment["wp:comment_content"]) ?? "",
      };
    });
    feed.items.push({
      key: postId ? `wp-post:${postId}@${site}` : itemKey(guid, link, title, date),
      legacyKeys: [itemKey(guid, link, title, date)],
      postId,
      kind,
      skip,
      protected: Boolean(text(item["wp:post_password"])?.trim()),
      title,
      link,
      guid,
      date: dateResult(date, local ?? pubDate),
      creators: [login && names.get(login), login].filter((name): name is string => Boolean(name)),
      login,
      categories: [...byDomain("category"), ...byDomain("post_tag")].filter(Boolean),
      html: text(item["content:encoded"]) ?? "",
      wordpress: true,
      excerptHtml: excerpt || undefined,
      draft: false,
      base: link ?? siteLink,
      slug: decodeSlug(text(item["wp:post_name"])),
      parent: parent && parent !== "0" ? parent : undefined,
      order,
      // WordPress answers `/?p=12` (a page: `/?page_id=7`) whatever its permalinks: the archive's home page sends it on (src/redirects/query.ts).
      ...(postId && /^[1-9]\d*$/.test(postId) ? { aliases: [kind === "page" ? `/?page_id=${postId}` : `/?p=${postId}`] } : {}),
      comments,
      embeds,
      file,
    });
  }
  return feed;
}

/** Block-level tags: `wpautop` never wraps them in a paragraph. */
const BLOCKS =
  "address|article|aside|blockquote|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|ol|p|pre|script|section|style|table|tbody|td|tfoot|th|thead|tr|ul";
const BLOCK_OPEN = new RegExp(`(<(?:${BLOCKS})[\\s/>])`, "gi");
const BLOCK_CLOSE = new RegExp(`(</(?:${BLOCKS})>)`, "gi");
const STARTS_WITH_BLOCK = new RegExp(`^(?:</?(?:${BLOCKS})[\\s/>]|\u0000\\d+\u0000$)`, "i");

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
