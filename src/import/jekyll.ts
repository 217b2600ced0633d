/**
 * A Jekyll or Octopress site (the folder holding `_posts/` and
 * `_config.yml`) → the import's items: one per file of `_posts/` that is a
 * post (`.md`, `.markdown`, `.html`…), each skipped with its reason when it
 * cannot be read (no front matter, front matter no reader takes, no date).
 *
 * A post's body has its Liquid read (src/import/liquid.ts) and, when it is
 * markdown, is rendered to HTML, so that it takes the path of every other
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
import { parse } from "yaml";
import { confine } from "../confine.ts";
import { fromFileName, parseJekyllDate } from "./jekyll-date.ts";
import { readFrontMatter } from "./jekyll-frontmatter.ts";
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

/**
 * The folder whose `_posts`, `_authors`, images and files are the site's:
 * `folder` itself, or an Octopress site's `source/` (its `_config.yml` is
 * beside `source/`); undefined when `folder` is neither.
 */
export function siteSource(folder: string): string | undefined {
  if (hasPosts(folder)) return folder;
  const source = path.join(folder, "source");
  // Octopress: the posts are in source/_posts, a folder of the site itself.
  return hasPosts(source) && !(confine(folder, "source/_posts") instanceof Error) ? source : undefined;
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

/**
 * Markdown without kramdown's attribute lists (`{: .note}`, `{:toc}`, a
 * trailing `{: #id}`), which only kramdown reads: left in, they would show as
 * text. Code blocks (fenced or indented) are kept as they are.
 */
export function withoutKramdownAttributes(markdown: string): string {
  let fence: string | undefined;
  const out: string[] = [];
  for (const line of markdown.split("\n")) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      out.push(line);
      continue;
    }
    if (marker) {
      fence = marker;
      out.push(line);
      continue;
    }
    if (/^(?: {4}|\t)/.test(line)) {
      out.push(line);
      continue;
    }
    if (/^\s*\{:[^}\n]*\}\s*$/.test(line)) continue;
    out.push(line.replace(/\s*\{:\s*[.#][^}\n]*\}\s*$/, ""));
  }
  return out.join("\n");
}

let md: MarkdownIt | undefined;

/** Markdown → HTML as Jekyll's markdown would give it (raw HTML kept; sanitised later with every body). */
export function markdownToHtml(markdown: string): string {
  md ??= new MarkdownItConstructor({ html: true, linkify: false, typographer: false });
  return md.render(markdown);
}

/** A post of the site on its first reading: its front matter and where it lived. */
interface Draft {
  file: string;
  name: string;
  item: SourceItem;
  body?: string;
  bodyLine: number;
  format: "markdown" | "html";
}

/** The site at `folder` (absolute; `shown` names it in messages) → its items. */
export function readJekyllSite(folder: string, shown: string): SourceFeed {
  const root = folder;
  const source = siteSource(root);
  if (source === undefined) throw new ToolError(`${shown}: not a Jekyll site (no _posts folder); nothing was imported`);
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

  const drafts: Draft[] = [];
  const byName = new Map<string, string>();
  const refused: string[] = [];
  const files = filesUnder(source, "_posts", refused);
  const prefix = source === root ? "" : "source/";
  for (const file of [...files, ...refused].sort()) {
    const ext = path.posix.extname(file).toLowerCase();
    if (!POST_EXTENSIONS.has(ext)) continue;
    const name = path.posix.basename(file, path.posix.extname(file));
    const fromName = fromFileName(path.posix.basename(file));
    const slug = fromName?.slug ?? name;
    const item: SourceItem = {
      key: `jekyll:${file}`,
      legacyKeys: [],
      kind: "post",
      title: "",
      date: { error: "has no date" },
      creators: [],
      categories: [],
      html: "",
      draft: false,
      comments: [],
      embeds: [],
      file: `${shown}/${prefix}${file}`,
      slug,
      warnings: [],
    };
    const draft: Draft = { file, name, item, bodyLine: 1, format: ext === ".html" || ext === ".htm" ? "html" : "markdown" };
    drafts.push(draft);
    if (refused.includes(file)) {
      item.title = titleFromSlug(slug);
      item.skip = "a symbolic link leading out of the site: not read";
      continue;
    }
    let content: string;
    try {
      content = readFileSync(path.join(source, file), "utf8");
    } catch (error) {
      item.skip = `unreadable file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      continue;
    }
    const front = readFrontMatter(content);
    if (!front.ok) {
      item.title = titleFromSlug(slug);
      item.skip = "none" in front ? "no front matter (Jekyll copies such a file as it is, not as a post)" : `unreadable front matter: ${prefix}${file}${front.line ? `:${front.line}` : ""}: ${front.message}`;
      continue;
    }
    if (front.mended) item.warnings?.push(`front matter: strict YAML refuses it (${front.mended}); read as Jekyll reads it`);
    const data = front.data;
    draft.body = front.body;
    draft.bodyLine = front.bodyLine;
    const ownSlug = text(data.slug);
    if (ownSlug) item.slug = ownSlug;
    const title = text(data.title);
    if (title) item.title = title;
    else {
      item.title = titleFromSlug(slug);
      item.warnings?.push(`title: the post has none; written as "${item.title}", from its file name`);
    }
    // The date: the front matter's, else the file name's.
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
    } else {
      item.skip = "no date (neither in the front matter nor in the file name, YYYY-MM-DD-slug)";
      continue;
    }
    // Categories first, then tags, as the other sources give them.
    const categories = [...nameList(data.categories), ...nameList(data.category, false)];
    item.categories = [...categories, ...nameList(data.tags), ...nameList(data.tag, false)];
    const named = [...nameList(data.author, false), ...nameList(data.authors, false)];
    const logins = named.length ? named : config.author !== undefined ? [config.author] : [];
    item.logins = logins.filter((login, i) => logins.indexOf(login) === i);
    for (const login of item.logins) if (!used.has(login)) used.set(login, { login, name: siteAuthors.get(login) ?? login });
    item.creators = item.logins.map((login) => siteAuthors.get(login) ?? login);
    if (data.published === false || text(data.published) === "false") item.draft = true;
    const excerpt = text(data.excerpt) ?? text(data.description);
    if (excerpt) item.excerptHtml = draft.format === "markdown" ? markdownToHtml(excerpt) : excerpt;
    // Where Jekyll published it.
    const own = text(data.permalink);
    const oldPath = expandPermalink(own ?? config.permalink, { day: day ?? "", time, slug: item.slug ?? slug, categories, title: item.title });
    item.link = `${site}${oldPath}`;
    item.base = item.link;
    if (!config.url) item.noOriginal = true;
    item.aliases = nameList(data.redirect_from, false).map((alias) => (/^https?:\/\//i.test(alias) ? alias : `${config.baseurl}${alias.startsWith("/") ? "" : "/"}${alias}`));
    byName.set(name, item.link);
    byName.set(name.toLowerCase(), item.link);
  }

  // The bodies, once every post's old address is known.
  for (const draft of drafts) {
    const { item } = draft;
    feed.items.push(item);
    const body = draft.body;
    if (item.skip || body === undefined) continue;
    try {
      readBody(draft, body, item);
    } catch (error) {
      // One post that cannot be read never stops the others.
      item.skip = `unreadable body: ${(error as Error).message}`;
    }
  }
  feed.authors = [...used.values()];
  return feed;

  function readBody(draft: Draft, body: string, item: SourceItem): void {
    const liquid = convertLiquid(body, {
      format: draft.format,
      url: config.url,
      baseurl: config.baseurl,
      // `{% post_url 2010-07-21-name %}`, or with the subfolder of _posts it is in (`news/2010-07-21-name`).
      postUrl: (name) => {
        const base = name.slice(name.lastIndexOf("/") + 1).replace(/\.(?:md|markdown|mkd|mkdn|mdown|html?)$/i, "");
        return byName.get(base) ?? byName.get(base.toLowerCase());
      },
      firstLine: draft.bodyLine,
    });
    item.liquid = liquid.removed;
    item.html = draft.format === "markdown" ? markdownToHtml(withoutKramdownAttributes(liquid.text)) : liquid.text;
  }
}
