/**
 * A Hugo site (the folder holding `content/` and `hugo.toml`, `config.toml`,
 * their YAML or JSON forms, or `config/_default/`) → the import's items: one
 * per regular page of a section of `content/` (`content/posts/x.md`, or a
 * page bundle, `content/posts/x/index.md` with its images beside it), each
 * skipped with its reason when it is no post (a section's `_index.md`, a
 * page outside any section, a headless bundle, a page Hugo never renders,
 * one whose `expiryDate` has passed)
 * or cannot be read (front matter no reader takes, no date).
 *
 * A post's body has its shortcodes read (src/import/hugo-shortcodes.ts)
 * and, when it is markdown, is rendered to HTML, so that it takes the path
 * of every other source: sanitised, its links to other posts made
 * cross-links, its images and files brought home — a bundle's own files
 * from the bundle, root-relative ones (`/images/x.png`) from `static/`. Its
 * old addresses — the permalink the site gave it, its `url` and `aliases` —
 * become aliases.
 *
 * Nothing outside the site folder is read: a symbolic link that leads out
 * of it is skipped.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { confine } from "../confine.ts";
import { sameFileKey } from "../media/store.ts";
import { htmlToText } from "./html.ts";
import { readHugoFrontMatter, lowerKeys } from "./hugo-frontmatter.ts";
import { defaultHugoPath, expandHugoPermalink } from "./hugo-permalink.ts";
import { convertShortcodes } from "./hugo-shortcodes.ts";
import { fromFileName, parseJekyllDate } from "./jekyll-date.ts";
import { filesUnder, markdownToHtml, nameList, readContentFile, readSiteFile, text, titleFromSlug } from "./jekyll.ts";
import { ToolError } from "./project.ts";
import { type SourceAuthor, type SourceFeed, type SourceItem, emptyFeed } from "./source.ts";

/** The names of a site's configuration file, in the order Hugo looks for them. */
export const HUGO_CONFIG_FILES = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"];

/** The extensions of the content files the import reads (markdown, HTML). */
const MARKDOWN_EXTENSIONS = new Set([".md", ".markdown", ".mdown", ".mkd", ".mkdn"]);
const HTML_EXTENSIONS = new Set([".html", ".htm"]);
/** Content Hugo reads through external tools: pages of the site, not read here. */
const OTHER_CONTENT = new Set([".adoc", ".asciidoc", ".ad", ".org", ".rst", ".pandoc", ".pdc"]);

/** The origin of a site whose configuration names no `baseURL`: its posts' addresses are only for cross-links, never written. */
export const NO_HUGO_ORIGIN = "https://hugo-site.invalid";

