/**
 * Links by old address. A post that links to another by the address it had
 * on the old site — a root-relative path that is one of the other post's
 * `aliases`, or a full URL on one of the old site's origins
 * (`site.old_origins`) — links to that post's page: the link is rewritten to
 * its current URL and counts as a cross-link ("Linked from").
 *
 * Old addresses vary in ways that name the same page, and matching forgives
 * them: a trailing slash or not, `index.html`, percent-encoded or not (as
 * redirects match, `samePageKey`); `http:` or `https:` and a leading `www.`
 * on an old origin. A query counts only when an alias has one: an alias
 * `/archives.php?id=12` is matched by that query alone (in any order of its
 * parameters), an alias without a query by its path with any query.
 *
 * The index is built once per build from every post's aliases; each link is
 * one or two map lookups.
 */
import { aliasPath, samePageKey } from "./index.ts";

/** What the index needs of a post. */
export interface Addressed {
  source: string;
  url: string;
  aliases: readonly string[];
}

export type OldLink<T> =
  /** The link names `target`'s old (or current) address; `suffix` is its fragment, kept. */
  | { kind: "post"; target: T; suffix: string }
  /**
   * An old address no post claims: on an old origin (`origin` set), left as
   * an external link with a warning; a root-relative path whose old
   * addresses are all claimed with other queries, an error.
   */
  | { kind: "unclaimed"; origin?: string };

/** What the build says of a link to an old address no post claims: an error, or (on an old origin) a warning. */
export function unclaimedMessage(href: string, link: { origin?: string }): { message: string; severity: "error" | "warning" } {
  return link.origin === undefined
    ? { message: `→ ${href}: no post has this old address (an alias claims its path with another query)`, severity: "error" }
    : { message: `→ ${href}: an address on the old site (${link.origin}) that no post claims in its aliases; left as a link to the old site`, severity: "warning" };
}

/** An origin's key: its host without `www.`, and its port when it is not the scheme's default; the scheme is ignored. */
export function originKey(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  return url.port ? `${host}:${url.port}` : host;
}

/** Why `value` is not an http(s) origin (scheme and host only), or undefined when it is one. */
export function originProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `"${value}" is not a URL: give the old site's origin, such as https://old.example.com`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `"${value}" is not an http(s) origin`;
  if (url.username || url.password) return `"${value}" holds a user name or password; give the scheme and host only`;
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
    return `"${value}" has a path, query or fragment; an origin is the scheme and host only (${url.origin})`;
  }
  return undefined;
}

/** The query's parameters in one order, so `?a=1&b=2` and `?b=2&a=1` are one key. */
function queryKey(search: string): string {
  const params = [...new URLSearchParams(search)].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return new URLSearchParams(params).toString();
}

/** The query an alias is written with (`/index.php?p=12#x` → `?p=12`), or "". */
function aliasQuery(alias: string): string {
  const text = alias.trim();
  const start = text.indexOf("?");
  if (start < 0) return "";
  const end = text.indexOf("#", start);
  return text.slice(start, end < 0 ? undefined : end);
}

function fragmentOf(href: string): string {
  const at = href.indexOf("#");
  return at < 0 ? "" : href.slice(at);
}

export class OldAddresses<T extends Addressed> {
  readonly #byPath = new Map<string, T>();
  readonly #byQuery = new Map<string, T>();
  /** Paths claimed only with a query: a link with another query (or none) names no post. */
  readonly #queryOnly = new Set<string>();
  readonly #byUrl = new Map<string, T>();
  readonly #origins: ReadonlyMap<string, string>;
  readonly #prefix: string;

  /**
   * `posts` in any order (the first claim of an address wins, by source
   * path, as for redirects); `origins` the old site's origins; `prefix` the
   * build's path prefix.
   */
  constructor(posts: readonly T[], origins: readonly string[] = [], prefix = "/") {
    this.#prefix = prefix;
    const byOrigin = new Map<string, string>();
    for (const origin of origins) {
      try {
        byOrigin.set(originKey(new URL(origin)), origin);
      } catch {
        // Refused by the site's schema; nothing to match.
      }
    }
    this.#origins = byOrigin;
    const ordered = [...posts].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    for (const post of ordered) {
      this.#byUrl.set(samePageKey(post.url), post);
      for (const alias of post.aliases) {
        const result = aliasPath(alias, prefix);
        if (!result.ok) continue;
        const key = samePageKey(result.path);
        const query = aliasQuery(alias);
        if (query && query !== "?") {
          const full = `${key}?${queryKey(query)}`;
          if (!this.#byQuery.has(full)) this.#byQuery.set(full, post);
          if (!this.#byPath.has(key)) this.#queryOnly.add(key);
        } else if (!this.#byPath.has(key)) {
          this.#byPath.set(key, post);
          this.#queryOnly.delete(key);
        }
      }
    }
  }

  /** Whether any post has an old address, or the site names an old origin: else no link needs looking at. */
  get empty(): boolean {
    return this.#byPath.size === 0 && this.#byQuery.size === 0 && this.#origins.size === 0;
  }

  /** The old origin `href` is on, as `site.old_origins` names it; undefined for any other link. */
  originOf(href: string): string | undefined {
    if (this.#origins.size === 0 || !/^(https?:)?\/\//i.test(href)) return undefined;
    try {
      const url = new URL(href, "http://backlist.invalid");
      return /^https?:$/.test(url.protocol) ? this.#origins.get(originKey(url)) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * What a link in a post leads to by old address: a post, an old address
   * no post claims, or undefined when it is no old address (a link to
   * another site, a page-relative link, a root-relative path no alias is
   * about, which the site's link check looks at).
   */
  resolve(href: string): OldLink<T> | undefined {
    const origin = this.originOf(href);
    let pathname: string;
    let search: string;
    if (origin !== undefined) {
      const result = aliasPath(href, this.#prefix);
      if (!result.ok) return { kind: "unclaimed", origin };
      pathname = result.path;
      search = new URL(href, "http://backlist.invalid").search;
    } else if (href.startsWith("/") && !href.startsWith("//")) {
      const cut = href.search(/[?#]/);
      pathname = cut < 0 ? href : href.slice(0, cut);
      const hash = href.indexOf("#");
      search = cut >= 0 && href[cut] === "?" ? href.slice(cut, hash < 0 ? undefined : hash) : "";
    } else {
      return undefined;
    }
    const key = samePageKey(pathname);
    const suffix = fragmentOf(href);
    const query = search && search !== "?" ? queryKey(search) : "";
    const byQuery = query ? this.#byQuery.get(`${key}?${query}`) : undefined;
    if (byQuery) return { kind: "post", target: byQuery, suffix };
    const byPath = this.#byPath.get(key);
    if (byPath) return { kind: "post", target: byPath, suffix };
    if (origin !== undefined) {
      // The old site may have used the archive's own paths.
      const current = this.#byUrl.get(key);
      return current ? { kind: "post", target: current, suffix } : { kind: "unclaimed", origin };
    }
    return this.#queryOnly.has(key) ? { kind: "unclaimed" } : undefined;
  }
}
