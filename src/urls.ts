/**
 * URLs of the built site. Pages and views use root-relative URLs without
 * the path prefix (`/tags/xen/`); in HTML, Eleventy's HtmlBasePlugin adds
 * the prefix to every link when one is set. Feeds, sitemaps and other
 * non-HTML output need absolute URLs, built here: origin + prefix + path.
 */

/** `PATH_PREFIX=/archive/` (or `archive`) → `/archive/`; unset → `/`. */
export function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** The path prefix of this build, from the `PATH_PREFIX` environment variable. */
export function pathPrefix(): string {
  return normalizePrefix(process.env.PATH_PREFIX);
}

/** `/tags/xen/` under the prefix: `/archive/tags/xen/`. */
export function withPrefix(path: string, prefix = pathPrefix()): string {
  if (!path.startsWith("/") || path.startsWith("//")) return path;
  return prefix + path.slice(1);
}

/** Absolute URL of a site path: `https://example.org` + `/archive/` + `tags/xen/`. */
export function absoluteUrl(origin: string, path: string, prefix = pathPrefix()): string {
  return new URL(withPrefix(path, prefix), origin).href;
}
