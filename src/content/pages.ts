/**
 * Standalone pages of a blog: `posts/<blog>/pages/<path>.md`, at
 * `/<blog>/<path>/` (`pages/about.md` → `/<blog>/about/`,
 * `pages/about/team.md` → `/<blog>/about/team/`). Loaded after the posts,
 * checked by their own schema (src/schema/page.ts), rendered with the same
 * markdown (links to posts' `.md` files and to other pages' become their
 * URLs). A page's first path segment may not be an address the blog uses
 * itself (a year, `page`, its feeds).
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { Env, MarkdownIt } from "markdown-it";
import type { ArchiveDate } from "../dates.ts";
import { PAGE_KEYS, pageSchema } from "../schema/page.ts";
import { slugify } from "../slug.ts";
import type { Problem } from "../types.ts";
import { type LinkEnv, lineOfLink, markdownTarget, splitHref } from "./links.ts";
import type { Archive, Post, SiteLink } from "./model.ts";
import { readAuthorField } from "./authors.ts";
import { unclaimedMessage } from "../redirects/oldlinks.ts";
import { decodeUtf8, parseYaml, splitFrontMatter, zodProblems } from "./source.ts";

/** The folder of a blog's pages, under `posts/<blog>/`. */
export const PAGES_FOLDER = "pages";

export interface StandalonePage {
  /** `posts/<blog>/pages/<path>.md`. */
  source: string;
  blog: string;
  /** The slugs of the path: `["about", "team"]`. */
  path: string[];
  /** `/<blog>/<path>/`. */
  url: string;
  title: string;
  date?: ArchiveDate;
  updated?: ArchiveDate;
  /** Author ids, in order; empty when neither the page nor its blog names one. */
  authors: string[];
  summary?: string;
  aliases: string[];
  draft: boolean;
  order: number;
  lines: Partial<Record<string, number>>;
  html: string;
}

/** First segments of a blog's URLs that are the blog's own: its years, later list pages and feeds. */
export function reservedPageSegment(segment: string): boolean {
  return /^\d{4}$/.test(segment) || ["page", "feed.xml", "feed.json", "feed", PAGES_FOLDER].includes(segment);
}

/** True for a source path inside a blog's pages folder (the post loader leaves these to this module). */
export function isPageSource(relative: string, postsDir: string): boolean {
  const parts = relative.split("/").slice(postsDir.split("/").filter(Boolean).length);
  return parts.length >= 3 && parts[1] === PAGES_FOLDER;
}

export interface PagesOptions {
  root: string;
  postsDir: string;
  includeDrafts: boolean;
  markdown: MarkdownIt;
}

export interface LoadedPages {
  pages: StandalonePage[];
  /** Root-relative links of the pages, checked with the posts'. */
  siteLinks: SiteLink[];
  problems: Problem[];
}

