/**
 * Paginated lists of posts (a blog's index, a tag, an author), computed once
 * per build as a flat list of pages that one template renders. Each page
 * has a stable URL: `/<base>/`, `/<base>/page/2/`, …
 */
import type { Archive, Post } from "../content/model.ts";
import { tagUrl } from "./article.ts";
import { type PagerView, pagedUrl } from "./lists.ts";

export const PAGE_SIZE = 20;

export interface Listing {
  url: string;
  /** Page heading and `<title>`. */
  title: string;
  description?: string;
  /** What kind of list, for styles and breadcrumbs. */
  kind: "blog" | "tag" | "author";
  posts: readonly Post[];
  pager: PagerView;
}

/** Split `posts` (newest first) into pages at `base`. */
export function paginate(
  base: string,
  posts: readonly Post[],
  page: Omit<Listing, "url" | "posts" | "pager">,
  size = PAGE_SIZE,
): Listing[] {
  const pages = Math.max(1, Math.ceil(posts.length / size));
  return Array.from({ length: pages }, (_, i) => ({
    ...page,
    url: pagedUrl(base, i),
    posts: posts.slice(i * size, (i + 1) * size),
    pager: {
      page: i + 1,
      pages,
      newer: i > 0 ? pagedUrl(base, i - 1) : undefined,
      older: i + 1 < pages ? pagedUrl(base, i + 1) : undefined,
    },
  }));
}

/** Every blog, tag and author list of the archive, in one pass over the posts. */
export function buildListings(archive: Archive): Listing[] {
  const byBlog = new Map<string, Post[]>();
  const byTag = new Map<string, Post[]>();
  const byAuthor = new Map<string, Post[]>();
  const push = (map: Map<string, Post[]>, key: string, post: Post) => {
    const list = map.get(key);
    if (list) list.push(post);
    else map.set(key, [post]);
  };
  for (const post of archive.posts) {
    push(byBlog, post.blog, post);
    push(byAuthor, post.author, post);
    for (const tag of post.tags) push(byTag, tag.slug, post);
  }
  const listings: Listing[] = [];
  for (const [id, blog] of Object.entries(archive.blogs)) {
    listings.push(...paginate(`/${id}/`, byBlog.get(id) ?? [], { title: blog.title, description: blog.description, kind: "blog" }));
  }
  for (const [slug, posts] of byTag) {
    const name = archive.tags.get(slug)?.name ?? slug;
    listings.push(...paginate(tagUrl(slug), posts, { title: `Posts tagged “${name}”`, kind: "tag" }));
  }
  for (const [id, author] of Object.entries(archive.authors)) {
    listings.push(...paginate(`/authors/${id}/`, byAuthor.get(id) ?? [], { title: `Posts by ${author.name}`, description: author.bio, kind: "author" }));
  }
  return listings;
}
