/**
 * The pages of a Jekyll site (its files with front matter outside `_posts/`,
 * `about.md`, `projects/index.html`), as the import reads them: which
 * folders hold pages, where Jekyll published each, and which are only the
 * old theme's machinery — a listing of the posts, a feed, the "not found"
 * page — that the archive draws itself and so are skipped with their
 * reason. Pure.
 */
import path from "node:path";

/** The extensions of the files Jekyll renders as HTML pages. */
export const PAGE_EXTENSIONS = new Set([".md", ".markdown", ".mkd", ".mkdn", ".mdown", ".html", ".htm"]);

/** Files with front matter whose output is no HTML page (feeds, sitemaps, data): each is skipped with its reason. */
export const OTHER_OUTPUT_EXTENSIONS = new Set([".xml", ".json", ".txt", ".rss", ".atom", ".webmanifest", ".ics"]);

/** Folders never read for pages, whatever `_config.yml` says: Jekyll's own exclusions, the build's output, dependencies, the theme's assets. */
export const NEVER_PAGES = new Set(["_site", "node_modules", "vendor", "assets", "gemfiles", ".sass-cache", ".jekyll-cache", ".bundle"]);

/** `glob` (Jekyll's `exclude`, `include`: a path, a folder, or a pattern with `*`, `?`) → whether `relative` is it or inside it. */
export function matchesEntry(relative: string, entry: string): boolean {
  const clean = entry.trim().replace(/^\.\//, "").replace(/^\/+/, "").replace(/\/+$/, "");
  if (!clean) return false;
  if (relative === clean || relative.startsWith(`${clean}/`)) return true;
  if (!/[*?[]/.test(clean)) return false;
  const pattern = clean
    .replace(/[.+^${}()|\\]/g, "\\$&")
    .replace(/\*\*/g, "\u0000")
    .replace(/\*/g, "[^/]*")
    .replace(/\?/g, "[^/]")
    .replace(/\u0000/g, ".*");
  const regex = new RegExp(`^${pattern}(?:/.*)?$`);
  return regex.test(relative) || regex.test(path.posix.basename(relative));
}

/** Whether the folder or file `relative` (in the site) is read for pages: not `_`- or `.`-prefixed (unless `include` names it), not excluded. */
export function readsPagesIn(relative: string, exclude: readonly string[], include: readonly string[]): boolean {
  const parts = relative.split("/");
  if (NEVER_PAGES.has(parts[0] ?? "")) return false;
  if (exclude.some((entry) => matchesEntry(relative, entry))) return false;
  const hidden = parts.some((part) => part.startsWith("_") || part.startsWith("."));
  return !hidden || include.some((entry) => matchesEntry(relative, entry));
}

/**
 * Where Jekyll published the page at `relative`: its own `permalink`
 * (`:path`, `:basename`, `:output_ext` filled in), else its path, an
 * `index` file at its folder's address, and other pages ending as the
 * site's `permalink` style does (`/about/` under `pretty` or a pattern
 * ending in `/`, `/about.html` under `date`).
 */
export function pageOldPath(relative: string, own: string | undefined, sitePermalink: string): string {
  const ext = path.posix.extname(relative);
  const folder = path.posix.dirname(relative);
  const basename = path.posix.basename(relative, ext);
  const outputExt = PAGE_EXTENSIONS.has(ext.toLowerCase()) ? ".html" : ext;
  const dir = folder === "." ? "" : `/${folder}`;
  let template: string;
  if (own) template = own;
  else if (!PAGE_EXTENSIONS.has(ext.toLowerCase())) template = "/:path/:basename:output_ext";
  else if (basename === "index") template = "/:path/";
  else template = `/:path/:basename${sitePermalink.endsWith("/") ? "/" : sitePermalink.endsWith(":output_ext") ? ":output_ext" : ""}`;
  const filled = template.replace(/:(path|basename|output_ext|name)\b/g, (_whole, key: string) =>
    key === "path" ? dir : key === "output_ext" ? outputExt : encodeURIComponent(basename),
  );
  return `/${filled}`.replace(/\/{2,}/g, "/");
}

/** The loops over the site's posts, tags, categories or pages that make a page a listing. */
const LISTING_LOOP = /\{%-?\s*for\s+\w+\s+in\s+(?:paginator\.posts|site\.(?:posts|tags|categories|related_posts|pages|html_pages|documents)|site\.\w+)\b[^%]*%\}/;

/** A page with such a loop and fewer words of its own than this is a listing, not a page. */
export const LISTING_WORDS = 50;

/** The words of a page's body that are its own: without Liquid loops (their bodies too), tags, outputs, scripts, styles, forms and HTML tags. */
export function ownWords(body: string): number {
  let text = body;
  // Innermost loops first, so nested ones go too.
  for (let before = ""; before !== text; ) {
    before = text;
    text = text.replace(/\{%-?\s*for\b(?:(?!\{%-?\s*for\b)[\s\S])*?\{%-?\s*endfor\s*-?%\}/g, " ");
  }
  text = text
    .replace(/\{%-?\s*(comment|raw)\s*-?%\}[\s\S]*?\{%-?\s*end\1\s*-?%\}/g, " ")
    .replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, " ")
    .replace(/<(script|style|form)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]*>/g, " ");
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** The first line (counted from `firstLine`) of `pattern` in `body`, or undefined. */
function lineOf(body: string, pattern: RegExp, firstLine: number): { line: number; text: string } | undefined {
  const match = pattern.exec(body);
  if (!match) return undefined;
  return { line: firstLine + (body.slice(0, match.index).match(/\n/g)?.length ?? 0), text: match[0].replace(/\s+/g, " ") };
}

export interface PageCandidate {
  /** The file's path in the site (`about.md`, `projects/index.html`), as messages name it. */
  relative: string;
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
  /** Where Jekyll published it, without the site's `baseurl`. */
  oldPath: string;
}

/** Why the page is only the old theme's machinery and is not imported; undefined for a page to import. */
export function notAPage(page: PageCandidate): string | undefined {
  const ext = path.posix.extname(page.relative).toLowerCase();
  const name = path.posix.basename(page.relative);
  if (!PAGE_EXTENSIONS.has(ext)) return `not an HTML page (${name}: its output is ${ext}, a feed or data file the archive writes itself)`;
  if (page.data.redirect_to !== undefined) return `a redirect of the old site (redirect_to: ${String(page.data.redirect_to)})`;
  if (/^404\.[^.]+$/.test(name) || /^\/?404(?:\.html|\/)?$/.test(page.oldPath)) return 'the old site\'s "not found" page (the archive has its own)';
  const words = ownWords(page.body);
  const loop = lineOf(page.body, LISTING_LOOP, page.bodyLine);
  if (loop && words < LISTING_WORDS) {
    return `a listing of the site's posts (${loop.text} at ${page.relative}:${loop.line}, ${words} ${words === 1 ? "word" : "words"} of its own): the archive lists them itself`;
  }
  if (page.oldPath === "/" || page.oldPath === "/index.html") return "the old site's home page (the blog's front page takes its place)";
  const widget = lineOf(page.body, /<(?:script|form|input)\b[^>]*>/i, page.bodyLine);
  if (widget && words < LISTING_WORDS) {
    return `a page of the old site's scripts or forms, a search page (${widget.text.slice(0, 60)} at ${page.relative}:${widget.line}, ${words} ${words === 1 ? "word" : "words"} of its own): they do not work in the archive`;
  }
  if (words === 0) {
    const layout = typeof page.data.layout === "string" ? page.data.layout : undefined;
    return `no text of its own (${layout ? `its layout "${layout}" draws it` : "only Liquid, scripts or forms"})`;
  }
  return undefined;
}
