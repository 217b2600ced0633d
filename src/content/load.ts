/**
 * Loads and checks the whole archive before anything is rendered: every
 * data file and every post's front matter, all problems collected and
 * reported together. Then it renders each post's markdown once and builds
 * the indexes the pages look things up in.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Env, MarkdownIt } from "markdown-it";
import type { Token } from "markdown-it";
import { z } from "zod";
import { closest, closestOf } from "../suggest.ts";
import { cutAtWord } from "../excerpt.ts";
import { timed } from "../timings.ts";
import { slugify } from "../slug.ts";
import {
  DATA_FILES,
  type DataFileName,
  POST_KEYS,
  dataSchemas,
  postSchema,
  type Site,
} from "../schema/index.ts";
import type { Problem } from "../types.ts";
import { type Archive, type ArchiveData, type Post, type SiteLink, type Tag, comparePosts } from "./model.ts";
import { type LinkContext, type LinkEnv, lineOfLink, markdownTarget, splitHref } from "./links.ts";
import { OldAddresses, unclaimedMessage } from "../redirects/oldlinks.ts";
import { pathPrefix } from "../urls.ts";
import type { ExternalLinksEnv } from "../markdown/external-links.ts";
import { podcastWarnings } from "../feeds/podcast.ts";
import { seriesProblems } from "../series/index.ts";
import { linkSnippet, type LinkSnippet } from "../backlinks/context.ts";
import { ContentError, decodeUtf8, parseYaml, splitFrontMatter, zodProblems } from "./source.ts";
import { loadComments } from "../comments/load.ts";
import { citeCommentIn } from "../comments/cite.ts";
import { CommentIndex } from "../comments/model.ts";
import type { ReplyEnv } from "../markdown/reply.ts";
import { isPageSource } from "./pages.ts";
import { readAuthorField } from "./authors.ts";
import { DATA_EXTENSIONS, LIMITS, controlCharacterProblems, dataFolderProblems, futurePost, hasId, mapLimit, type NestingEnv, nestingProblem, ownRecord, tagProblems, valueProblems } from "./guards.ts";
import { inPostFolder } from "../media/folder.ts";

export interface LoadOptions {
  /** Project root; paths in messages are relative to it. */
  root: string;
  postsDir: string;
  dataDir: string;
  /** Build `draft: true` posts (the dev server does, production builds don't). */
  includeDrafts: boolean;
  markdown: MarkdownIt;
  /** Language of the posts, for finding sentences around links; default English. */
  locale?: string;
  /**
   * Called with the posts to build and their pinned related posts once the
   * front matter is read and before the markdown is rendered, to start work
   * that needs only the sources (related-post scoring, in a worker).
   */
  beforeRender?: (posts: readonly Post[], pinned: ReadonlyMap<string, readonly Post[]>) => void;
}

/** First path segments the site uses itself, so no blog may take them. */
const RESERVED_PATHS = new Map([
  ["archive", "year and month archives"],
  ["tags", "tag pages"],
  ["authors", "author pages"],
  ["podcasts", "podcast pages"],
  ["books", "book recommendations"],
  ["reviews", "product reviews"],
  ["assets", "stylesheets and images"],
  ["page", "home page's later pages"],
  ["search", "search page"],
  ["links-report", "report of the external links"],
  ["series", "series pages"],
]);

