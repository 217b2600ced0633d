/**
 * Old addresses of posts (front matter `aliases`). Each alias becomes a
 * `301` rule in `_redirects` (Netlify, Cloudflare Pages) and a small HTML
 * page at the old path for hosts without redirect rules.
 *
 * An alias names a path of the site, relative to the archive's root like any
 * other root-relative path in the content: `/archives/2008/06/foo.html`,
 * `2008/06/foo` (a leading slash is added), or a full URL, of which only the
 * path counts (`https://old.example.com/blog/foo?p=1#top` → `/blog/foo`).
 * The query and the fragment are dropped, case is kept, and `/a/b`, `/a/b/`
 * and `/a/b/index.html` are the same page. Under a path prefix
 * (`PATH_PREFIX=/archive/`) the old paths are inside the prefix, as the new
 * ones are; a full URL whose path already starts with the prefix is not
 * prefixed twice.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Post } from "../content/model.ts";
import { parseYamlDocument, splitFrontMatter } from "../content/source.ts";
import type { Problem } from "../types.ts";
import { pathPrefix, withPrefix } from "../urls.ts";
import { QUERY_MAP_URL, type QueryRedirect, queryAlias, queryMapFile, queryRules } from "./query.ts";

/** The template that writes the redirect pages, as Eleventy names its input (`./pages/redirects.11ty.tsx`). */
export const REDIRECTS_TEMPLATE = "redirects.11ty.tsx";

/** One alias of one post. */
export interface Redirect {
  /** The post's source file. */
  source: string;
  /** Position of the alias in the post's `aliases`. */
  index: number;
  /** The alias as written. */
  alias: string;
  /** Old path under the site root, percent-encoded as `_redirects` wants it: `/archives/2008/06/foo.html`. */
  from: string;
  /** The file of its HTML page, as Eleventy's permalink: `/archives/2008/06/foo.html`, `/blog/foo/index.html`. */
  file: string;
  /** New path: the post's URL, without the prefix. */
  to: string;
  /** The post's title, for the page. */
  title: string;
}

/** What a redirect needs of a post or a standalone page. */
export type Redirectable = Pick<Post, "source" | "aliases" | "url" | "title" | "lines">;

export type AliasPath = { ok: true; path: string } | { ok: false; message: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Folders and files at the site's root that Backlist writes itself: an
 * alias there would replace or shadow them (an alias under `/pagefind/`
 * would redirect the search script).
 */
export const OWN_PATHS: ReadonlyMap<string, string> = new Map([
  ["pagefind", "the search index"],
  ["assets", "stylesheets, scripts and images"],
  ["_redirects", "the redirect rules"],
  ["_headers", "the security headers"],
  [".11ty", "the dev server's scripts"],
]);

/** Control characters (NUL included), which no file name or URL may hold. */
const CONTROL = /[\u0000-\u001f\u007f]/;
const PLACEHOLDER_ORIGIN = "http://backlist.invalid";

/**
 * The old path an alias names, under the site root and percent-encoded
 * (`/caf%C3%A9/`), or why it names none. `prefix` is the build's path prefix.
 */
export function aliasPath(alias: string, prefix = "/"): AliasPath {
  const text = alias.trim();
  if (!text) return { ok: false, message: "must not be empty" };
  const full = text.startsWith("//") || SCHEME.test(text);
  let url: URL;
  try {
    url = new URL(full ? text : text.startsWith("/") ? text : `/${text}`, PLACEHOLDER_ORIGIN);
  } catch {
    return { ok: false, message: `"${alias}" is neither a path nor an http(s) URL` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, message: `"${alias}" is neither a path nor an http(s) URL` };
  }
  let pathname = url.pathname;
  if (full && prefix !== "/") {
    // A full URL says where the page was on its host: its path may already hold the prefix.
    if (pathname === prefix.slice(0, -1)) pathname = "/";
    else if (pathname.startsWith(prefix)) pathname = `/${pathname.slice(prefix.length)}`;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, message: `"${alias}" has a broken percent-encoding` };
  }
  if (CONTROL.test(text) || CONTROL.test(decoded)) {
    return { ok: false, message: "holds a control character (such as NUL), which no address may hold" };
  }
  const first = decoded.split("/")[1] ?? "";
  const own = OWN_PATHS.get(first);
  if (own) return { ok: false, message: `old path ${pathname} is under /${first}, where the site keeps ${own}` };
  return { ok: true, path: pathname };
}

