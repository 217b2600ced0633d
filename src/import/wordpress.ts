/**
 * WordPress post content → the HTML WordPress showed for it: Gutenberg
 * block comments removed and the blocks that need it converted (embeds,
 * code languages), shortcodes expanded (`[caption]`, `[gallery]` from the
 * export's attachments, `[code]`/`[sourcecode]`, `[embed]`, `[youtube]`,
 * `[audio]`, `[video]`), embeds and cached oEmbed markup turned into plain
 * links with the embed's title (no iframe, no script), `<!--more-->` taken
 * as the end of the summary, and classic content's blank-line paragraphs
 * made into `<p>`s (`wpautop`). Unknown shortcodes stay as text and are
 * counted. The result is still untrusted HTML: it is sanitised next
 * (src/import/html.ts).
 */
import { decodeHTML, escapeAttribute, escapeText } from "entities";
import type { Attachment, CachedEmbed } from "./source.ts";
import { autoParagraphs } from "./wxr.ts";

export interface WordPressContext {
  /** The post's `wp:post_id`: a `[gallery]` without ids shows this post's attachments. */
  postId?: string;
  attachments: ReadonlyMap<string, Attachment>;
  /** Attachments by parent post id, in gallery order. */
  attachmentsOf?: ReadonlyMap<string, readonly Attachment[]>;
  embeds: readonly CachedEmbed[];
}

export interface RenderedContent {
  html: string;
  /** The part before `<!--more-->`, when the post has one. */
  teaserHtml?: string;
  /** Shortcodes left as text, by name. */
  unknownShortcodes: Map<string, number>;
}

/** Shortcodes this module expands. */
const KNOWN = new Set(["caption", "wp_caption", "gallery", "code", "sourcecode", "embed", "youtube", "vimeo", "audio", "video"]);

/** `a="1" b='2' c=3 4` → {a: "1", b: "2", c: "3", 0: "4"}. */
export function shortcodeAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  let position = 0;
  const pattern = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))|"([^"]*)"|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) attributes[match[1].toLowerCase()] = decodeHTML(match[2] ?? match[3] ?? match[4] ?? "");
    else attributes[String(position++)] = decodeHTML(match[5] ?? match[6] ?? "");
  }
  return attributes;
}

const link = (url: string, text: string) => `<a href="${escapeAttribute(url)}">${escapeText(text)}</a>`;

/** The title an oEmbed response gives (`<iframe title="…">`, a tweet's text), when it has one. */
function embedTitle(html: string): string | undefined {
  const title = /\btitle\s*=\s*"([^"]+)"/i.exec(html)?.[1] ?? /\btitle\s*=\s*'([^']+)'/i.exec(html)?.[1];
  return title ? decodeHTML(title).replace(/\s+/g, " ").trim() || undefined : undefined;
}

/** Ids that tell embeds of one video apart whatever the URL's form: YouTube's `v`, a Vimeo number. */
function videoId(url: string): string | undefined {
  return (
    /(?:youtube(?:-nocookie)?\.com\/(?:watch\?(?:.*&)?v=|embed\/|v\/|shorts\/)|youtu\.be\/)([\w-]{6,})/i.exec(url)?.[1] ??
    /vimeo\.com\/(?:video\/)?(\d{4,})/i.exec(url)?.[1]
  );
}

/** The cached oEmbed of `url` among the post's, by the URL or its video id. */
function cachedEmbed(url: string, embeds: readonly CachedEmbed[]): CachedEmbed | undefined {
  const id = videoId(url);
  return embeds.find((embed) => embed.html.includes(url) || (id !== undefined && embed.html.includes(id)));
}

/** A host's name for an embed without a title: `YouTube video`, else the host. */
function providerText(url: string): string {
  try {
    const host = new URL(url).hostname.replace(/^www\./, "");
    if (/youtube|youtu\.be/.test(host)) return "Video on YouTube";
    if (/vimeo/.test(host)) return "Video on Vimeo";
    if (/twitter|x\.com/.test(host)) return "Post on Twitter";
    return url;
  } catch {
    return url;
  }
}

