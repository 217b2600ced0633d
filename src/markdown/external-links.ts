/**
 * `rel="noopener"` on markdown links that leave the site: an absolute
 * `http:`/`https:` URL (or a protocol-relative `//host/…`) to a host other
 * than the archive's own. A page opened from such a link gets no handle on
 * the archive's window, whatever `target` a later stylesheet or script adds.
 * A `rel` already there (`nofollow` from a links rule, say) is kept.
 *
 * The archive's own URL comes from `env.siteUrl` when the caller knows it
 * (the content loader passes `_data/site.yaml`'s `url`); without it every
 * absolute http(s) link counts as external. Raw HTML `<a>` tags in a post
 * are passed through as written.
 */
import type { MarkdownIt, Token } from "markdown-it";

/** What the rule reads from the render environment. */
export interface ExternalLinksEnv {
  /** The archive's public URL, e.g. `https://example.org/`. */
  siteUrl?: string;
}

const REL = "noopener";

/** The host of an absolute http(s) or protocol-relative `href`, lower-case; undefined for any other link. */
export function externalHost(href: string): string | undefined {
  const trimmed = href.trim();
  if (!/^(?:https?:)?\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed.startsWith("//") ? `https:${trimmed}` : trimmed);
    return url.host.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/** `rel` with `noopener` added once; other values kept in their order. */
export function withNoopener(rel: string | null): string {
  const values = (rel ?? "").split(/\s+/).filter(Boolean);
  return values.some((value) => value.toLowerCase() === REL) ? values.join(" ") : [...values, REL].join(" ");
}

/** `rel` without `noopener`, for a link that no longer leaves the site (a link by old address); undefined when nothing is left. */
export function withoutNoopener(rel: string | null): string | undefined {
  const values = (rel ?? "").split(/\s+/).filter((value) => value && value.toLowerCase() !== REL);
  return values.length ? values.join(" ") : undefined;
}

/** markdown-it plugin: runs after linkify, so bare URLs are covered too. */
export function externalLinks(md: MarkdownIt): void {
  md.core.ruler.push("external_links", (state) => {
    const siteUrl = (state.env as ExternalLinksEnv | undefined)?.siteUrl;
    const ownHost = siteUrl ? externalHost(siteUrl) : undefined;
    for (const block of state.tokens) {
      if (block.type === "inline" && block.children) mark(block.children, ownHost);
    }
  });
}

function mark(tokens: readonly Token[], ownHost: string | undefined): void {
  for (const token of tokens) {
    if (token.type !== "link_open") continue;
    const host = externalHost(String(token.attrGet("href") ?? ""));
    if (host === undefined || host === ownHost) continue;
    const rel = token.attrGet("rel");
    token.attrSet("rel", withNoopener(rel === null ? null : String(rel)));
  }
}