export interface HugoConfig {
  /** `baseURL`'s origin (`https://example.org`), "" when none. */
  origin: string;
  /** `baseURL`'s path without its closing slash (`/blog`), "" at the root. */
  basePath: string;
  title?: string;
  timeZone?: string;
  /** The permalink pattern of each section, by section name in lower case. */
  permalinks: Record<string, string>;
  /** The front matter keys of the site's taxonomies (plural: `tags`, `categories`, `series`). */
  taxonomies: string[];
  contentDir: string;
  staticDirs: string[];
  uglyURLs: boolean;
  /** The site's author (a name or id), for posts that name none. */
  author?: string;
  /** The site's `params`, keys in lower case. */
  params: Record<string, unknown>;
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** The site's configuration file (relative), or `config/_default` when only that folder holds it; undefined when there is none. */
export function hugoConfigFile(folder: string): string | undefined {
  for (const name of HUGO_CONFIG_FILES) {
    const file = confine(folder, name);
    if (!(file instanceof Error) && readSiteFile(folder, name) !== undefined) return name;
  }
  return isFolder(path.join(folder, "config", "_default")) && !(confine(folder, "config/_default") instanceof Error) ? "config/_default" : undefined;
}

/** Whether `folder` is a Hugo site: a `content/` folder and a configuration file. */
export function isHugoSite(folder: string): boolean {
  return isFolder(path.join(folder, "content")) && hugoConfigFile(folder) !== undefined;
}

/** A configuration or data file's text → its values, by the file's extension; an `Error` naming the line when it cannot be read. */
export function parseDataText(source: string, name: string): Record<string, unknown> | Error {
  const ext = path.posix.extname(name).toLowerCase();
  try {
    let value: unknown;
    if (ext === ".toml") value = parseToml(source);
    else if (ext === ".json") value = JSON.parse(source);
    else value = parseYaml(source, { schema: "core", prettyErrors: true });
    if (value === null || value === undefined) return {};
    if (typeof value !== "object" || Array.isArray(value)) return new Error("not a list of keys and values");
    return value as Record<string, unknown>;
  } catch (error) {
    const line = (error as { line?: number }).line ?? (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return new Error(`${line !== undefined ? `line ${line}: ` : ""}${((error as Error).message.split("\n")[0] ?? "").replace(/:\s*$/, "")}`);
  }
}

/** The site's configuration: its file, and the files of `config/_default/` (`params.toml` is the `params` key), keys in lower case. */
export function readHugoConfigData(site: string, shown: string): Record<string, unknown> {
  const merged: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const take = (name: string, key?: string) => {
    const source = readSiteFile(site, name);
    if (source === undefined) return false;
    const data = parseDataText(source, name);
    if (data instanceof Error) throw new ToolError(`${shown}/${name}: ${data.message}; nothing was imported`);
    const values = lowerKeys(key ? { [key]: data } : data);
    for (const [k, v] of Object.entries(values)) if (!Object.hasOwn(merged, k)) merged[k] = v;
    return true;
  };
  for (const name of HUGO_CONFIG_FILES) if (take(name)) break;
  if (isFolder(path.join(site, "config", "_default"))) {
    const files = filesUnder(site, "config/_default").filter((file) => file.split("/").length === 3);
    for (const file of files) {
      const base = path.posix.basename(file);
      const [stem = "", ...rest] = base.split(".");
      // `menus.en.toml` and the like are a language's: not read.
      if (rest.length !== 1 || !/^(?:toml|ya?ml|json)$/i.test(rest[0] ?? "")) continue;
      take(file, stem === "hugo" || stem === "config" ? undefined : stem);
    }
  }
  return merged;
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? lowerKeys(value as Record<string, unknown>) : {});

/** A name given as a string or as `{ name = "…" }`. */
function personName(value: unknown): string | undefined {
  if (value && typeof value === "object" && !Array.isArray(value)) return text(record(value).name);
  return text(value);
}

/** The configuration's values the import uses. */
export function readHugoConfig(data: Record<string, unknown>): HugoConfig {
  const base = text(data.baseurl) ?? "";
  let origin = "";
  let basePath = "";
  try {
    const url = new URL(base);
    if (/^https?:$/.test(url.protocol) && url.hostname) {
      origin = url.origin;
      basePath = url.pathname.replace(/\/+$/, "");
    }
  } catch {
    // No origin: the posts' addresses are the site's paths alone.
  }
  const permalinkData = record(data.permalinks);
  // Hugo 0.112's form: `[permalinks.page]`, beside `[permalinks.section]`.
  const pages = permalinkData.page && typeof permalinkData.page === "object" ? record(permalinkData.page) : permalinkData;
  const permalinks: Record<string, string> = {};
  for (const [section, pattern] of Object.entries(pages)) {
    const value = text(pattern);
    if (value && typeof pattern === "string") permalinks[section.replace(/^\/+|\/+$/g, "").toLowerCase()] = value;
  }
  const taxonomyData = data.taxonomies === undefined ? { tag: "tags", category: "categories" } : record(data.taxonomies);
  const taxonomies = ["categories", "tags", ...Object.values(taxonomyData).map((v) => text(v)?.toLowerCase()).filter((v): v is string => v !== undefined)];
  const params = record(data.params);
  const staticDir = data.staticdir;
  const staticDirs = (Array.isArray(staticDir) ? staticDir.map(text) : [text(staticDir) ?? "static"]).filter((v): v is string => v !== undefined).map((dir) => dir.replace(/^\.?\/+|\/+$/g, ""));
  const author = personName(params.author) ?? personName(data.author);
  return {
    origin,
    basePath,
    permalinks,
    taxonomies: taxonomies.filter((name, i) => taxonomies.indexOf(name) === i),
    contentDir: (text(data.contentdir) ?? "content").replace(/^\.?\/+|\/+$/g, "") || "content",
    staticDirs,
    uglyURLs: data.uglyurls === true,
    params,
    ...(text(data.title) !== undefined ? { title: text(data.title) } : {}),
    ...(text(data.timezone) !== undefined ? { timeZone: text(data.timezone) } : {}),
    ...(author !== undefined ? { author } : {}),
  };
}

/**
 * The site's authors, by id: `data/authors.{yaml,toml,json}` (a map of ids),
 * `data/authors/<id>.{yaml,toml,json}`, then the pages of an `authors`
 * taxonomy (`content/authors/<id>/_index.md`, its title).
 */
export function readHugoAuthors(site: string, contentDir = "content"): Map<string, string> {
  const authors = new Map<string, string>();
  const nameOf = (id: string, value: unknown): string => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const entry = record(value);
      return text(entry.name) ?? text(entry.display_name) ?? text(entry.displayname) ?? text(entry.title) ?? id;
    }
    return text(value) ?? id;
  };
  for (const name of ["data/authors.yaml", "data/authors.yml", "data/authors.toml", "data/authors.json"]) {
    const source = readSiteFile(site, name);
    if (source === undefined) continue;
    const data = parseDataText(source, name);
    if (!(data instanceof Error)) for (const [id, value] of Object.entries(data)) authors.set(id, nameOf(id, value));
    break;
  }
  for (const file of filesUnder(site, "data/authors")) {
    const source = readSiteFile(site, file);
    if (source === undefined || !/\.(?:ya?ml|toml|json)$/i.test(file)) continue;
    const data = parseDataText(source, file);
    const id = path.posix.basename(file).replace(/\.[^.]+$/, "");
    if (!(data instanceof Error) && !authors.has(id)) authors.set(id, nameOf(id, data));
  }
  for (const file of filesUnder(site, `${contentDir}/authors`)) {
    const match = new RegExp(`^${contentDir}/authors/([^/]+)/_index\\.[^/.]+$`).exec(file);
    if (!match?.[1]) continue;
    const source = readSiteFile(site, file);
    const front = source === undefined ? undefined : readHugoFrontMatter(source);
    if (front?.ok && !authors.has(match[1])) authors.set(match[1], nameOf(match[1], front.data));
  }
  return authors;
}

