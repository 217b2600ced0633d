/**
 * Source items → posts and pages of the archive: front matter values
 * checked by the project's own schemas, author ids, tags, summary, the old
 * address as an alias, and the body as markdown. Every item gets a result:
 * converted, or skipped with its reason; one item never stops the others.
 * Pure: no file is read or written.
 */
import type { ArchiveData } from "../content/model.ts";
import type { ArchiveDate } from "../dates.ts";
import { parseArchiveDate } from "../dates.ts";
import { slugify } from "../slug.ts";
import { type CommentEntry, convertComments } from "./comments.ts";
import { frontMatterText, oneLine } from "./frontmatter.ts";
import { type Removed, htmlToMarkdown, htmlToText } from "./html.ts";
import { blogZone, postFile, postUrl } from "./project.ts";
import type { Attachment, SourceItem } from "./source.ts";
import { renderWordPress } from "./wordpress.ts";
import type { OldUrls } from "./xref.ts";
import { indexAttachments, withAttachmentText } from "./attachments.ts";
import type { MediaRefs } from "./media.ts";
import { PAGES_FOLDER, reservedPageSegment } from "../content/pages.ts";

export interface ImportedPost {
  key: string;
  /** Keys earlier imports may have recorded the item under. */
  legacyKeys: string[];
  kind: "post" | "page";
  /** Position in the import (all files), for messages and stable ordering. */
  index: number;
  title: string;
  /** As it goes into the front matter. */
  date: string;
  parsed: ArchiveDate;
  /** Date of the last revision, as it goes into the front matter. */
  updated?: string;
  /**
   * Author ids, the lead author first. Sources name one author per item
   * (WordPress's `dc:creator`; a feed's creators are one person's name and
   * login, or the feed's own authors), so an import gives one; front matter
   * takes a list.
   */
  authors: string[];
  tags: string[];
  summary?: string;
  /** Path of the post on the old site, when it had one. */
  alias?: string;
  /** More old paths of the post (Jekyll's `redirect_from`). */
  aliases: string[];
  /** Template tags removed from the body, with their lines in the source file. */
  liquid: { line: number; text: string; why: string }[];
  /** Links to pages of the old site that are not imported items, kept as absolute links. */
  oldLinks: string[];
  /** The post's address on the old site (`original_url`), when it had an absolute one. */
  original?: string;
  draft: boolean;
  /** Markdown; "" when the source had no text. Cross-links are placeholders until placed. */
  body: string;
  /** Slug from the old slug or the title, before any `-2`. */
  slug: string;
  /** Pages: the slugs of its ancestors, outermost first. */
  parents: string[];
  /** Pages: `wp:menu_order`. */
  order: number;
  comments: CommentEntry[];
  /** Comments left out, by reason (spam, pending, trash, undated). */
  commentsLeft: Map<string, number>;
  removed: Removed;
  unknownShortcodes: Map<string, number>;
  warnings: string[];
}

export interface SkippedItem {
  index: number;
  key: string;
  kind: string;
  title: string;
  reason: string;
  file: string;
  /** Approved comments of the item, lost with it. */
  comments: number;
}

export interface ConvertOptions {
  blog: string;
  data: ArchiveData;
  /** `--author`: every post's author. */
  author?: string;
  /** Authors made from the export, by login. */
  authorsByLogin?: ReadonlyMap<string, string>;
  /** `--include-protected`. */
  includeProtected?: boolean;
  attachments?: ReadonlyMap<string, Attachment>;
  /** Old addresses of every item, for cross-links. */
  oldUrls?: OldUrls;
  /** Collects the images and files of the old site the posts reference (src/import/media.ts). */
  media?: MediaRefs;
  /** Authors that will exist once the import's new authors are written. */
  extraAuthors?: ReadonlySet<string>;
  /**
   * Empty each item's HTML (body, excerpt, comments, embeds) once it is
   * converted, so that a big export's source text and its markdown are not
   * both held to the end. Only for items nothing else reads afterwards.
   */
  release?: boolean;
}

/** The item with its HTML let go (see `ConvertOptions.release`). */
function releaseHtml(item: SourceItem): void {
  item.html = "";
  item.excerptHtml = undefined;
  item.comments = [];
  item.embeds = [];
}

/** Category WordPress gives every post that has none. */
const NO_CATEGORY = "uncategorized";