/** Load, check and index the archive; throws `ContentError` listing every problem. */
export async function loadArchive(options: LoadOptions): Promise<Archive> {
  const problems: Problem[] = [];
  const data = await loadData(options, problems);
  const posts = await loadPosts(options, data, problems);
  checkDuplicateUrls(posts, problems);
  const comments = await timed("comments files", () => loadComments(options, posts, (post) => data.blogs[post.blog]?.timezone ?? data.site.timezone, problems));
  problems.push(...seriesProblems(posts.filter((post) => options.includeDrafts || !post.draft)));
  const built = posts.filter((post) => options.includeDrafts || !post.draft);
  const links: LinkGraph = {
    bySource: new Map(posts.map((post) => [post.source, post])),
    backlinks: new Map(),
    siteLinks: [],
    // Links by old address (aliases, `site.old_origins`); drafts too, so a link to one says it is a draft.
    oldAddresses: new OldAddresses(posts, data.site.old_origins ?? [], pathPrefix()),
    oldWarned: new Set(),
  };
  const pinned = resolvePinned(built, links.bySource, options, problems);
  // Drafts are never among other posts' related posts (their own pages have none).
  if (!problems.some((p) => p.severity === "error")) options.beforeRender?.(built.filter((post) => !post.draft), pinned);
  // Rendered even when there are errors already, so broken links are reported with them.
  const renderOptions = { ...options, locale: options.locale ?? data.site.language };
  for (const post of built) renderPost(post, renderOptions, links, problems, data.site.url, comments);
  // Broken links alone don't stop the load: they are reported with the
  // site's other broken links (src/plugins/content.ts), all in one run.
  const isLink = (p: Problem) => p.severity === "error" && p.field === "(link)";
  if (problems.some((p) => p.severity === "error" && !isLink(p))) throw new ContentError(problems);
  const brokenLinks = suggestPosts(problems.filter(isLink), built);
  return {
    ...indexArchive(data, built, links, pinned, problems.filter((p) => !isLink(p)), comments),
    draftsLeftOut: posts.length - built.length,
    brokenLinks,
  };
}

/**
 * Adds "did you mean" to broken `.md` links: the post with the same file
 * name in another folder, else the nearest file name of the same blog.
 * Computed for the first few broken links only, so a badly broken import
 * costs no more than a few lookups.
 */
function suggestPosts(broken: Problem[], posts: readonly Post[]): Problem[] {
  if (broken.length === 0) return broken;
  const byName = new Map<string, Post[]>();
  for (const post of posts) {
    const name = post.source.slice(post.source.lastIndexOf("/") + 1);
    const list = byName.get(name);
    if (list) list.push(post);
    else byName.set(name, [post]);
  }
  return broken.map((problem, i) => {
    const target = /→ (\S+): no such post$/.exec(problem.message)?.[1];
    if (!target || i >= SUGGESTIONS) return problem;
    const resolved = markdownTarget(target, problem.file);
    const name = (resolved ?? target).slice((resolved ?? target).lastIndexOf("/") + 1);
    const blog = problem.file.split("/")[1];
    const same = byName.get(name)?.find((post) => post.source !== problem.file);
    const guess =
      same?.source ??
      closestOf(
        name,
        posts.filter((post) => post.blog === blog).map((post) => post.source),
        (source) => source.slice(source.lastIndexOf("/") + 1),
      );
    return guess ? { ...problem, message: `${problem.message} (did you mean ${relativeLink(problem.file, guess)}?)` } : problem;
  });
}

/** How many broken links get a suggestion in one run. */
const SUGGESTIONS = 50;

/** A link from one source file to another, as an author would write it (relative). */
function relativeLink(from: string, to: string): string {
  return path.posix.relative(path.posix.dirname(from), to);
}

/**
 * The path on the site that a link in a post leads to, when it is a link
 * within the site: root-relative (`/tags/xen/`) as written, page-relative
 * (`../other/`, `diagram.png`) resolved against the post's URL. Links with a
 * scheme, to another host, or to a fragment of the same page are not.
 */
export function sitePathOf(href: string, pageUrl: string): string | undefined {
  if (href.startsWith("//") || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("#") || href.startsWith("?") || href === "") return undefined;
  if (href.startsWith("/")) return href;
  const base = new URL(pageUrl, "http://site.invalid");
  const resolved = new URL(href, base);
  return resolved.pathname + resolved.search + resolved.hash;
}

function rel(options: Pick<LoadOptions, "root">, file: string): string {
  return path.relative(options.root, file).split(path.sep).join("/");
}