/** An embed as a paragraph holding a link, with the embed's title when the export cached it. */
function embedLink(url: string, embeds: readonly CachedEmbed[], caption?: string): string {
  const title = embedTitle(cachedEmbed(url, embeds)?.html ?? "") ?? providerText(url);
  return `\n\n<p>${link(url, title)}${caption ? ` — ${caption}` : ""}</p>\n\n`;
}

/** A figure of one image with its caption (HTML), as the caption shortcode and galleries show them. */
function figure(image: string, caption: string): string {
  return `\n\n<figure>${image}${caption.trim() ? `<figcaption>${caption.trim()}</figcaption>` : ""}</figure>\n\n`;
}

/** `[gallery ids="3,4"]`, or the post's own attachments: each image with its caption. */
function gallery(attributes: Record<string, string>, context: WordPressContext): string {
  const ids = (attributes.ids ?? attributes.include ?? "").split(/[\s,]+/).filter(Boolean);
  const images = ids.length
    ? ids.map((id) => context.attachments.get(id)).filter((a): a is Attachment => a !== undefined)
    : context.postId
      ? [...(context.attachmentsOf?.get(attributes.id ?? context.postId) ?? [])]
      : [];
  if (images.length === 0) return "";
  return images.map((image) => figure(`<img src="${escapeAttribute(image.url)}" alt="${escapeAttribute(image.alt || image.title)}">`, image.caption)).join("");
}