/** The author id for a name the source gives: an id equal to its slug, or an author of that name. */
export function matchAuthor(names: readonly string[], authors: ArchiveData["authors"]): string | undefined {
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) continue;
    if (Object.hasOwn(authors, slug)) return slug;
    const byName = Object.entries(authors).find(([, author]) => slugify(author.name) === slug);
    if (byName) return byName[0];
  }
  return undefined;
}

/** `https://old.example.com/2008/06/24/foo/` → `/2008/06/24/foo/`; the site's home page (`/?p=12`) is no alias. */
export function aliasOf(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    // A query (`/?p=106`) cannot be redirected by static files: only the path counts.
    const path = new URL(link).pathname;
    return path === "/" ? undefined : path;
  } catch {
    return undefined;
  }
}

/** Tags from categories and tags, one per slug (first spelling), without WordPress's "Uncategorized". */
export function tagsOf(categories: readonly string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const name of categories.map(oneLine)) {
    const slug = slugify(name);
    if (!slug || slug === NO_CATEGORY || seen.has(slug)) continue;
    seen.add(slug);
    tags.push(name);
  }
  return tags;
}

/** The title of an item that has none: it names the day, and says it is a placeholder. */
export function untitled(date: ArchiveDate): string {
  const day = date.datetime.slice(0, 10);
  return `Untitled post of ${day}`;
}

export interface Conversion {
  posts: ImportedPost[];
  skipped: SkippedItem[];
}

/** Attachments by parent post, in gallery order (`menu_order`, then id). */
export function attachmentsByParent(attachments: ReadonlyMap<string, Attachment>): Map<string, Attachment[]> {
  const byParent = new Map<string, Attachment[]>();
  for (const attachment of attachments.values()) {
    if (!attachment.parent) continue;
    let list = byParent.get(attachment.parent);
    if (!list) byParent.set(attachment.parent, (list = []));
    list.push(attachment);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.order - b.order || Number(a.id) - Number(b.id));
  return byParent;
}

/**
 * Every item converted and checked, or skipped with its reason. The author
 * is `--author`, else the export's author entry for the item's login, else
 * the item's creator matched by id or name among `_data/authors`, else the
 * blog's default author.
 */
