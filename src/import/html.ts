/**
 * Imported HTML → markdown. The HTML is first cleaned by `sanitize-html`
 * with an allowlist (scripts, styles, event handlers, iframes, forms and
 * `javascript:` URLs are gone before anything else sees the text), links
 * and images are made absolute against the post's original URL, and only
 * then does `turndown` (with GitHub-flavoured tables) write markdown.
 *
 * Markdown passes raw HTML through, so text that merely shows a tag (an
 * entity-encoded `&lt;script&gt;`) is escaped (`\<script>`) to stay text.
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

function options(base: string | undefined): sanitizeHtml.IOptions {
  const absolute = (url: string | undefined) => (url === undefined ? undefined : absoluteUrl(url, base));
  return {
    allowedTags: TAGS,
    allowedAttributes: {
      a: ["href", "title"],
      img: ["src", "alt", "title", "width", "height"],
      ol: ["start"],
      th: CELL,
      td: CELL,
    },
    // Code languages only (`language-js`, and the GitHub form turndown reads).
    allowedClasses: { code: ["language-*", "lang-*"], pre: ["language-*", "lang-*"], div: ["highlight-source-*"] },
    allowedSchemes: SCHEMES,
    allowedSchemesAppliedToAttributes: ["href", "src"],
    allowProtocolRelative: true,
    disallowedTagsMode: "discard",
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: withUrl(attribs, "href", absolute(attribs.href)) }),
      img: (tagName, attribs) => ({ tagName, attribs: withUrl(attribs, "src", absolute(attribs.src)) }),
      // An embedded player becomes a link to what it showed; an iframe of anything else is dropped.
      iframe: (tagName, attribs): sanitizeHtml.Tag => {
        const src = absolute(attribs.src);
        return src && /^https?:/i.test(src) ? { tagName: "a", attribs: { href: src }, text: src } : { tagName, attribs: {} };
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

/** HTML of an imported post with everything unsafe removed and URLs made absolute. */
export function sanitizeBody(html: string, base?: string): string {
  return sanitizeHtml(html, options(base));
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
  const escape = created.escape.bind(created);
  created.escape = (text: string) =>
    escape(text)
      .replace(/</g, "\\<")
      .replace(/&(?=#?[a-z0-9]+;)/gi, "\\&")
      .replace(/^:::/gm, "\\:::");
  return (service = created);
}

/** Markdown of an imported post's HTML (sanitized first), ending with one newline, or "" when it has no text. */
export function htmlToMarkdown(html: string, base?: string): string {
  const markdown = turndown().turndown(sanitizeBody(html, base)).replace(/[ \t]+$/gm, "").trim();
  return markdown ? `${markdown}\n` : "";
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
