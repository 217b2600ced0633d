/**
 * A link checker for a served build, used by crawl.spec.ts: starting from
 * the home page (and the files a host serves without any link to them), it
 * fetches every internal URL breadth-first, reads the links of every HTML
 * page, stylesheet, feed, sitemap and robots.txt it gets, and reports every
 * link that does not answer 200, every `#fragment` that is not an id of its
 * page, and every link that leaves the site's path prefix.
 *
 * Internal means on the server's origin, or on the site's public origin
 * (`site.url`, which canonical URLs, feeds and the sitemap use), which is
 * mapped onto the server. Links to other sites are counted, not fetched.
 */
import type { APIRequestContext } from "@playwright/test";
import { parse } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

export interface CrawlOptions {
  /** Origin of the server, `http://127.0.0.1:8089`. */
  origin: string;
  /** Path the site is served under, `/` or `/archive/`. */
  prefix: string;
  /** Where the site says it lives (home page's canonical URL), `https://example.org/archive/`. */
  publicBase: string;
  /** Paths under the prefix to start from, besides the home page (`404.html`, `robots.txt`). */
  extraSeeds?: readonly string[];
  /** Stop after this many URLs (a loop of ever-new URLs must not hang the test). */
  maxUrls?: number;
}

export interface CrawlReport {
  /** HTML pages fetched and read. */
  pages: number;
  /** Other files fetched: stylesheets, scripts, feeds, images… */
  files: number;
  /** Links followed: every internal reference on every page and file read, fragments included. */
  links: number;
  /** Of those, links with a `#fragment` checked against the ids of their page. */
  fragments: number;
  /** Links to other sites, not fetched. */
  external: number;
  /** Every problem, one a line: `what → target (from: page)`. */
  problems: string[];
  /** Site paths (under the prefix) of HTML pages that another HTML page links to. */
  linkedPages: Set<string>;
  /** Site paths of every HTML page fetched. */
  fetchedPages: Set<string>;
}

