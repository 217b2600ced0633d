/**
 * Cross-links between posts. A markdown link to another post's source file
 * (`../2008/red-hat.md`, relative to the post, or `/posts/blog/2008/x.md`
 * from the project root) becomes that post's URL, keeping any `#anchor`.
 * The rewriting is a markdown-it core rule, so it runs in the same parse as
 * the rendering; it asks `env.resolveLink`, which the loader provides.
 */
import path from "node:path";
import type { MarkdownIt } from "markdown-it";
import type { Token } from "markdown-it";
import { withoutNoopener } from "../markdown/external-links.ts";

/** What the rule needs from the render environment. */
export interface LinkEnv {
  /**
   * Called for every link in the document with its href and the 0-based
   * line range of its block. Returns the href to write (or undefined to
   * keep it as is). `context()` gives the plain text of the link's block
   * and where the link's words are in it (computed when first asked, once
   * per block).
   */
  resolveLink?: (href: string, lines: readonly [number, number] | null, context: () => LinkContext) => string | undefined;
}

/** The plain text of the block a link is in, and the link's words in it: `text.slice(start, end)`. */
export interface LinkContext {
  text: string;
  start: number;
  end: number;
}

/** True for hrefs that leave the site: `https:`, `mailto:`, `//host`. */
export function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//");
}

export interface SplitHref {
  path: string;
  /** `?query#hash` part, kept as written. */
  suffix: string;
}

export function splitHref(href: string): SplitHref {
  const cut = href.search(/[?#]/);
  return cut < 0 ? { path: href, suffix: "" } : { path: href.slice(0, cut), suffix: href.slice(cut) };
}

/**
 * The source path (relative to the project root) a `.md` link points at,
 * or undefined when `href` is not a link to a markdown file.
 */
export function markdownTarget(href: string, fromSource: string): string | undefined {
  if (isExternal(href)) return undefined;
  const { path: target } = splitHref(href);
  if (!target.toLowerCase().endsWith(".md")) return undefined;
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A malformed escape is kept as written; it will not resolve and is reported.
  }
  const resolved = decoded.startsWith("/")
    ? path.posix.normalize(decoded.slice(1))
    : path.posix.join(path.posix.dirname(fromSource), decoded);
  return resolved;
}

/** markdown-it plugin: let `env.resolveLink` rewrite every link's href. */
export function crossLinks(md: MarkdownIt): void {
  md.core.ruler.push("backlist_cross_links", (state) => {
    const env = state.env as LinkEnv | undefined;
    const resolve = env?.resolveLink;
    if (!resolve) return;
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      rewrite(block.children, block.map, resolve);
    }
  });
}

function rewrite(
  tokens: Token[],
  lines: [number, number] | null,
  resolve: NonNullable<LinkEnv["resolveLink"]>,
): void {
  let plain: ReturnType<typeof inlineText> | undefined;
  for (const token of tokens) {
    if (token.type !== "link_open") continue;
    // A link to one of the post's own files is answered by src/media/site.ts.
    if (token.meta?.backlistMedia) continue;
    const href = token.attrGet("href");
    if (typeof href !== "string") continue;
    const context = (): LinkContext => {
      plain ??= inlineText(tokens);
      const [start, end] = plain.spans.get(token) ?? [0, 0];
      return { text: plain.text, start, end };
    };
    const next = resolve(href, lines, context);
    if (next === undefined) continue;
    token.attrSet("href", next);
    // A link to the old site rewritten to a page of the archive no longer leaves it.
    if (isExternal(href) && !isExternal(next)) {
      const written = token.attrGet("rel");
      const rel = withoutNoopener(written === null ? null : String(written));
      if (rel === undefined) token.attrs = (token.attrs ?? []).filter(([name]) => name !== "rel");
      else token.attrSet("rel", rel);
    }
  }
}

/**
 * The plain text of an inline block as a reader sees it (text, code, an
 * image's alt text; line breaks as spaces; no raw HTML), and the span of
 * each link's words in it, keyed by the link's opening token.
 */
export function inlineText(tokens: readonly Token[]): { text: string; spans: Map<Token, [number, number]> } {
  let text = "";
  const spans = new Map<Token, [number, number]>();
  const open: Token[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case "text":
      case "code_inline":
        text += token.content;
        break;
      case "image":
        text += token.content;
        break;
      case "softbreak":
      case "hardbreak":
        text += " ";
        break;
      case "link_open":
        open.push(token);
        spans.set(token, [text.length, text.length]);
        break;
      case "link_close": {
        const opener = open.pop();
        const span = opener && spans.get(opener);
        if (span) span[1] = text.length;
        break;
      }
    }
  }
  return { text, spans };
}

/** 1-based line in `body` (starting at `bodyLine`) where `needle` appears within `lines`. */
export function lineOfLink(
  body: string,
  bodyLine: number,
  lines: readonly [number, number] | null,
  needle: string,
): number {
  if (!lines) return bodyLine;
  const bodyLines = body.split("\n");
  for (let i = lines[0]; i < lines[1]; i++) {
    if (bodyLines[i]?.includes(needle)) return bodyLine + i;
  }
  return bodyLine + lines[0];
}
