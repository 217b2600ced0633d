/**
 * Source items → posts of the archive: front matter values checked by the
 * project's own post schema, author ids, tags, summary, the old address as
 * an alias, and the body as markdown. Pure: no file is read or written.
 */
import type { ArchiveData } from "../content/model.ts";
import type { ArchiveDate } from "../dates.ts";
import { postSchema } from "../schema/index.ts";
import { slugify } from "../slug.ts";
import { frontMatterText, oneLine } from "./frontmatter.ts";
import { htmlToMarkdown, htmlToText } from "./html.ts";
import { blogZone, postFile, postUrl } from "./project.ts";
import type { SourceItem } from "./source.ts";

export interface ImportedPost {
  key: string;
  /** Position in the source, for messages and stable ordering. */
  index: number;
  title: string;
  /** As it goes into the front matter. */
  date: string;
  parsed: ArchiveDate;
  author: string;
  tags: string[];
  summary?: string;
  /** Path of the post on the old site, when it had one. */
  alias?: string;
  draft: boolean;
  /** Markdown; "" when the source had no text. */
  body: string;
  /** Slug from the title, before any `-2`. */
  slug: string;
}

export interface ConvertOptions {
  blog: string;
  data: ArchiveData;
  /** `--author`: every post's author. */
  author?: string;
}

/** Category WordPress gives every post that has none. */
const NO_CATEGORY = "uncategorized";

/** The author id for a name the source gives: an id equal to its slug, or an author of that name. */
export function matchAuthor(names: readonly string[], authors: ArchiveData["authors"]): string | undefined {
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) continue;
    if (slug in authors) return slug;
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

export interface Conversion {
  posts: ImportedPost[];
  /** One line per item that cannot be imported; when there are any, nothing is written. */
  errors: string[];
}

/**
 * Every item converted and checked. The author is `--author`, else the
 * item's creator matched by id or name among `_data/authors`, else the
 * blog's default author.
 */
export function convertItems(items: readonly SourceItem[], options: ConvertOptions, onItem?: (done: number) => void): Conversion {
  const { blog, data } = options;
  const zone = blogZone(data, blog);
  const schema = postSchema(zone);
  const fallback = data.blogs[blog]?.author;
  const posts: ImportedPost[] = [];
  const errors: string[] = [];
  const unmatched = new Map<string, string[]>();
  items.forEach((item, index) => {
    onItem?.(index);
    const title = oneLine(item.title) || "Untitled";
    const where = `item ${index + 1} ("${title}")`;
    if ("error" in item.date) {
      errors.push(`${where}: date: ${item.date.error}`);
      return;
    }
    const author = options.author ?? matchAuthor(item.creators, data.authors) ?? fallback;
    if (author === undefined) {
      const name = item.creators[0] ?? "(no author given)";
      unmatched.set(name, [...(unmatched.get(name) ?? []), where]);
      return;
    }
    const tags = tagsOf(item.categories);
    const summary = item.excerptHtml ? htmlToText(item.excerptHtml) || undefined : undefined;
    const checked = schema.safeParse({ title, date: item.date.value, author, tags, summary, draft: item.draft });
    if (!checked.success) {
      for (const issue of checked.error.issues) errors.push(`${where}: ${issue.path.join(".") || "(item)"}: ${issue.message}`);
      return;
    }
    posts.push({
      key: item.key,
      index,
      title,
      date: item.date.value,
      parsed: checked.data.date,
      author,
      tags,
      summary,
      alias: aliasOf(item.link),
      draft: item.draft,
      body: htmlToMarkdown(item.html, item.base),
      slug: slugify(title) || "untitled",
    });
  });
  const known = Object.keys(data.authors);
  for (const [name, where] of unmatched) {
    errors.push(
      `${where.length === 1 ? where[0] : `${where.length} items`}: author: no author matches "${name}"; ` +
        `pass --author <id>, give the blog a default author, or add "${name}" to _data/authors` +
        (known.length ? ` (known authors: ${known.join(", ")})` : ""),
    );
  }
  const keys = new Map<string, number>();
  for (const post of posts) {
    const first = keys.get(post.key);
    if (first !== undefined) errors.push(`item ${post.index + 1} ("${post.title}"): has the same id as item ${first + 1}: ${post.key}`);
    else keys.set(post.key, post.index);
  }
  return { posts, errors };
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

/**
 * Where each post goes. A post imported before keeps its file. A new one
 * takes `<slug>.md` in its year, or `<slug>-2.md`, `-3`… when an earlier
 * post (by date, then source order) of this import, or another post of the
 * blog, has that URL or file: two items titled alike get `foo` and `foo-2`.
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
  for (const post of posts) {
    const file = context.recorded.get(post.key);
    if (file) take(post, file, postUrl(blog, post.parsed, slugify(file.slice(file.lastIndexOf("/") + 1, -".md".length))));
  }
  const fresh = posts.filter((post) => !placed.has(post)).sort((a, b) => a.parsed.start - b.parsed.start || a.index - b.index);
  for (const post of fresh) {
    for (let n = 1; ; n++) {
      const slug = n === 1 ? post.slug : `${post.slug}-${n}`;
      const file = postFile(blog, post.parsed, slug);
      const url = postUrl(blog, post.parsed, slug);
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
export function postText(placement: Placement): string {
  const { post, url } = placement;
  const front = frontMatterText({
    title: post.title,
    date: post.date,
    author: post.author,
    tags: post.tags,
    summary: post.summary,
    aliases: post.alias && post.alias !== url ? [post.alias] : [],
    draft: post.draft,
  });
  return post.body ? `${front}\n${post.body}` : front;
}