/** `url="…"`-style absolute URLs in a text (feeds, sitemap, robots.txt, JSON-LD). */
const ABSOLUTE_URL = /https?:\/\/[^\s"'<>\\)\]]+/g;
/** `url(…)` and `@import "…"` in CSS. */
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g;

/** Attributes that hold one URL, by element. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  img: ["src"],
  script: ["src"],
  source: ["src"],
  iframe: ["src"],
  audio: ["src"],
  video: ["src", "poster"],
  track: ["src"],
  embed: ["src"],
  object: ["data"],
  form: ["action"],
  input: ["src"],
  blockquote: ["cite"],
  q: ["cite"],
  ins: ["cite"],
  del: ["cite"],
};
/** `<meta property>` whose content is a URL. */
const URL_META = new Set(["og:url", "og:image", "og:image:url", "og:audio", "og:video", "twitter:image"]);

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function* elements(node: Node): Generator<Element> {
  if ("tagName" in node) yield node;
  if ("childNodes" in node) for (const child of node.childNodes) yield* elements(child);
  if ("content" in node && node.content) yield* elements(node.content);
}

function textOf(element: Element): string {
  return element.childNodes.map((child) => ("value" in child && child.nodeName === "#text" ? child.value : "")).join("");
}

/** The URLs of a `srcset`: `a.png 1x, b.png 2x`. */
function srcsetUrls(value: string): string[] {
  return value
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter(Boolean);
}

/** What an HTML page links to, and the ids its fragments may name. */
export function readHtml(html: string): { links: string[]; ids: Set<string>; base?: string } {
  const links: string[] = [];
  const ids = new Set<string>();
  let base: string | undefined;
  for (const element of elements(parse(html))) {
    const id = attr(element, "id");
    if (id !== undefined) ids.add(id);
    if (element.tagName === "a" && attr(element, "name") !== undefined) ids.add(attr(element, "name") ?? "");
    if (element.tagName === "base" && base === undefined) base = attr(element, "href");
    for (const name of URL_ATTRIBUTES[element.tagName] ?? []) {
      const value = attr(element, name);
      if (value !== undefined) links.push(value);
    }
    if (element.tagName === "img" || element.tagName === "source") {
      const srcset = attr(element, "srcset");
      if (srcset) links.push(...srcsetUrls(srcset));
    }
    if (element.tagName === "meta") {
      const property = attr(element, "property") ?? attr(element, "name") ?? "";
      const content = attr(element, "content");
      if (content && URL_META.has(property)) links.push(content);
      if (attr(element, "http-equiv")?.toLowerCase() === "refresh" && content) {
        const target = /url\s*=\s*['"]?([^'"]+)/i.exec(content)?.[1];
        if (target) links.push(target.trim());
      }
    }
    if (element.tagName === "script" && attr(element, "type") === "application/ld+json") {
      links.push(...(textOf(element).match(ABSOLUTE_URL) ?? []));
    }
    if (element.tagName === "style") links.push(...cssUrls(textOf(element)));
  }
  return { links, ids, base };
}

function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((m) => (m[2] ?? m[4] ?? "").trim()).filter((url) => url && !url.startsWith("data:"));
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Absolute URLs in a feed, a sitemap or robots.txt. XML entities are decoded
 * first, in one pass: a feed's escaped HTML content (`&lt;a
 * href=&quot;https://…&quot;&gt;`) then reads as the markup it holds, and
 * each URL ends where its attribute does.
 */
function textUrls(text: string): string[] {
  const decoded = text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (entity, dec?: string, hex?: string, name?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (XML_ENTITIES[name?.toLowerCase() ?? ""] ?? entity),
  );
  return decoded.match(ABSOLUTE_URL) ?? [];
}

export async function crawl(request: APIRequestContext, options: CrawlOptions): Promise<CrawlReport> {
  const { origin, prefix } = options;
  const publicBase = new URL(options.publicBase);
  const maxUrls = options.maxUrls ?? 5_000;
  const report: CrawlReport = {
    pages: 0,
    files: 0,
    links: 0,
    fragments: 0,
    external: 0,
    problems: [],
    linkedPages: new Set(),
    fetchedPages: new Set(),
  };

  /** URL (without fragment) → the pages that link to it. */
  const referrers = new Map<string, Set<string>>();
  /** Fragment links, checked once every page has been read. */
  const fragmentLinks: { target: string; fragment: string; from: string }[] = [];
  /** HTML pages' ids, by URL. */
  const pageIds = new Map<string, Set<string>>();
  const queue: string[] = [];
  /** URLs that did not answer 200 (their fragments are not checked again). */
  const failed = new Set<string>();
  const sitePath = (url: string): string => new URL(url).pathname;
  const show = (url: string): string => {
    const u = new URL(url);
    return u.origin === origin ? u.pathname + u.search + u.hash : url;
  };

  const enqueue = (url: string, from: string | undefined): void => {
    let set = referrers.get(url);
    if (!set) {
      set = new Set();
      referrers.set(url, set);
      queue.push(url);
    }
    if (from) set.add(from);
  };

  /** Records one reference found in `from` (a fetched URL), resolved against `base`. */
  const follow = (raw: string, base: string, from: string, fromHtml: boolean): void => {
    const value = raw.trim();
    if (/^(mailto|tel|data|javascript|blob|about):/i.test(value)) return;
    let url: URL;
    try {
      url = new URL(value, base);
    } catch {
      report.problems.push(`unparsable URL ${JSON.stringify(raw)} (from: ${show(from)})`);
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return;
    if (url.origin === publicBase.origin) {
      // A canonical, feed or sitemap URL: the same path on the server.
      if (!url.pathname.startsWith(publicBase.pathname)) {
        report.problems.push(`outside ${publicBase.href}: ${url.href} (from: ${show(from)})`);
        return;
      }
      url = new URL(url.pathname + url.search + url.hash, origin);
    } else if (url.origin !== origin) {
      report.external++;
      return;
    }
    report.links++;
    if (!url.pathname.startsWith(prefix)) {
      report.problems.push(`outside the prefix ${prefix}: ${show(url.href)} (from: ${show(from)})`);
      return;
    }
    const fragment = url.hash.slice(1);
    url.hash = "";
    const target = url.href;
    if (fragment) {
      report.fragments++;
      fragmentLinks.push({ target, fragment, from });
    }
    if (fromHtml && target !== from) report.linkedPages.add(sitePath(target));
    enqueue(target, from);
  };

  enqueue(new URL(prefix, origin).href, undefined);
  for (const seed of options.extraSeeds ?? []) enqueue(new URL(prefix + seed, origin).href, undefined);

  for (let i = 0; i < queue.length; i++) {
    const url = queue[i] as string;
    if (i >= maxUrls) {
      report.problems.push(`stopped after ${maxUrls} URLs; ${queue.length - maxUrls} not checked`);
      break;
    }
    const from = [...(referrers.get(url) ?? [])].slice(0, 3).map(show).join(", ") || "start";
    const response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
    if (response.status() !== 200) {
      failed.add(url);
      const location = response.headers()["location"];
      report.problems.push(
        `${response.status()}${location ? ` → ${location}` : ""}: ${show(url)} (from: ${from})`,
      );
      continue;
    }
    const type = (response.headers()["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (type === "text/html") {
      report.pages++;
      report.fetchedPages.add(sitePath(url));
      const { links, ids, base } = readHtml(await response.text());
      pageIds.set(url, ids);
      const baseUrl = base ? new URL(base, url).href : url;
      for (const link of links) follow(link, baseUrl, url, true);
      continue;
    }
    report.files++;
    if (type === "text/css") {
      for (const link of cssUrls(await response.text())) follow(link, url, url, false);
    } else if (/xml|json|text\/plain/.test(type)) {
      for (const link of textUrls(await response.text())) follow(link, url, url, false);
    }
  }

  for (const { target, fragment, from } of fragmentLinks) {
    const ids = pageIds.get(target);
    if (!ids) {
      if (!failed.has(target) && referrers.has(target) && queue.indexOf(target) < maxUrls) {
        report.problems.push(`#${fragment} on a file that is not an HTML page: ${show(target)} (from: ${show(from)})`);
      }
      continue;
    }
    let decoded = fragment;
    try {
      decoded = decodeURIComponent(fragment);
    } catch {
      // An undecodable fragment is compared as written.
    }
    // "#top" scrolls to the top of any page (HTML's "indicated part of the document").
    if (ids.has(fragment) || ids.has(decoded) || decoded.toLowerCase() === "top") continue;
    report.problems.push(`no id "${decoded}" on ${show(target)} (from: ${show(from)})`);
  }
  report.problems = [...new Set(report.problems)].sort();
  return report;
}

/** One line for the test output. */
export function summary(label: string, report: CrawlReport): string {
  return (
    `crawl ${label}: ${report.pages} HTML pages and ${report.files} other files, ` +
    `${report.links} internal links checked (${report.fragments} with a #fragment), ` +
    `${report.external} external links not followed, ${report.problems.length} problems`
  );
}