/** A content path's name for `ref`: lower case, without its extension, `index`/`_index` or slashes at either end. */
export function pageKey(name: string): string {
  return name
    .trim()
    .replace(/\\/g, "/")
    .replace(/\.(?:md|markdown|mdown|mkd|mkdn|html?)$/i, "")
    .replace(/(?:^|\/)_?index$/i, "")
    .replace(/^\.?\/+|\/+$/g, "")
    .toLowerCase();
}

/** A plain title: markup removed, entities decoded, as Hugo's templates show `.Title`. */
function plainTitle(title: string): string {
  return /<[A-Za-z/!]|&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(title) ? htmlToText(title) : title;
}

/** Whether the front matter says Hugo does not render the page (`build.render: never`, `_build: {render: false}`). */
function notRendered(data: Record<string, unknown>): boolean {
  const build = record(data.build ?? data._build);
  const render = build.render;
  return render === false || render === "never" || render === "false";
}

/** A post of the site on its first reading: its front matter and where it lived. */
interface Draft {
  /** The content file, relative to the site. */
  file: string;
  item: SourceItem;
  data: Record<string, unknown>;
  body?: string;
  bodyLine: number;
  format: "markdown" | "html";
  /** The folder `ref` names are read from: the file's folder in content. */
  folder: string;
}