/** Every blog's pages, checked and rendered; drafts only when `includeDrafts`. */
export async function loadPages(options: PagesOptions, archive: Archive): Promise<LoadedPages> {
  const problems: Problem[] = [];
  const siteLinks: SiteLink[] = [];
  const pages: StandalonePage[] = [];
  const postsRoot = path.resolve(options.root, options.postsDir);
  const blogs = await readdir(postsRoot, { withFileTypes: true }).catch(() => []);
  const sources: { file: string; blog: string; parts: string[] }[] = [];
  for (const blog of blogs.filter((entry) => entry.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const dir = path.join(postsRoot, blog.name, PAGES_FOLDER);
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
      const absolute = path.join(entry.parentPath, entry.name);
      const parts = path.relative(dir, absolute).split(path.sep);
      sources.push({ file: path.relative(options.root, absolute).split(path.sep).join("/"), blog: blog.name, parts });
    }
  }
  sources.sort((a, b) => (a.file < b.file ? -1 : 1));
  const byUrl = new Map<string, string>();
  for (const { file, blog, parts } of sources) {
    const error = (field: string, message: string, line?: number) => problems.push({ file, line, field, message, severity: "error" });
    const blogData = archive.blogs[blog];
    if (!blogData) {
      error("(path)", `the folder "${blog}" is not a blog`);
      continue;
    }
    const segments = parts.map((part, i) => slugify(i === parts.length - 1 ? part.slice(0, -".md".length) : part));
    if (segments.some((segment) => !segment)) {
      error("(path)", "a part of the page's path gives an empty slug");
      continue;
    }
    if (reservedPageSegment(segments[0] ?? "")) {
      error("(path)", `a page cannot be at /${blog}/${segments[0]}/: that address is the blog's own (its years, later pages and feeds)`);
      continue;
    }
    const url = `/${blog}/${segments.join("/")}/`;
    const holder = byUrl.get(url) ?? archive.byUrl.get(url)?.source;
    if (holder) {
      error("(url)", `${url} is also the URL of ${holder}`);
      continue;
    }
    byUrl.set(url, file);
    const decoded = decodeUtf8(await readFile(path.join(options.root, file)), file);
    if (decoded.problem) {
      problems.push(decoded.problem);
      continue;
    }
    const split = splitFrontMatter(decoded.text);
    if (split.frontMatter === null) {
      error("(front matter)", "is missing: a page starts with `---`, its front matter (title…), and `---`", 1);
      continue;
    }
    const yaml = parseYaml(split.frontMatter, file, split.frontMatterLine);
    problems.push(...yaml.problems);
    const value = yaml.value ?? {};
    if (typeof value !== "object" || Array.isArray(value)) {
      error("(front matter)", "must be a YAML mapping of keys to values", split.frontMatterLine);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (!(PAGE_KEYS as readonly string[]).includes(key)) {
        problems.push({ file, line: yaml.lineOf([key]), field: key, message: "unknown front-matter key of a page, ignored", severity: "warning" });
      }
    }
    const result = pageSchema(blogData.timezone ?? archive.site.timezone).safeParse(value);
    if (!result.success) {
      problems.push(...zodProblems(result.error, file, yaml));
      continue;
    }
    const fm = result.data;
    // A page may name its authors as a post does; without them, the blog's default author (if any).
    const written = (value as Record<string, unknown>).author;
    const authorField = written === undefined && blogData.author === undefined ? { ok: true as const, ids: [] } : readAuthorField(written, blogData.author, archive.authors, blog);
    if (!authorField.ok) {
      for (const problem of authorField.problems) {
        error(problem.index !== undefined ? `author.${problem.index}` : "author", problem.message, (problem.index !== undefined ? yaml.lineOf(["author", problem.index]) : undefined) ?? yaml.lineOf(["author"]));
      }
      continue;
    }
    if (fm.draft && !options.includeDrafts) continue;
    const lines: Partial<Record<string, number>> = { aliases: yaml.lineOf(["aliases"]) };
    pages.push({
      source: file,
      blog,
      path: segments,
      url,
      title: fm.title,
      date: fm.date,
      updated: fm.updated,
      authors: authorField.ids,
      summary: fm.summary,
      aliases: fm.aliases,
      draft: fm.draft,
      order: fm.order,
      lines,
      html: render(file, split.body, split.bodyLine, options, archive, sources, siteLinks, problems),
    });
  }
  pages.sort((a, b) => (a.blog < b.blog ? -1 : a.blog > b.blog ? 1 : a.order - b.order || (a.url < b.url ? -1 : 1)));
  return { pages, siteLinks, problems };
}

function render(
  file: string,
  body: string,
  bodyLine: number,
  options: PagesOptions,
  archive: Archive,
  sources: readonly { file: string; blog: string; parts: string[] }[],
  siteLinks: SiteLink[],
  problems: Problem[],
): string {
  const pageUrls = new Map(sources.map((source) => [source.file, `/${source.blog}/${source.parts.map((part, i) => slugify(i === source.parts.length - 1 ? part.slice(0, -3) : part)).join("/")}/`]));
  const env: Env & LinkEnv & { siteUrl: string } = {
    siteUrl: archive.site.url,
    resolveLink(href, lines) {
      const target = markdownTarget(href, file);
      // A link by a post's old address goes to the post (pages are not among its "Linked from").
      const old = target === undefined ? archive.oldAddresses?.resolve(href) : undefined;
      if (old?.kind === "post" && (!old.target.draft || options.includeDrafts)) return old.target.url + old.suffix;
      if (old?.kind === "unclaimed" || old?.kind === "post") {
        const line = lineOfLink(body, bodyLine, lines, href);
        problems.push({ file, line, field: "(link)", ...(old.kind === "post" ? { message: `→ ${href}: that post is a draft`, severity: "error" as const } : unclaimedMessage(href, old)) });
        return undefined;
      }
      if (target === undefined) {
        if (href.startsWith("/") && !href.startsWith("//")) siteLinks.push({ source: file, line: lineOfLink(body, bodyLine, lines, href), href });
        return undefined;
      }
      const post: Post | undefined = archive.bySource.get(target);
      const url = post && !post.draft ? post.url : pageUrls.get(target);
      if (!url) {
        problems.push({ file, line: lineOfLink(body, bodyLine, lines, href), field: "(link)", message: `→ ${href}: no such post or page`, severity: "error" });
        return undefined;
      }
      return url + splitHref(href).suffix;
    },
  };
  return options.markdown.render(body, env);
}

/** Each blog's pages, in order, for its index page. */
export function pagesByBlog(pages: readonly StandalonePage[]): Map<string, StandalonePage[]> {
  const byBlog = new Map<string, StandalonePage[]>();
  for (const page of pages) {
    let list = byBlog.get(page.blog);
    if (!list) byBlog.set(page.blog, (list = []));
    list.push(page);
  }
  return byBlog;
}