/** The data files alone, checked (the authoring tools read blogs and authors through it). */
export async function loadData(options: Pick<LoadOptions, "root" | "dataDir">, problems: Problem[]): Promise<ArchiveData> {
  const dir = path.resolve(options.root, options.dataDir);
  const names = new Set(await readdir(dir).catch(() => [] as string[]));
  problems.push(...dataFolderProblems([...names], rel(options, dir)));
  const raw = new Map<DataFileName, { file: string; value: unknown; lineOf: (p: ReadonlyArray<PropertyKey>) => number | undefined }>();
  for (const name of DATA_FILES) {
    const fileName = DATA_EXTENSIONS.map((ext) => name + ext).find((candidate) => names.has(candidate));
    if (!fileName) continue;
    const file = rel(options, path.join(dir, fileName));
    const bytes = await readFile(path.join(dir, fileName)).catch((error: NodeJS.ErrnoException) => error);
    const decoded = bytes instanceof Error
      ? { problem: { file, field: "(file)", message: bytes.code === "EISDIR" ? "is a folder, not a data file" : `cannot be read (${bytes.code ?? bytes.message})`, severity: "error" as const } }
      : decodeUtf8(bytes, file);
    const controls = decoded.text === undefined ? [] : controlCharacterProblems(decoded.text, file);
    if (decoded.problem || controls.length) {
      // Reported; the file is there, so it is not also "missing".
      problems.push(...(decoded.problem ? [decoded.problem] : controls));
      raw.set(name, { file, value: undefined, lineOf: () => undefined });
      continue;
    }
    const yaml = parseYaml(decoded.text, file);
    problems.push(...yaml.problems);
    const unsafe = valueProblems(yaml.value, file, yaml.lineOf);
    if (unsafe.length) {
      problems.push(...unsafe);
      raw.set(name, { file, value: undefined, lineOf: yaml.lineOf });
      continue;
    }
    raw.set(name, { file, value: yaml.value, lineOf: yaml.lineOf });
  }

  const siteFile = raw.get("site");
  if (!siteFile) {
    problems.push({
      file: `${options.dataDir}/site.yaml`,
      field: "(file)",
      message: "is missing: the site needs a title, url, publisher and timezone",
      severity: "error",
    });
  }
  const site = parseWith(dataSchemas("UTC").site, siteFile, problems);
  const zone = site?.timezone ?? "UTC";
  const schemas = dataSchemas(zone);
  const data: ArchiveData = {
    site: site ?? fallbackSite(),
    // Without a prototype: an id is found only if the file defines it.
    authors: ownRecord(parseWith(schemas.authors, raw.get("authors"), problems) ?? {}),
    blogs: ownRecord(parseWith(schemas.blogs, raw.get("blogs"), problems) ?? {}),
    podcasts: ownRecord(parseWith(schemas.podcasts, raw.get("podcasts"), problems) ?? {}),
    books: ownRecord(parseWith(schemas.books, raw.get("books"), problems) ?? {}),
    reviews: parseWith(schemas.reviews, raw.get("reviews"), problems) ?? [],
    links: parseWith(schemas.links, raw.get("links"), problems) ?? [],
  };
  checkDataReferences(data, raw, problems);
  const podcastsFile = raw.get("podcasts");
  if (podcastsFile) problems.push(...podcastWarnings(data.podcasts, podcastsFile));
  return data;
}

function parseWith<T extends z.ZodType>(
  schema: T,
  source: { file: string; value: unknown; lineOf: (p: ReadonlyArray<PropertyKey>) => number | undefined } | undefined,
  problems: Problem[],
): z.output<T> | undefined {
  if (!source || source.value === undefined) return undefined;
  const result = schema.safeParse(source.value ?? {});
  if (result.success) return result.data;
  problems.push(...zodProblems(result.error, source.file, source));
  return undefined;
}

/**
 * An archive with no posts, for the dev server when the very first build
 * has errors: the pages it serves then show the problems (src/dev).
 */
