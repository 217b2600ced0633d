/**
 * Imported HTML → markdown. The HTML is first cleaned by `sanitize-html`
 * with an allowlist (scripts, styles, event handlers, iframes, forms and
 * `javascript:` URLs are gone before anything else sees the text), links
 * and images are made absolute against the post's original URL, and only
 * then does `turndown` (with GitHub-flavoured tables) write markdown.
 *
 * Markdown passes raw HTML through, so text that merely shows a tag (an
 * entity-encoded `&lt;script&gt;`) is escaped (`\<script>`) to stay text.
 *
 * Footnotes as markdown-it-footnote draws them (a Jekyll post's `[^1]`,
 * rendered by src/import/jekyll.ts) come back as markdown footnotes: the
 * reference `[^1]`, the note `[^1]: text` at the end, the back links and
 * the rule above the notes dropped (the archive's markdown draws them again).
 */
import { gfm } from "@joplin/turndown-plugin-gfm";
import { decodeHTML } from "entities";
import sanitizeHtml from "sanitize-html";
import TurndownService from "turndown";

/** URL schemes kept in links and images; anything else (`javascript:`, `data:`, `vbscript:`) loses its URL. */
const SCHEMES = ["http", "https", "mailto", "ftp"];

const TAGS = [
  ...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== "wbr"),
  "img",
  "del",
  "ins",
  "s",
  "strike",
];

const CELL = ["align", "colspan", "rowspan"];

/** The classes markdown-it-footnote gives its footnotes, kept so that they are written back as markdown footnotes. */
const FOOTNOTE_CLASSES: Record<string, string[]> = {
  sup: ["footnote-ref"],
  hr: ["footnotes-sep"],
  section: ["footnotes"],
  ol: ["footnotes-list"],
  li: ["footnote-item"],
  a: ["footnote-backref"],
};

/** What the sanitiser removed from one post (its body, excerpt, captions and comments), by kind. */
export type Removed = Map<string, number>;

/** Kinds of removed content, in the order the report lists them. */
export const REMOVED_KINDS = ["script", "style", "iframe", "object or embed", "form", "event handler", "javascript: URL", "data: URL"] as const;

const REMOVED_TAGS: Record<string, (typeof REMOVED_KINDS)[number]> = {
  script: "script",
  style: "style",
  iframe: "iframe",
  object: "object or embed",
  embed: "object or embed",
  applet: "object or embed",
  form: "form",
};

/** Counts, into `removed`, what the sanitiser is about to drop from a tag (called for every tag, before filtering). */
function counter(removed: Removed | undefined): ((name: string, attribs: sanitizeHtml.Attributes) => void) | undefined {
  if (!removed) return undefined;
  const add = (kind: string) => removed.set(kind, (removed.get(kind) ?? 0) + 1);
  return (name, attribs) => {
    const tag = REMOVED_TAGS[name.toLowerCase()];
    if (tag) add(tag);
    for (const [attribute, value] of Object.entries(attribs)) {
      if (/^on/i.test(attribute)) add("event handler");
      // Browsers ignore controls and spaces in a scheme (`java\tscript:`).
      const compact = String(value).replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (compact.startsWith("javascript:") || compact.startsWith("vbscript:")) add("javascript: URL");
      else if (compact.startsWith("data:")) add("data: URL");
    }
  };
}

const PLURAL: Record<(typeof REMOVED_KINDS)[number], string> = {
  script: "scripts",
  style: "styles",
  iframe: "iframes",
  "object or embed": "objects or embeds",
  form: "forms",
  "event handler": "event handlers",
  "javascript: URL": "javascript: URLs",
  "data: URL": "data: URLs",
};

/** Removals as report text: `1 script, 2 event handlers`. */
export function removedText(removed: Removed): string {
  return REMOVED_KINDS.filter((kind) => removed.get(kind))
    .map((kind) => {
      const n = removed.get(kind) ?? 0;
      return `${n} ${n === 1 ? kind : PLURAL[kind]}`;
    })
    .join(", ");
}

/** How a link's (absolute) href is rewritten, e.g. into a cross-link to another imported post; undefined keeps it. */
export type RewriteHref = (href: string) => string | undefined;

