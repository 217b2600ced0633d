/**
 * Old WordPress addresses by query: `/?p=12`, `/index.php?p=12`,
 * `/?page_id=7`. A static host serves files by path only, so these cannot
 * be redirect pages: the build writes one map of them
 * (`/assets/old-addresses.json`, precomputed from every post's aliases),
 * and the home page and the 404 page load assets/js/old-address.js, which
 * looks the query up in it and replaces the location with the post's URL.
 * Netlify also gets a rule per address in `_redirects` (`/ p=12 /main/… 301!`).
 * Any other query on the home page's address is an error: nothing could
 * tell those addresses apart.
 */

/** The file the map is written to, under the site root. */
export const QUERY_MAP_URL = "/assets/old-addresses.json";
/** The script that reads it, as the pages load it. */
export const QUERY_SCRIPT_URL = "/assets/js/old-address.js";

/** WordPress's query parameters of a post (`p`) and a page (`page_id`). */
export const QUERY_PARAMS = ["p", "page_id"] as const;
export type QueryParam = (typeof QUERY_PARAMS)[number];

/** One query alias of one post. */
export interface QueryRedirect {
  source: string;
  index: number;
  alias: string;
  /** The path the query was on: `/` or `/index.php`. */
  path: "/" | "/index.php";
  param: QueryParam;
  /** The number: `12`. */
  id: string;
  /** The post's URL, without the prefix. */
  to: string;
}

export type QueryAlias = { ok: true; path: "/" | "/index.php"; param: QueryParam; id: string } | { ok: false; message: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * What an alias with a query on the home page's address is: WordPress's
 * `/?p=12`, `/index.php?page_id=7` (written as a path or a full URL), or an
 * error for any other query there; undefined for an alias that is no such
 * address (no query, or a query on another path, which only its path counts).
 * `prefix` is the build's path prefix, which a full URL's path may hold.
 */
export function queryAlias(alias: string, prefix = "/"): QueryAlias | undefined {
  const text = alias.trim();
  if (!text.includes("?")) return undefined;
  const full = text.startsWith("//") || SCHEME.test(text);
  let url: URL;
  try {
    url = new URL(full ? text : text.startsWith("/") ? text : `/${text}`, "http://backlist.invalid");
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  let pathname = url.pathname;
  if (full && prefix !== "/" && (pathname === prefix.slice(0, -1) || pathname.startsWith(prefix))) pathname = `/${pathname.slice(prefix.length)}`;
  const path = pathname === "/" ? "/" : pathname.toLowerCase() === "/index.php" ? "/index.php" : undefined;
  if (!path || !url.search || url.search === "?") return undefined;
  const params = [...url.searchParams];
  const [first] = params;
  if (params.length === 1 && first && (QUERY_PARAMS as readonly string[]).includes(first[0]) && /^[1-9]\d{0,18}$/.test(first[1])) {
    return { ok: true, path, param: first[0] as QueryParam, id: first[1] };
  }
  return {
    ok: false,
    message: `"${alias}": a static host serves ${path} by its path only, so the query ${url.search} cannot lead to a post; only WordPress's ?p=N and ?page_id=N (one of them, a number) work there, through the home page`,
  };
}

/** The map the script reads: `{"p": {"12": "/main/2010/01/hello/"}, "page_id": {"7": "/main/about/"}}`, targets without the prefix. */
export function queryMap(redirects: readonly QueryRedirect[]): Record<QueryParam, Record<string, string>> {
  const map: Record<QueryParam, Record<string, string>> = { p: {}, page_id: {} };
  for (const redirect of redirects) map[redirect.param][redirect.id] ??= redirect.to;
  return map;
}

/** The map's file: sorted, one line, the same text for the same posts. */
export function queryMapFile(redirects: readonly QueryRedirect[]): string {
  const map = queryMap(redirects);
  const sorted = (entries: Record<string, string>) => Object.fromEntries(Object.entries(entries).sort(([a], [b]) => Number(a) - Number(b)));
  return `${JSON.stringify({ p: sorted(map.p), page_id: sorted(map.page_id) })}\n`;
}

/** Netlify's rules for the query addresses: `/ p=12 /main/2010/01/hello/ 301!`, paths as the host sees them. */
export function queryRules(redirects: readonly QueryRedirect[], withPrefix: (url: string) => string, status: string): string[] {
  return [...redirects]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.param < b.param ? -1 : a.param > b.param ? 1 : Number(a.id) - Number(b.id)))
    .map((redirect) => `${withPrefix(redirect.path)} ${redirect.param}=${redirect.id} ${withPrefix(redirect.to)} ${status}`);
}