export function emptyArchive(): Archive {
  const data: ArchiveData = { site: fallbackSite(), authors: {}, blogs: {}, podcasts: {}, books: {}, reviews: [] };
  return indexArchive(data, [], { bySource: new Map(), backlinks: new Map(), siteLinks: [], oldAddresses: new OldAddresses([]), oldWarned: new Set() }, new Map(), []);
}

function fallbackSite(): Site {
  return { title: "Backlist", url: "http://localhost/", language: "en", timezone: "UTC", publisher: "", sidebar: "as-of-post" };
}

/** Ids that one data file uses of another: authors of blogs, hosts, recommenders. */
function checkDataReferences(
  data: ArchiveData,
  raw: Map<DataFileName, { file: string; lineOf: (p: ReadonlyArray<PropertyKey>) => number | undefined }>,
  problems: Problem[],
): void {
  const check = (kind: DataFileName, ids: Record<string, unknown>, noun: string) =>
    (fileKind: DataFileName, fieldPath: PropertyKey[], id: string | undefined) => {
      if (id === undefined || hasId(ids, id)) return;
      const source = raw.get(fileKind);
      problems.push({
        file: source?.file ?? fileKind,
        line: source?.lineOf(fieldPath),
        field: fieldPath.join("."),
        message: `unknown ${noun} "${id}"; ${known(ids, kind)}`,
        severity: "error",
      });
    };
  for (const id of Object.keys(data.blogs)) {
    if (RESERVED_PATHS.has(id)) {
      problems.push({
        file: raw.get("blogs")?.file ?? "blogs",
        line: raw.get("blogs")?.lineOf([id]),
        field: id,
        message: `"${id}" cannot be a blog id: /${id}/ is where the site keeps its ${RESERVED_PATHS.get(id)}`,
        severity: "error",
      });
    }
  }
  const author = check("authors", data.authors, "author");
  const blog = check("blogs", data.blogs, "blog");
  for (const [id, b] of Object.entries(data.blogs)) {
    author("blogs", [id, "author"], b.author);
    b.sister_blogs.forEach((sister, i) => blog("blogs", [id, "sister_blogs", i], sister));
  }
  for (const [id, show] of Object.entries(data.podcasts)) {
    author("podcasts", [id, "host"], show.host);
    blog("podcasts", [id, "blog"], show.blog);
  }
  for (const [id, book] of Object.entries(data.books)) {
    book.recommended_by.forEach((who, i) => author("books", [id, "recommended_by", i], who));
  }
  data.reviews.forEach((review, i) => author("reviews", [i, "author"], review.author));
}

function known(ids: Record<string, unknown>, file: string): string {
  const list = Object.keys(ids);
  return list.length ? `known ${file}: ${list.join(", ")}` : `_data/${file} defines none`;
}

async function loadPosts(options: LoadOptions, data: ArchiveData, problems: Problem[]): Promise<Post[]> {
  const dir = path.resolve(options.root, options.postsDir);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const found = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    // A blog's standalone pages (posts/<blog>/pages/) are loaded by src/content/pages.ts.
    .filter((file) => !isPageSource(rel(options, file), options.postsDir));
  // A post's own folder (`<slug>/` beside `<slug>.md`) holds its files, never posts.
  const sources = new Set(found.map((file) => rel(options, file)));
  const files = found.filter((file) => !inPostFolder(rel(options, file), sources));
  files.push(...(await symlinkedPosts(entries, options, problems)));
  files.sort();
  const schemaFor = postSchemas();

  // A bounded number of files open at once: an archive of 20,000 posts stays under `ulimit -n`.
  const bytes = await mapLimit(files, LIMITS.openFiles, (file) => readFile(file));
  const posts: Post[] = [];
  files.forEach((absolute, i) => {
    const decoded = decodeUtf8(bytes[i] ?? Buffer.alloc(0), rel(options, absolute));
    if (decoded.problem) return void problems.push(decoded.problem);
    const post = readPost(rel(options, absolute), decoded.text, options, data, schemaFor, problems);
    if (post) posts.push(post);
  });
  return posts;
}