function options(base: string | undefined, removed?: Removed, rewrite?: RewriteHref, rewriteSrc?: RewriteHref): sanitizeHtml.IOptions {
  const absolute = (url: string | undefined) => (url === undefined ? undefined : absoluteUrl(url, base));
  return {
    onOpenTag: counter(removed),
    allowedTags: TAGS,
    allowedAttributes: {
      a: ["href", "title"],
      img: ["src", "alt", "title", "width", "height"],
      ol: ["start"],
      th: CELL,
      td: CELL,
    },
    // Code languages only (`language-js`, and the GitHub form turndown reads), and the footnotes' marks.
    allowedClasses: {
      code: ["language-*", "lang-*"],
      pre: ["language-*", "lang-*"],
      div: ["highlight-source-*"],
      ...FOOTNOTE_CLASSES,
    },
    allowedSchemes: SCHEMES,
    allowedSchemesAppliedToAttributes: ["href", "src"],
    allowProtocolRelative: true,
    disallowedTagsMode: "discard",
    transformTags: {
      a: (tagName, attribs) => {
        const href = absolute(attribs.href);
        return { tagName, attribs: withUrl(attribs, "href", (href !== undefined ? rewrite?.(href) : undefined) ?? href) };
      },
      img: (tagName, attribs) => {
        const src = absolute(attribs.src);
        return { tagName, attribs: withUrl(attribs, "src", (src !== undefined ? rewriteSrc?.(src) : undefined) ?? src) };
      },
      // An embedded player becomes a link to what it showed; an iframe of anything else is dropped.
      iframe: (tagName, attribs): sanitizeHtml.Tag => {
        const src = absolute(attribs.src);
        const title = attribs.title?.trim();
        return src && /^https?:/i.test(src) ? { tagName: "a", attribs: { href: src }, text: title || src } : { tagName, attribs: {} };
      },
    },
  };
}

function withUrl(attribs: sanitizeHtml.Attributes, name: string, url: string | undefined): sanitizeHtml.Attributes {
  const copy = { ...attribs };
  if (url === undefined) delete copy[name];
  else copy[name] = url;
  return copy;
}

/**
 * `url` resolved against `base` (the post's original address), so images
 * and links keep pointing where they did. In-page anchors stay as they are;
 * without a base a relative URL is left for the build's link check to name.
 */
export function absoluteUrl(url: string, base: string | undefined): string {
  const trimmed = url.trim();
  if (!trimmed || trimmed.startsWith("#") || !base) return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}

/** HTML of an imported post with everything unsafe removed and URLs made absolute; `rewrite` may change links' hrefs, `rewriteSrc` images' srcs. */
export function sanitizeBody(html: string, base?: string, removed?: Removed, rewrite?: RewriteHref, rewriteSrc?: RewriteHref): string {
  return sanitizeHtml(html, options(base, removed, rewrite, rewriteSrc));
}

