/**
 * The archive's security headers, defined once: `_headers` (written by
 * pages/headers.11ty.tsx for static hosts) and the browser tests that check
 * no page breaks them both read this module.
 *
 * The pages are static and carry no inline script or style, so the policy
 * allows only the site's own files, with these exceptions:
 * - `'wasm-unsafe-eval'`: Pagefind's search runs as WebAssembly;
 * - images, audio and embedded frames from any https origin, and `data:`
 *   images: old posts hot-link pictures, podcast episodes live on media
 *   hosts, and raw HTML in posts embeds players (`<iframe>`), all kept as
 *   written.
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy
 */

/** Directive → sources, in the order they are written. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  "default-src": ["'self'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:", "https:"],
  "media-src": ["'self'", "https:"],
  "frame-src": ["'self'", "https:"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
});

/** `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; …` */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(" ")}`)
  .join("; ");

/** Sent with every file of the site. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  // Files are what their extension says: no script sniffed out of a text file.
  "X-Content-Type-Options": "nosniff",
  // Other sites see that a reader came from the archive, not from which page.
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // `frame-ancestors 'none'` for browsers that predate it.
  "X-Frame-Options": "DENY",
});