/**
 * Symbolic links under posts/: a link to a `.md` file is a post (at the
 * link's path); links to folders are not followed, so a link loop cannot
 * hang the build. A `.md` link that cannot be read is an error, any other
 * link a warning.
 */
async function symlinkedPosts(
  entries: readonly { name: string; parentPath: string; isSymbolicLink(): boolean }[],
  options: LoadOptions,
  problems: Problem[],
): Promise<string[]> {
  const files: string[] = [];
  for (const entry of entries.filter((e) => e.isSymbolicLink())) {
    const link = path.join(entry.parentPath, entry.name);
    const isPost = entry.name.endsWith(".md");
    const target = await stat(link).catch((error: NodeJS.ErrnoException) => error.code ?? "unreadable");
    if (typeof target !== "string" && target.isFile()) {
      if (isPost) files.push(link);
      continue;
    }
    const why =
      target === "ELOOP" ? "is a symbolic link loop" :
      typeof target === "string" ? `is a symbolic link to nothing (${target})` :
      "is a symbolic link to a folder, which is not followed";
    problems.push({
      file: rel(options, link),
      field: "(path)",
      message: isPost ? `${why}: the post cannot be read` : `${why}; skipped`,
      severity: isPost ? "error" : "warning",
    });
  }
  return files;
}

/** The front-matter schema of each time zone, made once per zone. */
export function postSchemas(): (zone: string) => ReturnType<typeof postSchema> {
  const schemas = new Map<string, ReturnType<typeof postSchema>>();
  return (zone) => {
    let schema = schemas.get(zone);
    if (!schema) schemas.set(zone, (schema = postSchema(zone)));
    return schema;
  };
}