/** The tags a comment may keep (comments are the most hostile input an archive holds). */
const COMMENT_TAGS = ["p", "br", "a", "em", "strong", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li"];

/** A comment's HTML reduced to the comments' allowlist: links only to http(s) and mailto, no other attribute. */
export function sanitizeComment(html: string, removed?: Removed): string {
  return sanitizeHtml(html, {
    onOpenTag: counter(removed),
    allowedTags: COMMENT_TAGS,
    allowedAttributes: { a: ["href"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
  });
}

let service: TurndownService | undefined;

function turndown(): TurndownService {
  if (service) return service;
  const created = new TurndownService({
    headingStyle: "atx",
    hr: "---",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    emDelimiter: "_",
    strongDelimiter: "**",
  });
  created.use(gfm);
  addFootnoteRules(created);
  const escape = created.escape.bind(created);
  created.escape = (text: string) =>
    escape(text)
      .replace(/</g, "\\<")
      .replace(/&(?=#?[a-z0-9]+;)/gi, "\\&")
      .replace(/^:::/gm, "\\:::");
  return (service = created);
}

const hasClass = (node: TurndownService.Node, name: string): boolean => node.nodeType === 1 && (node as HTMLElement).classList.contains(name);

/** The number of a footnote from an href ending in `#fn3` (a reference) or `#fnref3`, `#fnref3:1` (a back link). */
export function footnoteNumber(href: string | null | undefined, back: boolean): string | undefined {
  return (back ? /#fnref(\d+)(?::\d+)?$/ : /#fn(\d+)$/).exec(href ?? "")?.[1];
}

/** `<sup class="footnote-ref">` → `[^1]`; a `<li class="footnote-item">` → `[^1]: text`, its later paragraphs indented. */
function addFootnoteRules(service: TurndownService): void {
  service.addRule("footnoteReference", {
    filter: (node) => node.nodeName === "SUP" && hasClass(node, "footnote-ref") && footnoteNumber(node.querySelector("a")?.getAttribute("href"), false) !== undefined,
    replacement: (_content, node) => `[^${footnoteNumber((node as HTMLElement).querySelector("a")?.getAttribute("href"), false)}]`,
  });
  service.addRule("footnoteBackLink", { filter: (node) => node.nodeName === "A" && hasClass(node, "footnote-backref"), replacement: () => "" });
  service.addRule("footnoteRule", { filter: (node) => node.nodeName === "HR" && hasClass(node, "footnotes-sep"), replacement: () => "" });
  service.addRule("footnoteList", {
    filter: (node) => (node.nodeName === "SECTION" && hasClass(node, "footnotes")) || (node.nodeName === "OL" && hasClass(node, "footnotes-list")),
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
  service.addRule("footnoteItem", {
    filter: (node) => node.nodeName === "LI" && hasClass(node, "footnote-item"),
    replacement: (content, node) => {
      const element = node as HTMLElement;
      const back = Array.from(element.querySelectorAll("a.footnote-backref")).map((a) => footnoteNumber(a.getAttribute("href"), true)).find(Boolean);
      const position = element.parentNode ? Array.from(element.parentNode.childNodes).filter((child) => child.nodeName === "LI").indexOf(element) + 1 : 1;
      const text = content.trim().replace(/[ \t]+$/gm, "").replace(/\n(?=[^\n])/g, "\n    ");
      return `[^${back ?? position}]: ${text}\n\n`;
    },
  });
}

/** Markdown of an imported post's HTML (sanitized first), ending with one newline, or "" when it has no text. */
export function htmlToMarkdown(html: string, base?: string, removed?: Removed, rewrite?: RewriteHref, rewriteSrc?: RewriteHref): string {
  return sanitizedToMarkdown(sanitizeBody(html, base, removed, rewrite, rewriteSrc));
}

/** Paragraphs of plain text only (most comments): converted without building a DOM. */
const PLAIN_PARAGRAPHS = /^(?:\s*<p>[^<>]*<\/p>)+\s*$/;

/** Markdown of HTML already sanitised, ending with one newline, or "". */
export function sanitizedToMarkdown(html: string): string {
  const service = turndown();
  const markdown = (
    PLAIN_PARAGRAPHS.test(html)
      ? [...html.matchAll(/<p>([^<>]*)<\/p>/g)]
          .map((match) => decodeHTML(match[1] ?? "").replace(/[ \t\r\n]+/g, " ").trim())
          .filter(Boolean)
          .map((text) => service.escape(text))
          .join("\n\n")
      : service.turndown(html)
  )
    .replace(/[ \t]+$/gm, "")
    .trim();
  return markdown ? compact(`${markdown}\n`) : "";
}

/**
 * A fresh, flat copy of `text`: the markdown is otherwise a slice of the
 * untrimmed conversion (often held in two bytes a character), and every
 * post of a big import keeps its body until the files are written.
 */
export function compact(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

const BLOCK_BOUNDARY = /<(?=\/?(?:p|div|br|li|h[1-6]|tr|td|th|blockquote|ul|ol|pre|figure|figcaption|table|section|article|hr|dt|dd)\b)/gi;

/** Plain text of an HTML fragment (titles, summaries): tags dropped, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  const stripped = sanitizeHtml(html.replace(BLOCK_BOUNDARY, " <"), { allowedTags: [], allowedAttributes: {} });
  return decodeHTML(stripped).replace(/\s+/g, " ").trim();
}

/** Text that may hold entity references (`Q&amp;A`, `It&#8217;s`): decoded, spaces collapsed. Tags stay text. */
export function decodeText(text: string): string {
  return decodeHTML(text).replace(/\s+/g, " ").trim();
}