/** The site at `folder` (absolute; `shown` names it in messages) → its items; `now` is the moment an `expiryDate` is compared with. */
export function readHugoSite(folder: string, shown: string, now: number = Date.now()): SourceFeed {
  const site = folder;
  if (!isHugoSite(site)) throw new ToolError(`${shown}: not a Hugo site (no content/ folder beside a hugo.toml or config.toml); nothing was imported`);
  const config = readHugoConfig(readHugoConfigData(site, shown));
  const origin = config.origin || NO_HUGO_ORIGIN;
  const siteUrl = `${origin}${config.basePath}`;
  const feed = emptyFeed("hugo", config.title, config.origin ? `${siteUrl}/` : undefined);
  const content = config.contentDir;
  const siteAuthors = readHugoAuthors(site, content);
  const used = new Map<string, SourceAuthor>();
  const localFiles = new Map<string, string>();
  feed.localFiles = localFiles;
  const staticDir = config.staticDirs.find((dir) => dir && !(confine(site, dir) instanceof Error) && isFolder(path.join(site, dir)));
  if (staticDir) feed.mediaFolder = path.join(site, staticDir);

  const refused: string[] = [];
  const files = filesUnder(site, content, refused);
  const all = [...files, ...refused].sort();
  const contentExt = (file: string) => {
    const ext = path.posix.extname(file).toLowerCase();
    return MARKDOWN_EXTENSIONS.has(ext) || HTML_EXTENSIONS.has(ext) || OTHER_CONTENT.has(ext);
  };
  // Leaf bundles: folders with an index file; everything else below them is the bundle's files.
  const bundles = new Set(all.filter((file) => /\/index\.[^/.]+$/.test(file) && contentExt(file)).map((file) => path.posix.dirname(file)));
  const bundleOf = (file: string): string | undefined => {
    for (let dir = path.posix.dirname(file); dir.length > content.length; dir = path.posix.dirname(dir)) if (bundles.has(dir)) return dir;
    return undefined;
  };

  // Each bundle's own files, found once.
  const bundleFiles = new Map<string, string[]>();
  for (const file of files) {
    const bundle = bundleOf(file);
    if (bundle === undefined) continue;
    let list = bundleFiles.get(bundle);
    if (!list) bundleFiles.set(bundle, (list = []));
    list.push(file);
  }

  const drafts: Draft[] = [];
  const byKey = new Map<string, string>();
  const byBase = new Map<string, string[]>();
  for (const file of all) {
    if (!contentExt(file)) continue;
    const bundle = bundleOf(file);
    const isIndex = bundle !== undefined && path.posix.dirname(file) === bundle && /\/index\.[^/.]+$/.test(file);
    // A content file inside a bundle is one of its files, not a page.
    if (bundle !== undefined && !isIndex) continue;
    const ext = path.posix.extname(file).toLowerCase();
    const relative = file.slice(content.length + 1);
    const pagePath = isIndex ? path.posix.dirname(relative) : relative.slice(0, -ext.length);
    const filename = path.posix.basename(pagePath);
    const folders = path.posix.dirname(pagePath) === "." ? [] : path.posix.dirname(pagePath).split("/");
    const fromName = fromFileName(`${filename}.md`);
    const item: SourceItem = {
      key: `hugo:${file}`,
      legacyKeys: [],
      kind: "post",
      title: titleFromSlug(fromName?.slug ?? filename),
      date: { error: "has no date" },
      creators: [],
      categories: [],
      html: "",
      draft: false,
      comments: [],
      embeds: [],
      file: `${shown}/${file}`,
      slug: filename,
      warnings: [],
    };
    const draft: Draft = { file, item, data: {}, bodyLine: 1, format: HTML_EXTENSIONS.has(ext) ? "html" : "markdown", folder: path.posix.dirname(pagePath) };
    drafts.push(draft);
    if (refused.includes(file)) {
      item.skip = "a symbolic link leading out of the site: not read";
      continue;
    }
    if (/^_index\.[^/.]+$/.test(path.posix.basename(file))) {
      item.sourceKind = "section page";
      item.title = titleFromSlug(path.posix.basename(path.posix.dirname(relative)) === "." ? "home" : path.posix.basename(path.posix.dirname(relative)));
      item.skip = "section page (_index): a list of the section's pages, not a post";
      continue;
    }
    if (OTHER_CONTENT.has(ext)) {
      item.skip = `content in a format the import does not read (${ext}): only markdown and HTML are`;
      continue;
    }
    if (folders.length === 0) {
      item.kind = "page";
      item.skip = "not in a section: a page of the site, not a post";
      continue;
    }
    const read = readContentFile(site, file);
    if ("unreadable" in read) {
      item.skip = read.unreadable;
      continue;
    }
    const source = read.text;
    const front = readHugoFrontMatter(source);
    if (!front.ok && !("none" in front)) {
      item.skip = `unreadable front matter: ${file}${front.line ? `:${front.line}` : ""}: ${front.message} (${front.format.toUpperCase()})`;
      continue;
    }
    // A file without front matter is a page to Hugo all the same.
    const data = front.ok ? front.data : {};
    draft.data = data;
    draft.body = front.ok ? front.body : source;
    draft.bodyLine = front.ok ? front.bodyLine : 1;
    if (front.ok && front.mended) item.warnings?.push(`front matter: strict YAML refuses it (${front.mended}); read as Hugo's reader would`);
    const title = text(data.title);
    if (title) item.title = plainTitle(title);
    else item.warnings?.push(`title: the post has none; written as "${item.title}", from its file name`);
    if (data.headless === true || text(data.headless) === "true") {
      item.skip = "headless: a bundle Hugo publishes no page for";
      continue;
    }
    if (notRendered(data)) {
      item.skip = "not rendered by Hugo (build render: never)";
      continue;
    }
    // The date: `date`, else `publishDate`, else the file name's (whose slug is then the rest of the name, as Hugo's :filename does).
    const written = [data.date, data.publishdate, data.pubdate, typeof data.published === "string" ? data.published : undefined].map(text).find((v) => v !== undefined && !v.startsWith("0001-01-01"));
    let day: string;
    let slug = filename;
    if (written !== undefined) {
      const parsed = parseJekyllDate(written, config.timeZone);
      if (!parsed.ok) {
        item.date = { error: parsed.message };
        item.skip = `unreadable date: ${parsed.message.replace("not a date Jekyll reads", "not a date Hugo reads")}`;
        continue;
      }
      item.date = { value: parsed.value };
      day = parsed.day;
    } else if (fromName) {
      const parsed = parseJekyllDate(fromName.date, config.timeZone);
      if (!parsed.ok) {
        item.skip = `unreadable date: the file name's ${parsed.message}`;
        continue;
      }
      item.date = { value: parsed.value };
      day = parsed.day;
      slug = fromName.slug;
    } else {
      item.skip = "no date (neither date nor publishDate in the front matter, nor YYYY-MM-DD- in the file name)";
      continue;
    }
    const lastmod = text(data.lastmod) ?? text(data.modified);
    if (lastmod !== undefined) {
      const parsed = parseJekyllDate(lastmod, config.timeZone);
      if (parsed.ok && parsed.value !== item.date.value) item.updated = parsed.value;
      else if (!parsed.ok) item.warnings?.push(`lastmod: ${parsed.message.replace("not a date Jekyll reads", "not a date Hugo reads")}; left out`);
    }
    const ownSlug = text(data.slug);
    item.slug = ownSlug ?? slug;
    if (!title) item.title = titleFromSlug(item.slug);
    // Categories first, then tags, then the site's other taxonomies.
    item.categories = config.taxonomies.flatMap((taxonomy) => nameList(data[taxonomy], false));
    const named = [data.author, data.authors, record(data.params).author, record(data.params).authors].flatMap((value) =>
      Array.isArray(value) ? value.map(personName) : [personName(value)],
    ).filter((name): name is string => name !== undefined);
    const logins = named.length ? named : config.author !== undefined ? [config.author] : [];
    item.logins = logins.filter((login, i) => logins.indexOf(login) === i);
    for (const login of item.logins) if (!used.has(login)) used.set(login, { login, name: siteAuthors.get(login) ?? login });
    item.creators = item.logins.map((login) => siteAuthors.get(login) ?? login);
    if (data.draft === true || text(data.draft) === "true") item.draft = true;
    const expiry = text(data.expirydate) ?? text(data.unpublishdate);
    if (expiry !== undefined) {
      const parsed = parseJekyllDate(expiry, config.timeZone);
      const moment = parsed.ok ? Date.parse(/T/.test(parsed.value) ? parsed.value : `${parsed.value}T00:00:00Z`) : NaN;
      // Gone from the old site, and, as a draft, a page no published post could link to by its old address: left out.
      if (Number.isFinite(moment) && moment <= now) {
        item.skip = `expired (expiryDate ${parsed.ok ? parsed.day : expiry}): Hugo no longer published it`;
        continue;
      }
    }
    const summary = text(data.summary) ?? text(data.description);
    if (summary) item.excerptHtml = draft.format === "markdown" ? markdownToHtml(summary) : summary;
    // Where Hugo published it.
    // Hugo's :filename date handler makes the rest of the name the slug.
    // `:title` is the title as written (markup and all), as Hugo reads it; the slug's words without one.
    const page = { day, title: title ?? item.title, slug: ownSlug ?? (slug !== filename ? slug : undefined), filename, sections: folders };
    const own = text(data.url);
    let oldPath: string;
    if (own !== undefined) {
      let pathname = own;
      try {
        pathname = /^https?:\/\//i.test(own) ? new URL(own).pathname : own;
      } catch {
        // Kept as written.
      }
      oldPath = pathname.startsWith("/") ? pathname : `/${pathname}`;
    } else {
      const pattern = config.permalinks[(folders[0] ?? "").toLowerCase()];
      oldPath = pattern ? expandHugoPermalink(pattern, page) : defaultHugoPath(page, config.uglyURLs);
    }
    item.link = `${siteUrl}${oldPath}`;
    item.base = item.link;
    if (!config.origin) item.noOriginal = true;
    // Hugo's aliases: a path from the site's root, or relative to the page's folder.
    item.aliases = nameList(data.aliases, false).map((alias) => {
      if (/^https?:\/\//i.test(alias)) return alias;
      if (alias.startsWith("/")) return `${config.basePath}${alias}`;
      return `${config.basePath}/${[...folders, alias].join("/")}`;
    });
    // A bundle's own files, by their old addresses beside the page.
    if (isIndex && bundle !== undefined) {
      item.resources = [];
      for (const resource of bundleFiles.get(bundle) ?? []) {
        if (resource === file) continue;
        const ext = path.posix.extname(resource).toLowerCase();
        if (MARKDOWN_EXTENSIONS.has(ext) || HTML_EXTENSIONS.has(ext)) continue;
        const url = new URL(resource.slice(bundle.length + 1).split("/").map(encodeURIComponent).join("/"), item.link.endsWith("/") ? item.link : `${item.link}/`).href;
        localFiles.set(sameFileKey(url), path.join(site, resource));
        item.resources.push(url);
      }
    }
    const key = pageKey(relative);
    byKey.set(key, item.link);
    const base = path.posix.basename(key);
    let sameName = byBase.get(base);
    if (!sameName) byBase.set(base, (sameName = []));
    sameName.push(item.link);
  }

  // The bodies, once every post's old address is known.
  for (const draft of drafts) {
    const { item } = draft;
    feed.items.push(item);
    if (item.skip || draft.body === undefined) continue;
    try {
      readBody(draft, draft.body);
    } catch (error) {
      // One post that cannot be read never stops the others.
      item.skip = `unreadable body: ${(error as Error).message}`;
    }
  }
  feed.authors = [...used.values()];
  return feed;

  /** The old address of the page `name` names from a page in `folder` (of content/), as Hugo's `ref` finds it. */
  function pageUrl(name: string, folder: string): string | undefined {
    const key = pageKey(name);
    if (!name.trim().startsWith("/")) {
      const relative = pageKey(path.posix.normalize(path.posix.join(folder, key)));
      const found = byKey.get(relative);
      if (found) return found;
    }
    const fromRoot = byKey.get(key);
    if (fromRoot) return fromRoot;
    // A name alone (`other-post.md`): the one page of that name.
    const named = byBase.get(key);
    return named?.length === 1 ? named[0] : undefined;
  }

  function readBody(draft: Draft, body: string): void {
    const { item, data } = draft;
    const converted = convertShortcodes(body, {
      format: draft.format,
      pageUrl: (name) => pageUrl(name, draft.folder === "." ? "" : draft.folder),
      param: (key) => {
        const lower = key.toLowerCase();
        const value = record(data.params)[lower] ?? data[lower] ?? config.params[lower];
        return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
      },
      firstLine: draft.bodyLine,
    });
    item.liquid = converted.removed;
    // Hugo's summary divider: the text before it is the summary, when the front matter gives none.
    const more = /<!--\s*more\s*-->/i.exec(converted.text);
    if (more && item.excerptHtml === undefined) {
      const before = converted.text.slice(0, more.index);
      if (before.trim()) item.excerptHtml = draft.format === "markdown" ? markdownToHtml(before) : before;
    }
    item.html = draft.format === "markdown" ? markdownToHtml(converted.text) : converted.text;
  }
}