export function readPost(
  file: string,
  text: string,
  options: LoadOptions,
  data: ArchiveData,
  schemaFor: (zone: string) => ReturnType<typeof postSchema>,
  problems: Problem[],
): Post | undefined {
  const parts = file.split("/").slice(options.postsDir.split("/").filter(Boolean).length);
  const error = (field: string, message: string, line?: number) =>
    problems.push({ file, line, field, message, severity: "error" });
  if (parts.length !== 3) {
    error("(path)", `a post must be at ${options.postsDir}/<blog>/<year>/<slug>.md`);
    return undefined;
  }
  const [blogId, yearFolder, fileName] = parts as [string, string, string];
  const blog = hasId(data.blogs, blogId) ? data.blogs[blogId] : undefined;
  if (!blog) {
    error("(path)", `the folder "${blogId}" is not a blog; ${known(data.blogs, "blogs")}`);
    return undefined;
  }

  const controls = controlCharacterProblems(text, file);
  if (controls.length) return void problems.push(...controls);
  const split = splitFrontMatter(text);
  if (split.frontMatter === null) {
    if (split.unclosed) error("(front matter)", "is not closed: add a line `---` after the front matter (title, date…)", 1);
    else error("(front matter)", "is missing: a post starts with `---`, its front matter (title, date…), and `---`", 1);
    return undefined;
  }
  if (Buffer.byteLength(split.frontMatter) > LIMITS.frontMatterBytes) {
    error("(front matter)", `is ${Math.ceil(Buffer.byteLength(split.frontMatter) / 1024)} KiB; the limit is ${LIMITS.frontMatterBytes / 1024} KiB (is the closing \`---\` missing?)`, 1);
    return undefined;
  }
  const yaml = parseYaml(split.frontMatter, file, split.frontMatterLine);
  problems.push(...yaml.problems);
  if (yaml.value === undefined && yaml.problems.length) return undefined;
  const value = yaml.value ?? {};
  if (typeof value !== "object" || Array.isArray(value)) {
    error("(front matter)", "must be a YAML mapping of keys to values", split.frontMatterLine);
    return undefined;
  }
  const unsafe = valueProblems(value, file, yaml.lineOf);
  if (unsafe.length) return void problems.push(...unsafe);
  for (const key of Object.keys(value)) {
    if (!(POST_KEYS as readonly string[]).includes(key)) {
      const guess = closest(key, POST_KEYS);
      problems.push({
        file,
        line: yaml.lineOf([key]),
        field: key,
        message: `unknown front-matter key, ignored${guess ? ` (did you mean "${guess}"?)` : ""}`,
        severity: "warning",
      });
    }
  }

  const result = schemaFor(blog.timezone ?? data.site.timezone).safeParse(value);
  const authorField = readAuthorField((value as Record<string, unknown>).author, blog.author, data.authors, blogId);
  if (!authorField.ok) {
    for (const problem of authorField.problems) {
      const line = (problem.index !== undefined ? yaml.lineOf(["author", problem.index]) : undefined) ?? yaml.lineOf(Object.hasOwn(value, "author") ? ["author"] : []);
      error(problem.index !== undefined ? `author.${problem.index}` : "author", problem.message, line);
    }
  }
  if (!result.success) {
    problems.push(...zodProblems(result.error, file, yaml));
    return undefined;
  }
  if (!authorField.ok) return undefined;

  const fm = result.data;
  const baseName = fileName.slice(0, -".md".length);
  const slug = slugify(baseName);
  if (!slug) {
    error("(path)", `the file name "${fileName}" gives an empty slug`);
    return undefined;
  }
  if (slug !== baseName) {
    problems.push({ file, field: "(path)", message: `file name is not a slug; the post's URL uses "${slug}"`, severity: "warning" });
  }
  if (String(fm.date.year) !== yearFolder) {
    problems.push({
      file,
      line: yaml.lineOf(["date"]),
      field: "date",
      message: `is in ${fm.date.year} but the post is in the "${yearFolder}" folder`,
      severity: "warning",
    });
  }
  const tags = fm.tags.map((name) => ({ name, slug: slugify(name) })).filter((tag) => tag.slug);
  const tagIssues = tagProblems(tags, file, yaml.lineOf(["tags"]));
  if (tagIssues.length) return void problems.push(...tagIssues);
  const future = futurePost(fm.date, file, yaml.lineOf(["date"]), data.site.future);
  if (future) problems.push(future.problem);
  const month = String(fm.date.month).padStart(2, "0");
  return {
    source: file,
    blog: blogId,
    slug,
    url: `/${blogId}/${fm.date.year}/${month}/${slug}/`,
    title: fm.title,
    date: fm.date,
    updated: fm.updated,
    order: fm.order,
    authors: authorField.ids,
    tags,
    summary: fm.summary,
    aliases: fm.aliases,
    related: fm.related,
    lines: lazyLines(value, yaml.lineOf),
    seeAlso: fm.see_also,
    // A post held back until its date is built like a draft.
    draft: fm.draft || (future?.hold ?? false),
    series: fm.series,
    part: fm.part,
    preserved: split.body.trim().length > 0,
    body: split.body,
    bodyLine: split.bodyLine,
    html: "",
    ...(fm.original_url ? { original: { url: fm.original_url, date: fm.original_date ?? fm.date } } : {}),
  };
}

/**
 * Lines of the front-matter keys, looked up only when a message needs one:
 * finding lines means building YAML's full document model, which valid
 * posts never need.
 */
function lazyLines(value: object, lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined): Partial<Record<string, number>> {
  return new Proxy({} as Partial<Record<string, number>>, {
    get: (_, key) => (typeof key === "string" && Object.hasOwn(value, key) ? lineOf([key]) : undefined),
  });
}

function checkDuplicateUrls(posts: Post[], problems: Problem[]): void {
  const seen = new Map<string, Post>();
  for (const post of posts) {
    const first = seen.get(post.url);
    if (first) {
      problems.push({
        file: post.source,
        field: "(url)",
        message: `${post.url} is also the URL of ${first.source}`,
        severity: "error",
      });
    } else {
      seen.set(post.url, post);
    }
  }
}