function decode(pathname: string): string {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

/**
 * Where the HTML page for an old path is written: a `.html` or `.htm` file
 * as it is; any other path as a folder with an `index.html`, which static
 * hosts serve for the path with or without its trailing slash (a page
 * written as `foo.php` would be served with a type browsers download).
 */
export function redirectPageFile(from: string): string {
  const decoded = decode(from);
  if (/\.html?$/i.test(decoded)) return decoded;
  return decoded.endsWith("/") ? `${decoded}index.html` : `${decoded}/index.html`;
}

/**
 * What a static host serves as one page: `/a/b`, `/a/b/` and
 * `/a/b/index.html` are all `/a/b`. Percent-encoded and plain forms agree.
 */
export function samePageKey(urlPath: string): string {
  let key = decode(urlPath);
  if (key.endsWith("/index.html")) key = key.slice(0, -"index.html".length);
  if (key.length > 1 && key.endsWith("/")) key = key.slice(0, -1);
  return key;
}

/** A problem with the alias at `index` of the post at `source`, before its line is known. */
export interface AliasProblem {
  source: string;
  index: number;
  message: string;
  /** An error unless said otherwise. */
  severity?: "warning";
}

/** The form of an old path that tells apart what a person reading it could not: Unicode normalization and case. */
function lookAlikeKey(key: string): string {
  return key.normalize("NFC").toLowerCase();
}

/**
 * Every valid alias of `posts` as a redirect, each old path once, and the
 * problems: aliases that name no path, and old paths claimed twice (by two
 * posts, or twice by one). Posts are taken in source-path order, so the
 * first claim is the same in every build.
 */
export function planRedirects(posts: readonly Redirectable[], prefix = "/"): { redirects: Redirect[]; problems: AliasProblem[]; queries: QueryRedirect[] } {
  const redirects: Redirect[] = [];
  const problems: AliasProblem[] = [];
  // WordPress's `/?p=12` and `/?page_id=7` (src/redirects/query.ts), by `p=12`: `/` and `/index.php` are one address to WordPress.
  const queries: QueryRedirect[] = [];
  const claimedQueries = new Map<string, QueryRedirect>();
  const claimed = new Map<string, Redirect>();
  const lookAlikes = new Map<string, Redirect>();
  const ordered = [...posts].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  for (const post of ordered) {
    post.aliases.forEach((alias, index) => {
      const query = queryAlias(alias, prefix);
      if (query && !query.ok) {
        problems.push({ source: post.source, index, message: query.message });
        return;
      }
      if (query) {
        const key = `${query.param}=${query.id}`;
        const first = claimedQueries.get(key);
        if (first && (first.source !== post.source || first.path === query.path)) {
          const where = first.source === post.source ? `aliases.${first.index} of this post` : `${first.source} (aliases.${first.index})`;
          problems.push({ source: post.source, index, message: `old address ?${key} is already claimed by ${where}; an old address can lead to one post only` });
          return;
        }
        const redirect: QueryRedirect = { source: post.source, index, alias, path: query.path, param: query.param, id: query.id, to: post.url };
        if (!first) claimedQueries.set(key, redirect);
        queries.push(redirect);
        return;
      }
      const result = aliasPath(alias, prefix);
      if (!result.ok) {
        problems.push({ source: post.source, index, message: result.message });
        return;
      }
      const key = samePageKey(result.path);
      const first = claimed.get(key);
      if (first) {
        const where = first.source === post.source ? `aliases.${first.index} of this post` : `${first.source} (aliases.${first.index})`;
        const same = first.from === result.path ? "" : ` as "${first.alias}"`;
        problems.push({
          source: post.source,
          index,
          message: `old path ${result.path} is already claimed by ${where}${same}; an old path can lead to one post only`,
        });
        return;
      }
      const redirect: Redirect = {
        source: post.source,
        index,
        alias,
        from: result.path,
        file: redirectPageFile(result.path),
        to: post.url,
        title: post.title,
      };
      claimed.set(key, redirect);
      redirects.push(redirect);
      const similar = lookAlikes.get(lookAlikeKey(key));
      if (similar) {
        const where = similar.source === post.source ? `aliases.${similar.index} of this post` : `${similar.source} (aliases.${similar.index})`;
        const differ = similar.from.normalize("NFC") === result.path.normalize("NFC") || decode(similar.from).normalize("NFC") === decode(result.path).normalize("NFC")
          ? "differ only in their Unicode form (NFC/NFD)"
          : "differ only in case or Unicode form";
        problems.push({
          source: post.source,
          index,
          severity: "warning",
          message: `old path ${result.path} and ${similar.from} of ${where} ${differ}: some hosts treat them as one address and others as two`,
        });
      } else {
        lookAlikes.set(lookAlikeKey(key), redirect);
      }
    });
  }
  redirects.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { redirects, problems, queries };
}

/**
 * Aliases that are addresses the site itself uses: a page of the build
 * (`pageUrls`, from every template but the redirect pages) or a file it
 * copies (`fileExists`, given the path without its leading slash).
 */
export function aliasCollisions(
  redirects: readonly Redirect[],
  pageUrls: Iterable<string>,
  fileExists: (relativePath: string) => boolean = () => false,
): AliasProblem[] {
  const pages = new Map<string, string>();
  for (const url of pageUrls) pages.set(samePageKey(url), url);
  const problems: AliasProblem[] = [];
  for (const redirect of redirects) {
    const page = pages.get(samePageKey(redirect.from));
    const file = decode(redirect.from).slice(1);
    let message: string | undefined;
    if (page !== undefined && page === redirect.to) message = `old path ${redirect.from} is this post's own URL`;
    else if (page !== undefined) message = `old path ${redirect.from} is a page of the site (${page}); an alias must be an address the archive does not use`;
    else if (file && fileExists(file)) message = `old path ${redirect.from} is a file the site copies (${file})`;
    if (message) problems.push({ source: redirect.source, index: redirect.index, message });
  }
  return problems;
}

/** How the line of a post's alias is found: by default the line of its `aliases` key. */
export type AliasLine = (post: Redirectable, index: number) => number | undefined;

const keyLine: AliasLine = (post) => post.lines.aliases;

/**
 * Every problem with the posts' aliases, as `path:line: aliases.N: message`
 * problems: aliases naming no path, old paths claimed twice, and old paths
 * the site itself uses.
 */
export function checkAliases<T extends Redirectable>(
  posts: readonly T[],
  pageUrls: Iterable<string>,
  options: { prefix?: string; fileExists?: (relativePath: string) => boolean; lineOf?: (post: T, index: number) => number | undefined } = {},
): Problem[] {
  const { redirects, problems } = planRedirects(posts, options.prefix ?? "/");
  const all = [...problems, ...aliasCollisions(redirects, pageUrls, options.fileExists)];
  if (all.length === 0) return [];
  const bySource = new Map(posts.map((post) => [post.source, post]));
  const lineOf: (post: T, index: number) => number | undefined = options.lineOf ?? keyLine;
  return all
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.index - b.index))
    .map((problem) => {
      const post = bySource.get(problem.source);
      const line = post ? lineOf(post, problem.index) : undefined;
      return {
        file: problem.source,
        ...(line === undefined ? {} : { line }),
        field: `aliases.${problem.index}`,
        message: problem.message,
        severity: problem.severity ?? ("error" as const),
      };
    });
}