export function convertItems(items: readonly SourceItem[], options: ConvertOptions, onItem?: (done: number) => void): Conversion {
  const { blog, data } = options;
  const zone = blogZone(data, blog);
  const fallback = data.blogs[blog]?.author;
  const attachments = options.attachments ?? new Map<string, Attachment>();
  const attachmentsOf = attachmentsByParent(attachments);
  const attachmentIndex = indexAttachments(attachments);
  const posts: ImportedPost[] = [];
  const skipped: SkippedItem[] = [];
  const seen = new Map<string, { index: number; file: string }>();
  const pageItems = new Map(items.filter((item) => item.kind === "page" && item.postId).map((item) => [item.postId ?? "", item]));
  const known = (id: string) => Object.hasOwn(data.authors, id) || (options.extraAuthors?.has(id) ?? false);
  items.forEach((item, index) => {
    onItem?.(index);
    convertOne(item, index);
    if (options.release) releaseHtml(item);
  });
  return { posts, skipped };

  function convertOne(item: SourceItem, index: number): void {
    const skip = (reason: string): void => {
      const comments = item.comments.filter((comment) => comment.status === "approved").length;
      skipped.push({ index, key: item.key, kind: item.skip === "attachment" ? "attachment" : item.sourceKind ?? item.kind, title: oneLine(item.title), reason, file: item.file, comments });
    };
    const first = seen.get(item.key);
    if (first) return skip(`the same item as item ${first.index + 1}${first.file !== item.file ? ` of ${first.file}` : ""} (${item.postId ? `post id ${item.postId}` : item.key})`);
    seen.set(item.key, { index, file: item.file });
    if (item.skip) return skip(item.skip);
    if (item.protected && !options.includeProtected) return skip("password-protected (--include-protected imports it)");
    if ("error" in item.date) return skip(`unreadable date: ${item.date.error}`);

    const warnings: string[] = [...(item.warnings ?? [])];
    let authors: string[];
    if (options.author === undefined && item.logins?.length) {
      // Several authors, each by the name the source gives.
      authors = [];
      for (const [i, login] of item.logins.entries()) {
        const id = options.authorsByLogin?.get(login) ?? matchAuthor([login, item.creators[i] ?? login], data.authors);
        if (id === undefined || !known(id)) {
          return skip(`unknown author "${login}" (pass --author <id>, or add "${login}" to _data/authors)`);
        }
        if (id !== login) warnings.push(`author: "${login}" is not an author id of the archive; written as "${id}"`);
        if (!authors.includes(id)) authors.push(id);
      }
    } else {
      const creator = item.login ? options.authorsByLogin?.get(item.login) : undefined;
      const author = options.author ?? creator ?? matchAuthor(item.creators, data.authors) ?? fallback;
      if (author === undefined || !known(author)) {
        const name = item.creators[0] ?? "(no author given)";
        return skip(`unknown author "${name}" (pass --author <id>, give the blog a default author, or add "${name}" to _data/authors)`);
      }
      authors = [author];
    }
    const removed: Removed = new Map();
    const rendered = item.wordpress
      ? renderWordPress(item.html, { postId: item.postId, attachments, attachmentsOf, embeds: item.embeds })
      : { html: item.html, teaserHtml: undefined, unknownShortcodes: new Map<string, number>() };
    // Alt text and captions the post lacks, from the export's attachments.
    const html = item.wordpress ? withAttachmentText(rendered.html, attachmentIndex, item.base) : rendered.html;
    const { oldUrls, media } = options;
    const crossLink = oldUrls
      ? (href: string) => {
          const target = oldUrls.resolve(href, item.base);
          return target === undefined ? undefined : oldUrls.placeholder(target, href);
        }
      : undefined;
    const oldLinks: string[] = [];
    const rewrite =
      crossLink || media
        ? (href: string) => {
            const rewritten = crossLink?.(href) ?? media?.link(href);
            if (rewritten === undefined && oldUrls?.isOldSite(href) && !oldLinks.includes(href)) oldLinks.push(href);
            return rewritten;
          }
        : undefined;
    const body = htmlToMarkdown(html, item.base, removed, rewrite, media ? (src) => media.image(src) : undefined);
    const excerpt = item.excerptHtml ?? rendered.teaserHtml;
    // Text only: what was removed from the excerpt was removed from the body too, so it is not counted twice.
    const summary = excerpt ? htmlToText(excerpt) || undefined : undefined;
    const tags = tagsOf(item.categories);
    // The date as the post's schema reads it (src/dates.ts), in the blog's zone when it has no offset.
    const checked = parseArchiveDate(item.date.value, zone);
    if (!checked.ok) return skip(`unreadable date: ${checked.message}`);
    const parsed = checked.date;
    let title = oneLine(item.title);
    let slug = slugify(item.slug ?? "") || slugify(title);
    if (!title) {
      title = untitled(parsed);
      slug ||= parsed.datetime.slice(0, 10);
      warnings.push(`title: the item has none; written as "${title}"`);
    }
    slug ||= "untitled";
    const parents: string[] = [];
    if (item.kind === "page") {
      const visited = new Set<string>([item.postId ?? ""]);
      for (let parent = item.parent; parent && !visited.has(parent); ) {
        visited.add(parent);
        const page = pageItems.get(parent);
        if (!page) break;
        parents.unshift(slugify(page.slug ?? "") || slugify(oneLine(page.title)) || `page-${parent}`);
        parent = page.parent;
      }
      const top = parents[0] ?? slug;
      if (reservedPageSegment(top)) {
        const renamed = `${top}-page`;
        warnings.push(`path: "${top}" is an address the blog uses itself; the page goes under "${renamed}"`);
        if (parents.length) parents[0] = renamed;
        else slug = renamed;
      }
    }
    const comments = convertComments(item.comments, removed);
    posts.push({
      key: item.key,
      legacyKeys: item.legacyKeys,
      kind: item.kind,
      index,
      title,
      date: item.date.value,
      parsed,
      ...(item.updated && parseArchiveDate(item.updated, zone).ok ? { updated: item.updated } : {}),
      authors,
      tags: item.kind === "page" ? [] : tags,
      summary,
      alias: aliasOf(item.link),
      aliases: (item.aliases ?? []).map((alias) => (/^https?:/i.test(alias) ? aliasOf(alias) : alias)).filter((alias): alias is string => alias !== undefined),
      liquid: item.liquid ?? [],
      oldLinks,
      original: item.kind !== "page" && !item.noOriginal && item.link && /^https?:\/\/[^/]/i.test(item.link) ? item.link : undefined,
      // Only a source that keeps unpublished posts (Jekyll's `published: false`) sets it: the others skip their drafts.
      draft: item.draft,
      body,
      slug,
      parents,
      order: item.order ?? 0,
      comments: comments.entries,
      commentsLeft: comments.left,
      removed,
      unknownShortcodes: rendered.unknownShortcodes,
      warnings,
    });
  }
}

