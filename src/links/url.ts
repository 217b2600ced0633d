/**
 * The one way external links are named: the checker records, and the build
 * looks up, a link by its key, so `HTTPS://Example.com`, `https://example.com/`
 * and `https://example.com/#top` are one link, checked once.
 */
import { decodeHTMLAttribute } from "entities";

/**
 * The key of an `href` as written in HTML (entities decoded) or markdown:
 * the absolute http(s) URL without its fragment, normalised by WHATWG URL
 * parsing; a protocol-relative `//host/…` is taken as https. Undefined for
 * anything else (relative paths, `mailto:`, `javascript:`, malformed URLs).
 */
export function linkKey(href: string): string | undefined {
  const trimmed = href.trim();
  if (!/^(?:https?:)?\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed.startsWith("//") ? `https:${trimmed}` : trimmed);
    if (!url.hostname) return undefined;
    url.hash = "";
    return url.href;
  } catch {
    return undefined;
  }
}

/** The fragment of `href` (`#top`), or "". */
export function fragmentOf(href: string): string {
  const at = href.indexOf("#");
  return at < 0 ? "" : href.slice(at);
}

/** `linkKey` of an attribute value as it stands in HTML source (`&amp;` and all). */
export function linkKeyOfAttribute(raw: string): string | undefined {
  return linkKey(decodeHTMLAttribute(raw));
}

/** Whether `key` is a link away from the archive itself (`siteUrl` is `_data/site.yaml`'s `url`). */
export function isExternal(key: string, siteUrl: string | undefined): boolean {
  if (!siteUrl) return true;
  try {
    return new URL(key).host !== new URL(siteUrl).host;
  } catch {
    return true;
  }
}