/**
 * The line of each alias in its post's front matter, read from the source
 * file under `root` (only when there is a problem to report); the line of
 * the `aliases` key when the file cannot be read.
 */
export function aliasLinesFromSource(root: string): AliasLine {
  return (post, index) => {
    try {
      const { frontMatter, frontMatterLine } = splitFrontMatter(readFileSync(path.join(root, post.source), "utf8"));
      if (frontMatter !== null) {
        const line = parseYamlDocument(frontMatter, post.source, frontMatterLine).lineOf(["aliases", index]);
        if (line !== undefined) return line;
      }
    } catch {
      // Reported on the key's line below.
    }
    return post.lines.aliases;
  };
}

/** URLs of every page of the build except those of `template` (Eleventy's `inputPathToUrl`). */
export function pageUrlsExcept(inputPathToUrl: Record<string, readonly string[] | undefined>, template = REDIRECTS_TEMPLATE): string[] {
  const urls: string[] = [];
  for (const [inputPath, pageUrls] of Object.entries(inputPathToUrl)) {
    if (path.posix.basename(inputPath) === template) continue;
    for (const url of pageUrls ?? []) if (typeof url === "string") urls.push(url);
  }
  return urls;
}

/**
 * The check the content plugin runs once every page's URL is known
 * (`pageUrls`, without the redirect pages): with the build's prefix, the
 * copied files, and each alias's own line.
 */
