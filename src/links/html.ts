/**
 * The `<a>` start tags of an HTML document, found with one scan that skips
 * comments, scripts, styles and other raw-text elements, so a `<a href>`
 * written inside a comment or a script is never taken for a link. Our pages
 * come from our own templates and from markdown-it (raw HTML of posts
 * passes through it), so start tags are well-formed enough for this; the
 * attribute grammar follows the HTML standard's (quoted, unquoted, bare).
 */

export interface Anchor {
  /** Offset of `<a` and of the character after the start tag's `>`. */
  start: number;
  end: number;
  /** Attributes as written (values still HTML-encoded), lower-case names, in order. */
  attributes: [name: string, value: string | undefined][];
}

const TOKENS = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|noscript)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<a(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function parseAttributes(text: string): Anchor["attributes"] {
  const attributes: Anchor["attributes"] = [];
  for (const m of text.matchAll(ATTRIBUTE)) {
    attributes.push([m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4]]);
  }
  return attributes;
}

/** Every `<a …>` start tag of `html`, in document order. */
export function anchors(html: string): Anchor[] {
  const found: Anchor[] = [];
  for (const m of html.matchAll(TOKENS)) {
    if (m[2] === undefined) continue;
    found.push({ start: m.index, end: m.index + m[0].length, attributes: parseAttributes(m[2]) });
  }
  return found;
}

/** Whether the start tag has the attribute, with a value or bare (`data-pagefind-ignore`). */
export function hasAttribute(anchor: Anchor, name: string): boolean {
  return anchor.attributes.some(([key]) => key === name);
}

/** The attribute's value as written; undefined when it is absent or bare. */
export function attribute(anchor: Anchor, name: string): string | undefined {
  return anchor.attributes.find(([key]) => key === name)?.[1];
}

/** Text for a double-quoted attribute value: `&`, `"`, `<`, `>` as character references. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => (c === "&" ? "&amp;" : c === '"' ? "&quot;" : c === "<" ? "&lt;" : "&gt;"));
}

export function escapeText(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** A start tag from attributes (values already encoded as written; `undefined` for a bare attribute). */
export function startTag(attributes: Anchor["attributes"]): string {
  return `<a${attributes.map(([name, value]) => (value === undefined ? ` ${name}` : ` ${name}="${value.replace(/"/g, "&quot;")}"`)).join("")}>`;
}

/** Offset of the `</a>` closing the anchor starting at `from`, or -1. Anchors do not nest in HTML. */
export function closingTag(html: string, from: number): number {
  const close = /<\/a\s*>/gi;
  close.lastIndex = from;
  return close.exec(html)?.index ?? -1;
}