/** What the link pass collects: every post by source, who links to whom, links into the site. */
export interface LinkGraph {
  bySource: ReadonlyMap<string, Post>;
  backlinks: Map<string, Set<Post>>;
  /** Target source → linking post's source → the sentence around its first link (src/backlinks). */
  snippets?: Map<string, Map<string, LinkSnippet>>;
  siteLinks: SiteLink[];
  oldAddresses: OldAddresses<Post>;
  /** `file\0href` of the links to old origins already warned about, so each is reported once. */
  oldWarned: Set<string>;
}

/**
 * Render the body once, rewriting links to other posts' `.md` files to their
 * URLs and recording backlinks and root-relative links on the way; the
 * summary falls back to the first paragraph's text.
 */
export function renderPost(post: Post, options: LoadOptions, links: LinkGraph, problems: Problem[], siteUrl: string, comments: CommentIndex): void {
  const md = options.markdown;
  const env: Env & LinkEnv & ExternalLinksEnv & ReplyEnv & NestingEnv & { post: Post } = {
    post,
    siteUrl,
    citeComment: citeCommentIn(post, { index: comments, bySource: links.bySource, includeDrafts: options.includeDrafts, problems }),
    resolveLink(href, lines, context) {
      const target = markdownTarget(href, post.source);
      const old = target === undefined && !links.oldAddresses.empty ? links.oldAddresses.resolve(href) : undefined;
      if (old?.kind === "post") return linkTo(old.target, href, old.suffix, lines, context);
      if (old?.kind === "unclaimed") {
        // A link to the old site that no post claims is reported once per post and address.
        const seen = `${post.source}\0${href}`;
        if (old.origin === undefined || !links.oldWarned.has(seen)) {
          links.oldWarned.add(seen);
          problems.push({ file: post.source, line: lineOfLink(post.body, post.bodyLine, lines, href), field: "(link)", ...unclaimedMessage(href, old) });
        }
        return undefined;
      }
      if (target === undefined) {
        const sitePath = sitePathOf(href, post.url);
        if (sitePath !== undefined) {
          links.siteLinks.push({ source: post.source, line: lineOfLink(post.body, post.bodyLine, lines, href), href: sitePath, ...(sitePath !== href && { written: href }) });
        }
        return undefined;
      }
      const linked = links.bySource.get(target);
      const broken = !linked ? "no such post" : linked.draft && !options.includeDrafts ? "that post is a draft" : undefined;
      if (broken || !linked) {
        problems.push({
          file: post.source,
          line: lineOfLink(post.body, post.bodyLine, lines, href),
          field: "(link)",
          message: `→ ${href}: ${broken ?? "no such post"}`,
          severity: "error",
        });
        return undefined;
      }
      return linkTo(linked, href, splitHref(href).suffix, lines, context);
    },
  };
  /** The link to `linked` (a built post): its URL, and a backlink from this post. */
  function linkTo(linked: Post, href: string, suffix: string, lines: readonly [number, number] | null, context: () => LinkContext): string | undefined {
    if (linked.draft && !options.includeDrafts) {
      problems.push({ file: post.source, line: lineOfLink(post.body, post.bodyLine, lines, href), field: "(link)", message: `→ ${href}: that post is a draft`, severity: "error" });
      return undefined;
    }
    if (linked !== post) {
      let from = links.backlinks.get(linked.source);
      if (!from) links.backlinks.set(linked.source, (from = new Set()));
      from.add(post);
      links.snippets ??= new Map();
      let snippets = links.snippets.get(linked.source);
      if (!snippets) links.snippets.set(linked.source, (snippets = new Map()));
      if (!snippets.has(post.source)) snippets.set(post.source, linkSnippet(context(), { locale: options.locale }));
    }
    return linked.url + suffix;
  }
  const tokens = md.parse(post.body, env);
  const tooDeep = nestingProblem(env, post.source, post.bodyLine);
  if (tooDeep) problems.push(tooDeep);
  // The first paragraph stands in for a summary, cut to a few lines (an
  // author's own `summary` is kept whole).
  if (post.summary === undefined) {
    const first = firstParagraphText(tokens);
    post.summary = first === undefined ? undefined : cutAtWord(first);
  }
  post.html = md.renderer.render(tokens, md.options, env);
}

