/**
 * Paginated lists of posts (a blog's index, a tag, an author), computed once
 * per build as a flat list of pages that one template renders. Each page
 * has a stable URL: `/<base>/`, `/<base>/page/2/`, …
 */
import type { Archive, Post } from "../content/model.ts";
import { tagUrl } from "./article.ts";
import { type Crumb, authorCrumbs, blogCrumbs, tagCrumbs, withPage, yearPath, yearUrl } from "./breadcrumbs.ts";
import { type PagerView, pagedUrl } from "./lists.ts";

export const PAGE_SIZE = 20;

/** What every page of a paginated list has: its URL, its share of the posts, its pager. */
export interface Paged {
  url: string;
  posts: readonly Post[];
  pager: PagerView;
}

/** A year of a blog, linked from the blog's index. */
export interface YearLink {
  label: string;
  url: string;
  count: number;
}

export interface Listing extends Paged {
  /** Page heading and `<title>`. */
  title: string;
  description?: string;
  /** What kind of list, for styles and breadcrumbs. */
  kind: "blog" | "tag" | "author";
  /** Home › … › this list (› Page n). */
  crumbs: Crumb[];
  /** A blog's years with posts, newest first (blog lists only). */
  years?: YearLink[];
}

/**
 * Split `posts` (newest first) into pages at `base`: `base`, `base/page/2/`, …
 * Each page gets the fields of `page`; `crumbs`, when given, get a
 * "Page n" crumb from page 2 on.
 */
export function paginate<T extends object>(
  base: string,
  posts: readonly Post[],
  page: T,
  size = PAGE_SIZE,
): (T & Paged)[] {
  const pages = Math.max(1, Math.ceil(posts.length / size));
  const crumbs = "crumbs" in page ? (page.crumbs as Crumb[]) : undefined;
  return Array.from({ length: pages }, (_, i) => {
    const url = pagedUrl(base, i);
    return {
      ...page,
      ...(crumbs && { crumbs: withPage(crumbs, i + 1, url) }),
      url,
      posts: posts.slice(i * size, (i + 1) * size),
      pager: {
        page: i + 1,
        pages,
        newer: i > 0 ? pagedUrl(base, i - 1) : undefined,
        older: i + 1 < pages ? pagedUrl(base, i + 1) : undefined,
      },
    };
  });
}

/** Every blog, tag and author list of the archive, in one pass over the posts. */
export function buildListings(archive: Archive): Listing[] {
  const byBlog = new Map<string, Post[]>();
  const byTag = new Map<string, Post[]>();
  const byAuthor = new Map<string, Post[]>();
  /** Per blog, posts per year, newest year first (posts come newest first). */
  const blogYears = new Map<string, Map<number, number>>();
  const push = (map: Map<string, Post[]>, key: string, post: Post) => {
    const list = map.get(key);
    if (list) list.push(post);
    else map.set(key, [post]);
  };
  for (const post of archive.posts) {
    push(byBlog, post.blog, post);
    for (const author of post.authors) push(byAuthor, author, post);
    for (const tag of post.tags) push(byTag, tag.slug, post);
    let years = blogYears.get(post.blog);
    if (!years) blogYears.set(post.blog, (years = new Map()));
    years.set(post.date.year, (years.get(post.date.year) ?? 0) + 1);
  }
  const listings: Listing[] = [];
  for (const [id, blog] of Object.entries(archive.blogs)) {
    const base = `/${id}/`;
    const years = [...(blogYears.get(id) ?? [])]
      .sort(([a], [b]) => b - a)
      .map(([year, count]) => ({ label: yearPath(year), url: yearUrl(base, year), count }));
    listings.push(
      ...paginate(base, byBlog.get(id) ?? [], {
        title: blog.title,
        description: blog.description,
        kind: "blog" as const,
        crumbs: blogCrumbs({ id, title: blog.title }),
        years,
      }),
    );
  }
  for (const [slug, posts] of byTag) {
    const name = archive.tags.get(slug)?.name ?? slug;
    listings.push(
      ...paginate(tagUrl(slug), posts, {
        title: `Posts tagged “${name}”`,
        kind: "tag" as const,
        crumbs: tagCrumbs({ name, url: tagUrl(slug) }, TAGS_URL),
      }),
    );
  }
  for (const [id, author] of Object.entries(archive.authors)) {
    const url = `/authors/${id}/`;
    listings.push(
      ...paginate(url, byAuthor.get(id) ?? [], {
        title: `Posts by ${author.name}`,
        description: author.bio,
        kind: "author" as const,
        crumbs: authorCrumbs({ name: author.name, url }),
      }),
    );
  }
  return listings;
}

/** The tag index page. */
export const TAGS_URL = "/tags/";

export interface TagSummary {
  name: string;
  url: string;
  count: number;
}

/** Every tag with its number of posts, by name. */
export function buildTagIndex(archive: Archive): TagSummary[] {
  const counts = new Map<string, number>();
  for (const post of archive.posts) {
    for (const tag of post.tags) counts.set(tag.slug, (counts.get(tag.slug) ?? 0) + 1);
  }
  return [...archive.tags.values()]
    .map((tag) => ({ name: tag.name, url: tagUrl(tag.slug), count: counts.get(tag.slug) ?? 0 }))
    .filter((tag) => tag.count > 0)
    .sort((a, b) => a.name.localeCompare(b.name, archive.site.language, { sensitivity: "base" }));
}
