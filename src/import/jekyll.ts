/**
 * A Jekyll or Octopress site (the folder holding `_posts/` and
 * `_config.yml`) → the import's items: one per file of `_posts/` that is a
 * post (`.md`, `.markdown`, `.html`…), of a category folder's `_posts/`
 * (`blog/_posts/`, its folders' names the post's first categories) and of
 * `_drafts/` (drafts); one per page outside them (`about.md`,
 * `projects/index.html`, src/import/jekyll-pages.ts), the old theme's
 * listings, feeds and "not found" page skipped with their reason; one per
 * collection of `_config.yml` other than posts and authors, skipped. Each is
 * skipped with its reason when it cannot be read (no front matter, front
 * matter no reader takes, no date).
 *
 * A draft or page without a date takes the date of the site's newest post:
 * the same on every import of the same site (never the file's time or the
 * day of the import).
 *
 * A post's body has its kramdown syntax (src/import/kramdown.ts) and its
 * Liquid read (src/import/liquid.ts) and, when it is markdown, is rendered
 * to HTML (footnotes too), so that it takes the path of every other
 * source: sanitised, its links to other posts made cross-links, its images
 * and files brought home. Its old addresses — the permalink the site gave
 * it, its `redirect_from` — become aliases. Authors come from the site's
 * `_data/authors.yml` or `_authors` collection.
 *
 * Nothing outside the site folder is read: a symbolic link that leads out
 * of it is skipped.
 */