/** Plain text of the first top-level paragraph, or undefined. */
export function firstParagraphText(tokens: readonly Token[]): string | undefined {
  const open = tokens.findIndex((token) => token.type === "paragraph_open" && token.level === 0);
  const inline = open >= 0 ? tokens[open + 1] : undefined;
  if (!inline?.children) return undefined;
  const text = inline.children
    .map((child) =>
      child.type === "text" || child.type === "code_inline"
        ? child.content
        : child.type === "softbreak" || child.type === "hardbreak"
          ? " "
          : "",
    )
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return text || undefined;
}

/** `related:` entries → posts; a path that names no (built) post is an error. */
function resolvePinned(
  posts: readonly Post[],
  bySource: ReadonlyMap<string, Post>,
  options: LoadOptions,
  problems: Problem[],
): Map<string, Post[]> {
  const pinned = new Map<string, Post[]>();
  for (const post of posts) {
    if (post.related.length === 0) continue;
    const list: Post[] = [];
    post.related.forEach((entry, i) => {
      const target = markdownTarget(entry.endsWith(".md") ? entry : `${entry}.md`, post.source);
      const linked = target === undefined ? undefined : bySource.get(target);
      if (!linked || (linked.draft && !options.includeDrafts)) {
        problems.push({
          file: post.source,
          line: post.lines.related,
          field: `related.${i}`,
          message: `"${entry}" ${linked ? "is a draft" : "is not a post (give the path to its .md file)"}`,
          severity: "error",
        });
      } else if (linked !== post && !list.includes(linked)) {
        list.push(linked);
      }
    });
    pinned.set(post.source, list);
  }
  return pinned;
}

function indexArchive(
  data: ArchiveData,
  posts: Post[],
  links: LinkGraph,
  pinned: ReadonlyMap<string, readonly Post[]>,
  problems: Problem[],
  comments = new CommentIndex(),
): Archive {
  // Lists, indexes and feeds see published posts only; drafts (when built) get a page and nothing else.
  const chronological = posts.filter((post) => !post.draft).sort(comparePosts);
  const blogPosts = new Map<string, Post[]>();
  const blogIndex = new Map<Post, number>();
  const tags = new Map<string, Tag>();
  for (const post of chronological) {
    let list = blogPosts.get(post.blog);
    if (!list) blogPosts.set(post.blog, (list = []));
    blogIndex.set(post, list.length);
    list.push(post);
    for (const tag of post.tags) {
      const first = tags.get(tag.slug);
      if (first) tag.name = first.name;
      else tags.set(tag.slug, { ...tag });
    }
  }
  return {
    ...data,
    posts: chronological.reverse(),
    drafts: posts.filter((post) => post.draft).sort(comparePosts).reverse(),
    draftsLeftOut: 0,
    brokenLinks: [],
    bySource: new Map(posts.map((post) => [post.source, post])),
    byUrl: new Map(posts.map((post) => [post.url, post])),
    blogPosts,
    blogIndex,
    tags,
    pinned,
    backlinks: new Map([...links.backlinks].map(([source, from]) => [source, [...from].filter((post) => !post.draft).sort(comparePosts).reverse()])),
    backlinkSnippets: links.snippets ?? new Map(),
    siteLinks: links.siteLinks,
    oldAddresses: links.oldAddresses,
    warnings: problems.filter((p) => p.severity === "warning"),
    comments,
  };
}