/** Code shortcodes' text as a fenced block: entities decoded once (the editor stored `&lt;` for `<`), then escaped. */
function codeBlock(attributes: Record<string, string>, code: string): string {
  const language = (attributes.lang ?? attributes.language ?? attributes["0"] ?? "").toLowerCase().replace(/[^a-z0-9+#-]/g, "");
  const text = decodeHTML(code.replace(/^\r?\n/, "").replace(/\r?\n$/, ""));
  return `\n\n<pre><code${language ? ` class="language-${language}"` : ""}>${escapeText(text)}</code></pre>\n\n`;
}

/** `[caption …]<img …> The text[/caption]` (or `caption="The text"`) → a figure with its caption. */
function caption(attributes: Record<string, string>, inner: string): string {
  const match = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
  if (!match) return inner;
  return figure(match[1] ?? "", attributes.caption ? escapeText(attributes.caption) : (match[2] ?? ""));
}

/**
 * Gutenberg's block comments: embed blocks become links (their saved HTML
 * holds only the URL), a code block's language goes onto its `<code>`, and
 * every other block comment goes (the saved HTML between them is what the
 * block showed).
 */
function blocks(content: string, context: WordPressContext): string {
  return content
    .replace(
      /<!--\s*wp:(?:core-)?embed(?:\/[\w-]+)?\s*(\{[\s\S]*?\})?\s*-->([\s\S]*?)<!--\s*\/wp:(?:core-)?embed(?:\/[\w-]+)?\s*-->/g,
      (whole, json: string | undefined, inner: string) => {
        let url: string | undefined;
        try {
          url = json ? (JSON.parse(json) as { url?: unknown }).url as string | undefined : undefined;
        } catch {
          url = undefined;
        }
        url ??= /https?:\/\/[^\s<"]+/.exec(inner)?.[0];
        if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return whole;
        const figcaption = /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i.exec(inner)?.[1];
        return embedLink(url, context.embeds, figcaption);
      },
    )
    .replace(/<!--\s*wp:code\s*(\{[\s\S]*?\})\s*-->\s*<pre([^>]*)>\s*<code(?![^>]*class=)/g, (whole, json: string, pre: string) => {
      const language = /"language"\s*:\s*"([\w+#-]+)"/.exec(json)?.[1];
      return language ? `<pre${pre}><code class="language-${language.toLowerCase()}"` : whole;
    })
    .replace(/<!--\s*\/?wp:[\s\S]*?-->/g, "\n");
}

/** Known oEmbed providers, for a bare URL on a line of its own (WordPress's auto-embeds). */
const EMBEDDABLE = /^https?:\/\/(?:www\.|m\.)?(?:youtube\.com|youtu\.be|vimeo\.com|twitter\.com|x\.com|soundcloud\.com|flickr\.com|slideshare\.net|speakerdeck\.com|instagram\.com|dailymotion\.com|ted\.com|spotify\.com|open\.spotify\.com|gist\.github\.com)\//i;

/** The HTML WordPress showed for a post's stored content. */
export function renderWordPress(content: string, context: WordPressContext): RenderedContent {
  const unknownShortcodes = new Map<string, number>();
  const isBlocks = /<!--\s*wp:/.test(content);
  const kept: string[] = [];
  const keep = (html: string) => `\n\n\u0001${kept.push(html) - 1}\u0001\n\n`;
  let html = content.replace(/\r\n?/g, "\n").replace(/\u0001/g, "");
  if (isBlocks) html = blocks(html, context);
  // Code first: nothing inside it is a shortcode or a paragraph.
  html = html.replace(/\[(code|sourcecode)\b([^\]]*)\]([\s\S]*?)\[\/\1\]/gi, (_, _name: string, attributes: string, code: string) =>
    keep(codeBlock(shortcodeAttributes(attributes), code)),
  );
  html = html
    .replace(/\[(caption|wp_caption)\b([^\]]*)\]([\s\S]*?)\[\/\1\]/gi, (_, _name: string, attributes: string, inner: string) =>
      caption(shortcodeAttributes(attributes), inner),
    )
    .replace(/\[gallery\b([^\]]*)\]/gi, (_, attributes: string) => keep(gallery(shortcodeAttributes(attributes), context)))
    .replace(/\[embed\b[^\]]*\]\s*(https?:\/\/[^\s[]+)\s*\[\/embed\]/gi, (_, url: string) => keep(embedLink(decodeHTML(url), context.embeds)))
    .replace(/\[(youtube|vimeo)(?:=|\s+)(?:"|')?([^\]"'\s]+)(?:"|')?[^\]]*\](?:\[\/\1\])?/gi, (_, name: string, id: string) => {
      const value = decodeHTML(id);
      const url = /^https?:\/\//i.test(value) ? value : name.toLowerCase() === "youtube" ? `https://www.youtube.com/watch?v=${value}` : `https://vimeo.com/${value}`;
      return keep(embedLink(url, context.embeds));
    })
    .replace(/\[(audio|video)\b([^\]]*)\](?:[\s\S]*?\[\/\1\])?/gi, (whole, name: string, attributes: string) => {
      const values = shortcodeAttributes(attributes);
      const src = values.src ?? values.mp3 ?? values.m4a ?? values.ogg ?? values.mp4 ?? values.webm ?? values["0"];
      return src && /^https?:\/\//i.test(src) ? keep(`\n\n<p>${link(src, `${name === "audio" ? "Audio" : "Video"}: ${src.split("/").pop() ?? src}`)}</p>\n\n`) : whole;
    })
    // A bare URL of a known provider on a line of its own was an embed.
    .replace(/^[ \t]*(?:<p>)?\s*(https?:\/\/[^\s<>"]+)\s*(?:<\/p>)?[ \t]*$/gim, (whole, url: string) =>
      EMBEDDABLE.test(url) || cachedEmbed(url, context.embeds) ? keep(embedLink(decodeHTML(url), context.embeds)) : whole,
    );
  // What is left in brackets that looks like a shortcode (attributes, a closing tag, or a known name) is counted.
  for (const match of html.matchAll(/\[([A-Za-z][\w-]*)(\s+[^\]]*)?\/?\](?:[\s\S]*?\[\/\1\])?/g)) {
    const name = (match[1] ?? "").toLowerCase();
    const looksLikeOne = match[2] !== undefined || match[0].includes(`[/${match[1]}]`) || KNOWN.has(name);
    if (looksLikeOne) unknownShortcodes.set(name, (unknownShortcodes.get(name) ?? 0) + 1);
  }
  const more = /<!--more(?:\s[^>]*)?-->/i.exec(html);
  const finish = (part: string) => {
    const paragraphs = isBlocks ? part : autoParagraphs(part);
    const restore = (_: string, i: string) => `\n${(kept[Number(i)] ?? "").trim()}\n`;
    return paragraphs.replace(/<p>\s*\u0001(\d+)\u0001\s*<\/p>/g, restore).replace(/\u0001(\d+)\u0001/g, restore).trim();
  };
  const body = finish(html.replace(/<!--more(?:\s[^>]*)?-->|<!--nextpage-->/gi, "\n\n"));
  return {
    html: body,
    teaserHtml: more ? finish(html.slice(0, more.index)) : undefined,
    unknownShortcodes,
  };
}