export function aliasProblems(
  posts: readonly Redirectable[],
  pageUrls: Iterable<string>,
  fileExists: (relativePath: string) => boolean,
  root = process.cwd(),
): Problem[] {
  return checkAliases(posts, pageUrls, { prefix: pathPrefix(), fileExists, lineOf: aliasLinesFromSource(root) });
}

/**
 * `BACKLIST_FORCE_REDIRECTS=1` writes `301!`: Netlify serves a file that
 * exists at a path instead of a rule for it unless the rule is forced, and
 * every old path has its HTML page. Cloudflare Pages always applies its
 * rules and rejects the `!`, so it is off by default (netlify.toml sets it).
 */
export function forceRedirects(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env.BACKLIST_FORCE_REDIRECTS?.trim() ?? "");
}

/**
 * The `_redirects` file: one `<old path> <new path> 301` line per alias,
 * both paths as the host sees them (with the prefix). With forced rules
 * (Netlify), WordPress's query addresses too (`/ p=12 /main/… 301!`):
 * Cloudflare Pages matches no query and rejects such lines.
 */
export function redirectsFile(redirects: readonly Redirect[], options: { prefix?: string; force?: boolean; queries?: readonly QueryRedirect[] } = {}): string {
  const prefix = options.prefix ?? pathPrefix();
  const force = options.force ?? forceRedirects();
  const status = force ? "301!" : "301";
  const lines = [
    "# Old addresses of the archive's posts (front matter `aliases`), moved permanently.",
    "# Hosts without redirect rules serve the HTML page written at each old path instead.",
    ...redirects.map((redirect) => `${withPrefix(redirect.from, prefix)} ${withPrefix(redirect.to, prefix)} ${status}`),
    ...(force ? queryRules(options.queries ?? [], (url) => withPrefix(url, prefix), status) : []),
  ];
  return `${lines.join("\n")}\n`;
}

/** What pages/redirects.11ty.tsx writes: the `_redirects` file, then one HTML page per alias. */
export type RedirectOutput =
  | { kind: "rules"; url: "/_redirects"; body: string }
  | { kind: "page"; url: string; redirect: Redirect }
  | { kind: "queries"; url: typeof QUERY_MAP_URL; body: string };

/**
 * The files of the redirects, computed before Eleventy knows the other
 * pages' URLs. An alias that is a post's URL gets no page (the build fails
 * on it, see `checkAliases`; the dev server keeps serving the post).
 */
export function redirectOutputs(posts: readonly Redirectable[], prefix = pathPrefix()): RedirectOutput[] {
  const postPages = new Set(posts.map((post) => samePageKey(post.url)));
  const plan = planRedirects(posts, prefix);
  const redirects = plan.redirects.filter((redirect) => !postPages.has(samePageKey(redirect.from)));
  return [
    { kind: "rules", url: "/_redirects", body: redirectsFile(redirects, { prefix, queries: plan.queries }) },
    ...(plan.queries.length ? [{ kind: "queries", url: QUERY_MAP_URL, body: queryMapFile(plan.queries) } satisfies RedirectOutput] : []),
    ...redirects.map((redirect): RedirectOutput => ({ kind: "page", url: redirect.file, redirect })),
  ];
}
