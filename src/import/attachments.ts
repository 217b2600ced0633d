/**
 * A WordPress export's attachments (items of `post_type` attachment) know
 * each image's alt text (`_wp_attachment_image_alt`) and caption (the
 * attachment's excerpt). A post's image that lacks them gets them from its
 * attachment, found by the `wp-image-<id>` class WordPress gives every
 * image it inserts, else by the image's URL (a resized copy,
 * `racks-300x200.jpg`, is the attachment `racks.jpg`). What the post says
 * itself is never replaced. Pure: the HTML in, the HTML out, still
 * untrusted (it is sanitised next, src/import/html.ts).
 */
import { decodeHTML, escapeAttribute } from "entities";
import { sameFileKey } from "../media/store.ts";
import type { Attachment } from "./source.ts";

/** Attachments by id and by URL, for looking up a post's images. */
export interface AttachmentIndex {
  byId: ReadonlyMap<string, Attachment>;
  byUrl: ReadonlyMap<string, Attachment>;
}

/** `…/racks-300x200.jpg` → `…/racks.jpg`: the address of the full image a resized copy was made from. */
export function fullSizeUrl(url: string): string {
  return url.replace(/-\d{1,5}x\d{1,5}(\.[A-Za-z0-9]{1,8})(?=$|[?#])/, "$1");
}

export function indexAttachments(attachments: ReadonlyMap<string, Attachment>): AttachmentIndex {
  const byUrl = new Map<string, Attachment>();
  for (const attachment of attachments.values()) {
    const key = sameFileKey(attachment.url);
    if (!byUrl.has(key)) byUrl.set(key, attachment);
  }
  return { byId: attachments, byUrl };
}

/** The attachment an `<img>` shows: by its `wp-image-<id>` class, else by its URL (resolved against `base`), resized copies included. */
export function attachmentOf(src: string | undefined, classes: string | undefined, index: AttachmentIndex, base?: string): Attachment | undefined {
  const id = /(?:^|\s)wp-image-(\d+)(?:\s|$)/.exec(classes ?? "")?.[1];
  const byId = id ? index.byId.get(id) : undefined;
  if (byId) return byId;
  if (!src) return undefined;
  let absolute: string;
  try {
    absolute = new URL(src, base).href;
  } catch {
    return undefined;
  }
  return index.byUrl.get(sameFileKey(absolute)) ?? index.byUrl.get(sameFileKey(fullSizeUrl(absolute)));
}

/** The value of attribute `name` in a tag's attribute text, decoded; undefined when absent. */
export function attributeOf(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(attributes);
  if (!match) return undefined;
  return decodeHTML(match[1] ?? match[2] ?? match[3] ?? "");
}

/** `attributes` with `alt` set to `alt` (an empty or missing one replaced). */
function withAlt(attributes: string, alt: string): string {
  const without = attributes.replace(/(?:^|\s)alt\s*(?:=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/i, "");
  const selfClosing = /\/\s*$/.test(without);
  const body = without.replace(/\/\s*$/, "").replace(/\s+$/, "");
  // `<` and `>` too, so that no reader of the tag takes them for its end.
  return `${body} alt="${escapeAttribute(alt).replace(/</g, "&lt;").replace(/>/g, "&gt;")}"${selfClosing ? " /" : ""}`;
}

const TAG = /<(\/?)(figure|figcaption|img|a)\b([^>]*)>/gi;

/**
 * The post's HTML with alt text and captions filled in from the export's
 * attachments where the post has none: an image with no (or an empty)
 * `alt` takes its attachment's; an image in a `<figure>` without a
 * `<figcaption>` gets the attachment's caption there, and an image outside
 * any figure (with the link around it, if any) becomes a figure with it.
 */
export function withAttachmentText(html: string, index: AttachmentIndex, base?: string): string {
  if (index.byId.size === 0 || !/<img\b/i.test(html)) return html;
  interface Figure {
    captioned: boolean;
    caption?: string;
  }
  const figures: Figure[] = [];
  // Pieces of the output, and where a wrapped image's figure starts.
  let out = "";
  let last = 0;
  /** Where in `out` the link last opened starts, and where its tag ends. */
  let openLink: { at: number; end: number } | undefined;
  /** An image waiting to become a figure: where it starts in `out`, and the link's start when the image is all the link holds. */
  let pending: { image: number; link?: number; caption: string } | undefined;
  const wrap = (from: number, caption: string) => {
    out = `${out.slice(0, from)}<figure>${out.slice(from)}<figcaption>${caption}</figcaption></figure>`;
  };
  for (const match of html.matchAll(TAG)) {
    const [whole, slash, rawName, attributes = ""] = match;
    const name = (rawName ?? "").toLowerCase();
    const between = html.slice(last, match.index);
    last = match.index + whole.length;
    if (pending) {
      const { image, link, caption } = pending;
      pending = undefined;
      if (link !== undefined && name === "a" && slash && between.trim() === "") {
        // `<a><img></a>`: the link goes into the figure with the image.
        out += between + whole;
        openLink = undefined;
        wrap(link, caption);
        continue;
      }
      wrap(image, caption);
    }
    out += between;
    if (name === "a") {
      out += whole;
      openLink = slash ? undefined : { at: out.length - whole.length, end: out.length };
      continue;
    }
    if (name === "figure") {
      if (slash) {
        const figure = figures.pop();
        if (figure && !figure.captioned && figure.caption) out += `<figcaption>${figure.caption}</figcaption>`;
      } else figures.push({ captioned: false });
      out += whole;
      continue;
    }
    if (name === "figcaption") {
      const figure = figures[figures.length - 1];
      if (figure && !slash) figure.captioned = true;
      out += whole;
      continue;
    }
    // An image.
    const attachment = attachmentOf(attributeOf(attributes, "src"), attributeOf(attributes, "class"), index, base);
    const alt = attributeOf(attributes, "alt");
    const tag = attachment?.alt && !alt?.trim() ? `<img${withAlt(attributes, attachment.alt)}>` : whole;
    const caption = attachment?.caption.trim();
    const figure = figures[figures.length - 1];
    if (caption && figure) figure.caption ??= caption;
    else if (caption) {
      const alone = openLink !== undefined && out.slice(openLink.end).trim() === "";
      pending = { image: out.length, ...(alone && openLink ? { link: openLink.at } : {}), caption };
    }
    out += tag;
  }
  if (pending) wrap(pending.image, pending.caption);
  return out + html.slice(last);
}