import { type Dirent, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import MarkdownItConstructor, { type MarkdownIt } from "markdown-it";
import footnote from "markdown-it-footnote";
import { parse } from "yaml";
import { confine } from "../confine.ts";
import { fromFileName, parseJekyllDate } from "./jekyll-date.ts";
import { readFrontMatter } from "./jekyll-frontmatter.ts";
import { OTHER_OUTPUT_EXTENSIONS, PAGE_EXTENSIONS, notAPage, pageOldPath, readsPagesIn } from "./jekyll-pages.ts";
import { convertKramdown, extractNomarkdown, restoreNomarkdown } from "./kramdown.ts";
import { convertLiquid } from "./liquid.ts";
import { expandPermalink, permalinkPattern } from "./permalink.ts";
import { ToolError } from "./project.ts";
import { type SourceAuthor, type SourceFeed, type SourceItem, emptyFeed } from "./source.ts";

/** The extensions of the files of `_posts/` Jekyll reads as posts. */
const POST_EXTENSIONS = new Set([".md", ".markdown", ".mkd", ".mkdn", ".mdown", ".html", ".htm"]);

/** The origin of a site whose `_config.yml` names no `url`: its posts' addresses are only for cross-links, never written. */
export const NO_ORIGIN = "https://jekyll-site.invalid";

export interface JekyllConfig {
  url: string;
  baseurl: string;
  permalink: string;
  timezone?: string;
  title?: string;
  /** The site's `author` (a name or id), for posts that name none. */
  author?: string;
}

function hasPosts(folder: string): boolean {
  try {
    return statSync(path.join(folder, "_posts")).isDirectory();
  } catch {
    return false;
  }
}

/** A site whose posts are all in category folders (`blog/_posts/`): it has a `_config.yml`. */
function hasCategoryPosts(folder: string): boolean {
  if (!["_config.yml", "_config.yaml"].some((name) => readSiteFile(folder, name) !== undefined)) return false;
  return walkSite(folder).postFolders.some((found) => !found.drafts);
}

/**
 * The folder whose `_posts`, `_authors`, images and files are the site's:
 * `folder` itself, or an Octopress site's `source/` (its `_config.yml` is
 * beside `source/`); undefined when `folder` is neither.
 */
export function siteSource(folder: string): string | undefined {
  if (hasPosts(folder)) return folder;
  const source = path.join(folder, "source");
  // Octopress: the posts are in source/_posts, a folder of the site itself.
  if (hasPosts(source) && !(confine(folder, "source/_posts") instanceof Error)) return source;
  return hasCategoryPosts(folder) ? folder : undefined;
}

/** Whether `folder` is a Jekyll site (has a `_posts` folder, or an Octopress `source/_posts`). */
export function isJekyllSite(folder: string): boolean {
  return siteSource(folder) !== undefined;
}

export function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

/** A list of names as Jekyll reads it: a list, or a string split on spaces (`split` true) or one name. */
export function nameList(value: unknown, split = true): string[] {
  if (Array.isArray(value)) return value.map(text).filter((v): v is string => v !== undefined);
  const one = text(value);
  if (one === undefined) return [];
  return split ? one.split(/\s+/).filter(Boolean) : [one];
}

/** `_config.yml`'s values the import uses. */
export function readConfig(data: Record<string, unknown>): JekyllConfig {
  const url = (text(data.url) ?? "").replace(/\/+$/, "");
  let baseurl = (text(data.baseurl) ?? "").replace(/\/+$/, "");
  if (baseurl && !baseurl.startsWith("/")) baseurl = `/${baseurl}`;
  const author = data.author && typeof data.author === "object" && !Array.isArray(data.author) ? text((data.author as Record<string, unknown>).name) : text(data.author);
  return {
    url,
    baseurl,
    permalink: permalinkPattern(text(data.permalink)),
    timezone: text(data.timezone),
    title: text(data.title),
    ...(author !== undefined ? { author } : {}),
  };
}

/** `my-first-post` → `My First Post`, as Jekyll titles a post without one. */
export function titleFromSlug(slug: string): string {
  return slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

export function readSiteFile(site: string, relative: string): string | undefined {
  const file = confine(site, relative);
  if (file instanceof Error) return undefined;
  try {
    return statSync(file).isFile() ? readFileSync(file, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

/** A content file of the site as text, or why it could not be read (an item's reason to be skipped). */
export function readContentFile(site: string, relative: string): { text: string } | { unreadable: string } {
  try {
    return { text: readFileSync(path.join(site, relative), "utf8") };
  } catch (error) {
    return { unreadable: `unreadable file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

/** The files below `relative` (confined to the site), depth first, in name order; `refused` collects the links that lead out of it. */
export function filesUnder(site: string, relative: string, refused: string[] = []): string[] {
  const out: string[] = [];
  const folder = confine(site, relative);
  if (folder instanceof Error) return out;
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = `${relative}/${entry.name}`;
    if (entry.name.startsWith(".")) continue;
    // A link is followed only when it stays in the site.
    if (confine(site, child) instanceof Error) {
      refused.push(child);
      continue;
    }
    let stat;
    try {
      stat = statSync(path.join(site, child));
    } catch {
      continue;
    }
    if (stat.isDirectory()) out.push(...filesUnder(site, child, refused));
    else if (stat.isFile()) out.push(child);
  }
  return out;
}

/** The site's authors, by id: `_data/authors.yml` (or .yaml, .json), then the `_authors` collection. */
export function readSiteAuthors(site: string): Map<string, string> {
  const authors = new Map<string, string>();
  const nameOf = (id: string, value: unknown): string => {
    if (value && typeof value === "object") {
      const entry = value as Record<string, unknown>;
      return text(entry.display_name) ?? text(entry.name) ?? text(entry.title) ?? text(entry.fullname) ?? id;
    }
    return text(value) ?? id;
  };
  for (const name of ["_data/authors.yml", "_data/authors.yaml", "_data/authors.json"]) {
    const source = readSiteFile(site, name);
    if (source === undefined) continue;
    try {
      const data: unknown = parse(source, { schema: "core" });
      if (data && typeof data === "object" && !Array.isArray(data)) {
        for (const [id, value] of Object.entries(data)) authors.set(id, nameOf(id, value));
      } else if (Array.isArray(data)) {
        for (const value of data) {
          const id = value && typeof value === "object" ? text((value as Record<string, unknown>).id ?? (value as Record<string, unknown>).short_name) : undefined;
          if (id) authors.set(id, nameOf(id, value));
        }
      }
    } catch {
      // An unreadable data file names no authors; the posts' names are used as they are.
    }
    break;
  }
  for (const file of filesUnder(site, "_authors")) {
    const source = readSiteFile(site, file);
    if (source === undefined) continue;
    const front = readFrontMatter(source);
    if (!front.ok) continue;
    const stem = path.posix.basename(file).replace(/\.[^.]+$/, "");
    const id = text(front.data.short_name) ?? text(front.data.id) ?? stem;
    if (!authors.has(id)) authors.set(id, nameOf(id, front.data));
  }
  return authors;
}

let md: MarkdownIt | undefined;

/** Markdown → HTML as Jekyll's kramdown would give it: raw HTML kept (sanitised later with every body), footnotes (`[^1]`) drawn. */
export function markdownToHtml(markdown: string): string {
  md ??= new MarkdownItConstructor({ html: true, linkify: false, typographer: false }).use(footnote);
  return md.render(markdown);
}

/** A folder of posts: `_posts` or `_drafts`, at the site's top or in a category folder (`blog/_posts`), with the categories its place gives. */
export interface PostFolder {
  folder: string;
  categories: string[];
  drafts: boolean;
}

/** What the site holds outside its `_`-folders: the folders of posts, the files that may be pages, the links that lead out of it. */
export interface SiteFiles {
  postFolders: PostFolder[];
  pageFiles: string[];
  refused: string[];
}

/** The site's folders of posts and its candidate pages, walking every folder Jekyll reads (see `readsPagesIn`), in name order. */
export function walkSite(site: string, exclude: readonly string[] = [], include: readonly string[] = []): SiteFiles {
  const found: SiteFiles = { postFolders: [], pageFiles: [], refused: [] };
  const walk = (relative: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(relative ? path.join(site, relative) : site, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith(".")) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      const categories = relative ? relative.split("/") : [];
      const isPosts = entry.name === "_posts" || entry.name === "_drafts";
      // A file that can be no page is passed by without a look (a folder of images).
      if (entry.isFile() && !PAGE_EXTENSIONS.has(path.posix.extname(entry.name).toLowerCase()) && !OTHER_OUTPUT_EXTENSIONS.has(path.posix.extname(entry.name).toLowerCase())) continue;
      if (!isPosts && !readsPagesIn(child, exclude, include)) continue;
      if (confine(site, child) instanceof Error) {
        if (!isPosts && PAGE_EXTENSIONS.has(path.posix.extname(child).toLowerCase())) found.refused.push(child);
        continue;
      }
      let stat;
      try {
        stat = statSync(path.join(site, child));
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (isPosts) found.postFolders.push({ folder: child, categories, drafts: entry.name === "_drafts" });
        else walk(child);
      } else if (stat.isFile()) {
        const ext = path.posix.extname(child).toLowerCase();
        if (PAGE_EXTENSIONS.has(ext) || OTHER_OUTPUT_EXTENSIONS.has(ext)) found.pageFiles.push(child);
      }
    }
  };
  walk("");
  return found;
}

/** `_config.yml`'s `collections` (a list or a map) → each collection's name and whether Jekyll wrote its documents as pages (`output: true`). */
export function readCollections(value: unknown): { name: string; output: boolean }[] {
  if (Array.isArray(value)) return value.map(text).filter((name): name is string => name !== undefined).map((name) => ({ name, output: false }));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value as Record<string, unknown>).map(([name, settings]) => ({
    name,
    output: !!settings && typeof settings === "object" && ((settings as Record<string, unknown>).output === true || text((settings as Record<string, unknown>).output) === "true"),
  }));
}

/** A post or page of the site on its first reading: its front matter and where it lived. */
interface Reading {
  file: string;
  name: string;
  item: SourceItem;
  body?: string;
  bodyLine: number;
  format: "markdown" | "html";
  /** A file of `_drafts/` without a date: dated once every post is read. */
  undated?: { categories: string[]; own?: string };
}

function newItem(key: string, kind: SourceItem["kind"], file: string, slug: string): SourceItem {
  return { key, legacyKeys: [], kind, title: "", date: { error: "has no date" }, creators: [], categories: [], html: "", draft: false, comments: [], embeds: [], file, slug, warnings: [] };
}

const formatOf = (file: string): Reading["format"] => (/\.html?$/i.test(file) ? "html" : "markdown");

/** The site at `folder` (absolute; `shown` names it in messages) → its items. */
export function readJekyllSite(folder: string, shown: string): SourceFeed {
  const root = folder;
  const source = siteSource(root);
  if (source === undefined) throw new ToolError(`${shown}: not a Jekyll site (no _posts folder); nothing was imported`);
  const siteDir: string = source;
  const configText = readSiteFile(root, "_config.yml") ?? readSiteFile(root, "_config.yaml") ?? readSiteFile(source, "_config.yml");
  let configData: Record<string, unknown> = {};
  if (configText !== undefined) {
    const front = readFrontMatter(`---\n${configText.replace(/^---[ \t]*\r?\n/, "").replace(/^(?:---|\.\.\.)[ \t]*$[\s\S]*/m, "")}\n---\n`);
    if (!front.ok) throw new ToolError(`${shown}/_config.yml${"line" in front && front.line ? `:${front.line - 1}` : ""}: ${"message" in front ? front.message : "unreadable"}; nothing was imported`);
    configData = front.data;
  }
  const config = readConfig(configData);
  const origin = config.url || NO_ORIGIN;
  const site = `${origin}${config.baseurl}`;
  const feed = emptyFeed("jekyll", config.title, config.url ? `${site}/` : undefined);
  // The site's own images and files are found in its folder.
  feed.mediaFolder = source;
  const siteAuthors = readSiteAuthors(source);
  const used = new Map<string, SourceAuthor>();
  const prefix = source === root ? "" : "source/";
  const walked = walkSite(source, nameList(configData.exclude, false), nameList(configData.include, false));

  const readings: Reading[] = [];
  const byName = new Map<string, string>();
  const pageByPath = new Map<string, string>();
  /** The newest date of the site's posts, for the drafts that have none. */
  let newest: { value: string; millis: number } | undefined;

  const authorsOf = (item: SourceItem, data: Record<string, unknown>): void => {
    const named = [...nameList(data.author, false), ...nameList(data.authors, false)];
    const logins = named.length ? named : config.author !== undefined ? [config.author] : [];
    item.logins = logins.filter((login, i) => logins.indexOf(login) === i);
    for (const login of item.logins) if (!used.has(login)) used.set(login, { login, name: siteAuthors.get(login) ?? login });
    item.creators = item.logins.map((login) => siteAuthors.get(login) ?? login);
  };

  for (const { folder: postsFolder, categories: folderCategories, drafts: isDrafts } of walked.postFolders) {
    const refused: string[] = [];
    const files = filesUnder(source, postsFolder, refused);
    for (const file of [...files, ...refused].sort()) {
      const ext = path.posix.extname(file).toLowerCase();
      if (!POST_EXTENSIONS.has(ext)) continue;
      const name = path.posix.basename(file, path.posix.extname(file));
      const fromName = fromFileName(path.posix.basename(file));
      const slug = fromName?.slug ?? name;
      const item = newItem(`jekyll:${file}`, "post", `${shown}/${prefix}${file}`, slug);
      const reading: Reading = { file, name, item, bodyLine: 1, format: formatOf(file) };
      readings.push(reading);
      if (refused.includes(file)) {
        item.title = titleFromSlug(slug);
        item.skip = "a symbolic link leading out of the site: not read";
        continue;
      }
      const read = readContentFile(source, file);
      if ("unreadable" in read) {
        item.skip = read.unreadable;
        continue;
      }
      const content = read.text;
      const front = readFrontMatter(content);
      if (!front.ok) {
        item.title = titleFromSlug(slug);
        item.skip = "none" in front ? "no front matter (Jekyll copies such a file as it is, not as a post)" : `unreadable front matter: ${prefix}${file}${front.line ? `:${front.line}` : ""}: ${front.message}`;
        continue;
      }
      if (front.mended) item.warnings?.push(`front matter: strict YAML refuses it (${front.mended}); read as Jekyll reads it`);
      const data = front.data;
      reading.body = front.body;
      reading.bodyLine = front.bodyLine;
      const ownSlug = text(data.slug);
      if (ownSlug) item.slug = ownSlug;
      const title = text(data.title);
      if (title) item.title = title;
      else {
        item.title = titleFromSlug(slug);
        item.warnings?.push(`title: the post has none; written as "${item.title}", from its file name`);
      }
      // Categories first (the folders above _posts/, then the front matter's), then tags, as the other sources give them.
      const categories = [...folderCategories, ...nameList(data.categories), ...nameList(data.category, false)];
      item.categories = [...categories, ...nameList(data.tags), ...nameList(data.tag, false)];
      authorsOf(item, data);
      if (isDrafts || data.published === false || text(data.published) === "false") item.draft = true;
      const excerpt = text(data.excerpt) ?? text(data.description);
      if (excerpt) item.excerptHtml = reading.format === "markdown" ? markdownToHtml(excerpt) : excerpt;
      const own = text(data.permalink);
      // The date: the front matter's, else the file name's; a draft without either is dated below.
      const written = text(data.date);
      let day: string | undefined;
      let time: string | undefined;
      if (written !== undefined) {
        const parsed = parseJekyllDate(written, config.timezone);
        if (!parsed.ok) {
          item.date = { error: parsed.message };
          item.skip = `unreadable date: ${parsed.message}`;
          continue;
        }
        item.date = { value: parsed.value };
        day = parsed.day;
        time = /T(\d{2}:\d{2}:\d{2})/.exec(parsed.value)?.[1];
        if (fromName && fromName.date !== parsed.day) {
          item.warnings?.push(`date: the front matter says ${parsed.day}, the file name ${fromName.date}; the front matter's is kept`);
        }
      } else if (fromName) {
        const parsed = parseJekyllDate(fromName.date, config.timezone);
        if (!parsed.ok) {
          item.skip = `unreadable date: the file name's ${parsed.message}`;
          continue;
        }
        item.date = { value: parsed.value };
        day = parsed.day;
      } else if (isDrafts) {
        reading.undated = { categories, ...(own !== undefined ? { own } : {}) };
        continue;
      } else {
        item.skip = "no date (neither in the front matter nor in the file name, YYYY-MM-DD-slug)";
        continue;
      }
      if (!isDrafts) {
        // Compared as UTC when the date has no offset, so that the newest is the same on every machine.
        const value = item.date.value;
        const millis = Date.parse(/T/.test(value) ? (/(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`) : `${value}T00:00:00Z`);
        if (!Number.isNaN(millis) && (newest === undefined || millis > newest.millis)) newest = { value: item.date.value, millis };
      }
      // Where Jekyll published it; a draft never was, so its address is only the base of its relative links.
      const oldPath = expandPermalink(own ?? config.permalink, { day: day ?? "", time, slug: item.slug ?? slug, categories, title: item.title });
      item.base = `${site}${oldPath}`;
      if (isDrafts) continue;
      item.link = item.base;
      if (!config.url) item.noOriginal = true;
      item.aliases = nameList(data.redirect_from, false).map((alias) => (/^https?:\/\//i.test(alias) ? alias : `${config.baseurl}${alias.startsWith("/") ? "" : "/"}${alias}`));
      byName.set(name, item.link);
      byName.set(name.toLowerCase(), item.link);
    }
  }

  // A draft without a date: the newest post's, so that it comes last, as a post being written, and stays the same on every import of the site.
  for (const reading of readings) {
    if (!reading.undated) continue;
    const { item } = reading;
    if (!newest) {
      item.skip = "no date (a draft without a date in a site without dated posts)";
      continue;
    }
    item.date = { value: newest.value };
    item.warnings?.push(`date: the draft has none; written as ${newest.value}, the date of the site's newest post`);
    const day = newest.value.slice(0, 10);
    const time = /T(\d{2}:\d{2}:\d{2})/.exec(newest.value)?.[1];
    item.base = `${site}${expandPermalink(reading.undated.own ?? config.permalink, { day, time, slug: item.slug ?? reading.name, categories: reading.undated.categories, title: item.title })}`;
  }

  // The pages, dated (when their front matter is not) like the drafts.
  for (const file of [...walked.pageFiles, ...walked.refused].sort()) {
    const readPage = readSitePage(file, walked.refused.includes(file));
    if (readPage) readings.push(readPage);
  }

  // The collections other than posts and authors: one line each.
  for (const { name, output } of readCollections(configData.collections)) {
    if (name === "posts" || name === "drafts" || name === "authors") continue;
    const documents = filesUnder(source, `_${name}`).filter((file) => PAGE_EXTENSIONS.has(path.posix.extname(file).toLowerCase())).length;
    if (!documents) continue;
    const item = newItem(`jekyll:collection:${name}`, "page", `${shown}/${prefix}_${name}`, name);
    item.sourceKind = "collection";
    item.title = `_${name}`;
    item.skip = output
      ? `a collection (_${name}/, ${documents} ${documents === 1 ? "document" : "documents"}, output: true): not imported; copy its documents into posts/<blog>/pages/ to keep them`
      : `a collection not published by the old site (_${name}/, output: false)`;
    readings.push({ file: `_${name}`, name, item, bodyLine: 1, format: "markdown" });
  }

  // The bodies, once every post's and page's old address is known.
  for (const reading of readings) {
    const { item } = reading;
    feed.items.push(item);
    const body = reading.body;
    if (item.skip || body === undefined) continue;
    try {
      readBody(reading, body, item);
    } catch (error) {
      // One post that cannot be read never stops the others.
      item.skip = `unreadable body: ${(error as Error).message}`;
    }
  }
  feed.authors = [...used.values()];
  return feed;

  function readSitePage(file: string, refused: boolean): Reading | undefined {
    const ext = path.posix.extname(file);
    const name = path.posix.basename(file, ext);
    const folderName = path.posix.dirname(file);
    const segments = (name === "index" ? folderName : `${folderName}/${name}`).split("/").filter((part) => part && part !== ".");
    const item = newItem(`jekyll:${file}`, "page", `${shown}/${prefix}${file}`, segments.join("-") || name);
    const reading: Reading = { file, name, item, bodyLine: 1, format: formatOf(file) };
    if (refused) {
      item.title = titleFromSlug(item.slug ?? name);
      item.skip = "a symbolic link leading out of the site: not read";
      return reading;
    }
    const read = readContentFile(siteDir, file);
    if ("unreadable" in read) {
      item.skip = read.unreadable;
      return reading;
    }
    const content = read.text;
    const front = readFrontMatter(content);
    // Without front matter, Jekyll copies the file as it is: no page, and nothing to report.
    if (!front.ok && "none" in front) return undefined;
    if (!front.ok) {
      item.title = titleFromSlug(item.slug ?? name);
      item.skip = `unreadable front matter: ${prefix}${file}${front.line ? `:${front.line}` : ""}: ${front.message}`;
      return reading;
    }
    if (front.mended) item.warnings?.push(`front matter: strict YAML refuses it (${front.mended}); read as Jekyll reads it`);
    const data = front.data;
    const oldPath = pageOldPath(file, text(data.permalink), config.permalink);
    item.title = text(data.title) ?? titleFromSlug(segments.at(-1) ?? name);
    const reason = notAPage({ relative: `${prefix}${file}`, data, body: front.body, bodyLine: front.bodyLine, oldPath });
    if (reason) {
      item.skip = reason;
      return reading;
    }
    if (!text(data.title)) item.warnings?.push(`title: the page has none; written as "${item.title}", from its file name`);
    reading.body = front.body;
    reading.bodyLine = front.bodyLine;
    const ownSlug = text(data.slug);
    if (ownSlug) item.slug = ownSlug;
    authorsOf(item, data);
    if (data.published === false || text(data.published) === "false") item.draft = true;
    const excerpt = text(data.excerpt) ?? text(data.description);
    if (excerpt) item.excerptHtml = reading.format === "markdown" ? markdownToHtml(excerpt) : excerpt;
    const written = text(data.date) ?? text(data.last_modified_at);
    const parsed = written !== undefined ? parseJekyllDate(written, config.timezone) : undefined;
    if (parsed?.ok) item.date = { value: parsed.value };
    else if (parsed && !parsed.ok) {
      item.date = { error: parsed.message };
      item.skip = `unreadable date: ${parsed.message}`;
      return reading;
    } else if (newest) {
      item.date = { value: newest.value };
    } else {
      item.skip = "no date (a page without a date in a site without dated posts)";
      return reading;
    }
    item.link = `${site}${oldPath}`;
    item.base = item.link;
    if (!config.url) item.noOriginal = true;
    item.aliases = nameList(data.redirect_from, false).map((alias) => (/^https?:\/\//i.test(alias) ? alias : `${config.baseurl}${alias.startsWith("/") ? "" : "/"}${alias}`));
    pageByPath.set(file, item.link);
    return reading;
  }

  function readBody(reading: Reading, body: string, item: SourceItem): void {
    // kramdown's own syntax first, on the file's own lines; then the Liquid.
    const kramdown = reading.format === "markdown" ? convertKramdown(body, reading.bodyLine) : { text: body, removed: [] };
    const liquid = convertLiquid(kramdown.text, {
      format: reading.format,
      url: config.url,
      baseurl: config.baseurl,
      // `{% post_url 2010-07-21-name %}`, or with the subfolder of _posts it is in (`news/2010-07-21-name`).
      postUrl: (name) => {
        const base = name.slice(name.lastIndexOf("/") + 1).replace(/\.(?:md|markdown|mkd|mkdn|mdown|html?)$/i, "");
        return byName.get(base) ?? byName.get(base.toLowerCase());
      },
      pageUrl: (file) => pageByPath.get(file),
      firstLine: reading.bodyLine,
    });
    item.liquid = [...kramdown.removed, ...liquid.removed].sort((a, b) => a.line - b.line);
    if (reading.format === "html") {
      item.html = liquid.text;
      return;
    }
    const { text: markdown, blocks } = extractNomarkdown(liquid.text);
    item.html = restoreNomarkdown(markdownToHtml(markdown), blocks);
  }
}
