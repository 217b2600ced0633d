/**
 * Requests the dev server answers at once, before they reach Eleventy's
 * file lookup (which throws on them and, unanswered, left the request
 * hanging): a path whose percent-encoding is broken (`/%ZZ`), that holds a
 * control character, or that climbs out of the site (`/..%2f..%2fetc%2fpasswd`).
 */

/** 400 for a request path that names no file of the site, else undefined (serve it). */
export function rejectedRequest(rawUrl: string | undefined): 400 | undefined {
  let pathname: string;
  try {
    pathname = new URL(rawUrl ?? "/", "http://localhost").pathname;
  } catch {
    return 400;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 400;
  }
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return 400;
  if (decoded.split("/").some((segment) => segment === "..")) return 400;
  return undefined;
}