export interface Placement {
  post: ImportedPost;
  /** Relative to the project root. */
  file: string;
  url: string;
}

export interface PlaceContext {
  blog: string;
  /** Files that earlier imports wrote, by item key (relative to the project root). */
  recorded: ReadonlyMap<string, string>;
  /** Every post of the blog on disk, with its URL where known. */
  existing: readonly { file: string; url?: string }[];
}

/** `posts/<blog>/pages/<parent>/<slug>.md` and `/<blog>/<parent>/<slug>/`. */
export function pagePlace(blog: string, segments: readonly string[]): { file: string; url: string } {
  return { file: `posts/${blog}/${PAGES_FOLDER}/${segments.join("/")}.md`, url: `/${blog}/${segments.join("/")}/` };
}

/**
 * Where each post and page goes. One imported before keeps its file. A new
 * post takes `<slug>.md` in its year, or `<slug>-2.md`, `-3`… when an
 * earlier post (by date, then source order) of this import, or another post
 * of the blog, has that URL or file: two items titled alike get `foo` and
 * `foo-2`. A new page takes its path under `pages/` the same way.
 */
export function placePosts(posts: readonly ImportedPost[], context: PlaceContext): Placement[] {
  const { blog } = context;
  const recordedFiles = new Set(context.recorded.values());
  const urlHolder = new Map<string, string>();
  for (const post of context.existing) if (post.url) urlHolder.set(post.url, post.file);
  const files = new Set<string>();
  const urls = new Set<string>();
  const placed = new Map<ImportedPost, Placement>();
  const take = (post: ImportedPost, file: string, url: string) => {
    files.add(file);
    urls.add(url);
    placed.set(post, { post, file, url });
  };
  const pagesBase = `posts/${blog}/${PAGES_FOLDER}/`;
  for (const post of posts) {
    const file = [post.key, ...post.legacyKeys].map((key) => context.recorded.get(key)).find((f) => f !== undefined);
    if (!file) continue;
    if (post.kind === "page" && file.startsWith(pagesBase)) take(post, file, pagePlace(blog, file.slice(pagesBase.length, -".md".length).split("/")).url);
    else if (post.kind === "post") take(post, file, postUrl(blog, post.parsed, slugify(file.slice(file.lastIndexOf("/") + 1, -".md".length))));
  }
  const fresh = posts.filter((post) => !placed.has(post)).sort((a, b) => a.parsed.start - b.parsed.start || a.index - b.index);
  for (const post of fresh) {
    for (let n = 1; ; n++) {
      const slug = n === 1 ? post.slug : `${post.slug}-${n}`;
      const { file, url } = post.kind === "page" ? pagePlace(blog, [...post.parents, slug]) : { file: postFile(blog, post.parsed, slug), url: postUrl(blog, post.parsed, slug) };
      if (files.has(file) || urls.has(url) || recordedFiles.has(file)) continue;
      const holder = urlHolder.get(url);
      if (holder !== undefined && holder !== file) continue;
      take(post, file, url);
      break;
    }
  }
  return posts.map((post) => placed.get(post)!);
}

/** The file's whole text. */
export function postText(placement: Placement, body = placement.post.body): string {
  const { post, url } = placement;
  const front = frontMatterText({
    title: post.title,
    date: post.date,
    authors: post.authors,
    tags: post.tags,
    summary: post.summary,
    updated: post.updated,
    aliases: [...(post.alias ? [post.alias] : []), ...post.aliases].filter((alias, i, all) => alias !== url && all.indexOf(alias) === i),
    originalUrl: post.original,
    draft: post.draft,
    order: post.kind === "page" && post.order ? post.order : undefined,
  });
  return body ? `${front}\n${body}` : front;
}

/** `posts/<blog>/2008/foo.md` → `posts/<blog>/2008/foo.comments.yaml`. */
export function commentsFile(file: string): string {
  return `${file.slice(0, -".md".length)}.comments.yaml`;
}
