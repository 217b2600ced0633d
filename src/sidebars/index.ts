/**
 * The article page's sidebars, computed in two steps:
 *   1. `buildSidebarIndex(archive)` once per build: lists sorted by date
 *      (each blog's posts per author, reviews, podcast episodes), the
 *      podcast and books of each blog and author, related posts;
 *   2. `sidebarView(index, post)` per page: binary searches and bounded
 *      slices of those lists, so a page costs the same in a 10-post archive
 *      as in a 10,000-post one.
 *
 * With `site.sidebar: as-of-post` (the default) every list shows the archive
 * as it stood on the post's date; with `latest`, the newest items.
 */
import { formatArchiveDate, type ArchiveDate } from "../dates.ts";
import type { Archive, Post } from "../content/model.ts";
import { computeRelated, type RelatedDoc, type RelatedOverrides } from "../related/index.ts";
import type { Episode, Promo, Review } from "../schema/index.ts";
import { slugify } from "../slug.ts";
import { type PostLink, postLink } from "../views/article.ts";
import { authorsOf } from "../content/authors.ts";
import { timed } from "../timings.ts";
import { backlinksOf, type Backlink } from "../backlinks/index.ts";
import { blogWords, type Words } from "../words/index.ts";
import { countUpTo, newestBefore } from "./asof.ts";

export interface SidebarLimits {
  recent: number;
  sister: number;
  reviews: number;
}

export const DEFAULT_LIMITS: SidebarLimits = { recent: 6, sister: 4, reviews: 5 };

export interface DatedLink {
  title: string;
  url: string;
  datetime: string;
  date: string;
}

export interface SidebarView {
  related: PostLink[];
  /** Each author's recent posts in the blog, one list per author of the post (the lead author first). */
  recent: { authorName: string; posts: PostLink[] }[];
  /** The lead author's name: the reviews, books, podcast and "also visit" boxes are theirs. */
  leadAuthorName: string;
  reviews: DatedLink[];
  sisters: { title: string; url: string; posts: PostLink[] }[];
  podcast?: { title: string; url: string; hostName: string; episode?: DatedLink };
  books: { title: string; url: string }[];
  /** Posts linking to this one, with the sentence around each link (src/backlinks). */
  backlinks: Backlink[];
  /** The author's other blogs and shows: "Also visit Mitchell's personal blog …". */
  alsoVisit: { title: string; url: string; description?: string }[];
  promos: Promo[];
  /** Headings and phrases of the page's blog (src/words). */
  words: Words;
}

interface DatedEpisode extends Episode {
  anchor: string;
}

export interface SidebarIndex {
  archive: Archive;
  mode: "as-of-post" | "latest";
  limits: SidebarLimits;
  /**
   * `blog\0author` → that author's posts in that blog, oldest first (a
   * co-written post is in each of its authors' lists); and each post's
   * index in each of them, in the order of `post.authors`.
   */
  byBlogAuthor: Map<string, Post[]>;
  blogAuthorIndex: Map<Post, number[]>;
  /** Reviews by reviewer (`""` for reviews without one), oldest first. */
  reviewsByAuthor: Map<string, Review[]>;
  /** Each show's episodes, oldest first, with their anchors on the show's page. */
  episodes: Map<string, DatedEpisode[]>;
  /** The show featured on a blog's pages: the blog's own, else one its author hosts. */
  showOfBlog: Map<string, string>;
  showsByHost: Map<string, string[]>;
  booksByAuthor: Map<string, string[]>;
  related: Map<string, Post[]>;
}

const key = (blog: string, author: string) => `${blog}\u0000${author}`;
const byStart = (item: { date: ArchiveDate }) => item.date.start;

function push<K, V>(map: Map<K, V[]>, k: K, value: V): void {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
}

/** Anchor of an item on a list page (`/books/#the-big-switch`), unique within `used`. */
export function anchorFor(title: string, used: Set<string>): string {
  const base = slugify(title) || "item";
  let anchor = base;
  for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
  used.add(anchor);
  return anchor;
}

/** The post of the archive holding a review (`post:` is a path from the project root), if any. */
export function reviewPost(archive: Archive, review: Review): Post | undefined {
  return review.post ? archive.bySource.get(review.post.replace(/^\//, "")) : undefined;
}

/** Where a review is read: its own link, the post holding it, or its entry on /reviews/. */
export function reviewAnchors(reviews: readonly Review[]): Map<Review, string> {
  const used = new Set<string>();
  return new Map(reviews.map((review) => [review, anchorFor(review.title, used)]));
}

export function buildSidebarIndex(
  archive: Archive,
  options: {
    limits?: Partial<SidebarLimits>;
    /** Related ids computed elsewhere (in a worker during the load); else computed here. */
    relatedIds?: ReadonlyMap<string, readonly string[]>;
    related?: RelatedOverrides;
  } = {},
): SidebarIndex {
  const chronological = [...archive.posts].reverse();
  const byBlogAuthor = new Map<string, Post[]>();
  const blogAuthorIndex = new Map<Post, number[]>();
  for (const post of chronological) {
    blogAuthorIndex.set(
      post,
      post.authors.map((author) => {
        const k = key(post.blog, author);
        const at = byBlogAuthor.get(k)?.length ?? 0;
        push(byBlogAuthor, k, post);
        return at;
      }),
    );
  }

  const reviewsByAuthor = new Map<string, Review[]>();
  // Oldest first; among reviews of the same date, the data file's first is
  // the newest, so lists read newest-first show them in the file's order.
  const fileOrder = new Map(archive.reviews.map((review, i) => [review, i]));
  const sorted = [...archive.reviews].sort(
    (a, b) => a.date.start - b.date.start || (fileOrder.get(b) ?? 0) - (fileOrder.get(a) ?? 0),
  );
  for (const review of sorted) {
    push(reviewsByAuthor, review.author ?? "", review);
  }

  const episodes = new Map<string, DatedEpisode[]>();
  const showOfBlog = new Map<string, string>();
  const showsByHost = new Map<string, string[]>();
  for (const [id, show] of Object.entries(archive.podcasts)) {
    const used = new Set<string>();
    const list = show.episodes.map((episode) => ({ ...episode, anchor: anchorFor(episode.title, used) }));
    episodes.set(id, list.sort((a, b) => a.date.start - b.date.start));
    if (show.blog && !showOfBlog.has(show.blog)) showOfBlog.set(show.blog, id);
    push(showsByHost, show.host, id);
  }
  for (const [id, blog] of Object.entries(archive.blogs)) {
    const hosted = blog.author ? showsByHost.get(blog.author)?.find((show) => !archive.podcasts[show]?.blog) : undefined;
    if (!showOfBlog.has(id) && hosted) showOfBlog.set(id, hosted);
  }

  const booksByAuthor = new Map<string, string[]>();
  for (const [id, book] of Object.entries(archive.books)) {
    for (const who of book.recommended_by) push(booksByAuthor, who, id);
  }

  const ids = options.relatedIds ?? timed("related posts", () => computeRelated(relatedDocs(archive.posts, archive.pinned), options.related));
  const related = relatedPosts(archive, ids);
  return {
    archive,
    mode: archive.site.sidebar,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    byBlogAuthor,
    blogAuthorIndex,
    reviewsByAuthor,
    episodes,
    showOfBlog,
    showsByHost,
    booksByAuthor,
    related,
  };
}

/** What related-post scoring needs of each post (src/related). */
export function relatedDocs(posts: readonly Post[], pinned: ReadonlyMap<string, readonly Post[]>): RelatedDoc[] {
  return posts.map((post) => ({
    id: post.source,
    slug: post.slug,
    title: post.title,
    body: post.body,
    tags: post.tags.map((tag) => tag.slug),
    time: post.date.start,
    pinned: pinned.get(post.source)?.map((p) => p.source),
  }));
}

/** Related ids (pinned first, then the best by score) → posts. */
function relatedPosts(archive: Archive, ids: ReadonlyMap<string, readonly string[]>): Map<string, Post[]> {
  const related = new Map<string, Post[]>();
  for (const [id, list] of ids) {
    related.set(
      id,
      list.map((source) => archive.bySource.get(source)).filter((post): post is Post => post !== undefined),
    );
  }
  return related;
}

function datedLink(title: string, url: string, date: ArchiveDate, locale: string): DatedLink {
  return { title, url, datetime: date.datetime, date: formatArchiveDate(date, locale) };
}

/** Everything the sidebars of `post`'s page show. */
export function sidebarView(index: SidebarIndex, post: Post): SidebarView {
  const { archive, limits } = index;
  const locale = archive.site.language;
  const asOf = index.mode === "as-of-post";
  const link = (p: Post) => postLink(p, locale);
  const authors = authorsOf(archive.authors, post);
  const lead = authors[0]?.id ?? "";
  const blog = archive.blogs[post.blog];

  // Each author's earlier posts in this blog (as of the post), or their newest.
  const recent = authors.map((author, i) => {
    const mine = index.byBlogAuthor.get(key(post.blog, author.id)) ?? [];
    // A draft is in no list: its place is after the posts up to its date.
    const position = index.blogAuthorIndex.get(post)?.[i] ?? countUpTo(mine, byStart, post.date.end);
    return { authorName: author.name, posts: newestBefore(mine, asOf ? position : mine.length, limits.recent, post).map(link) };
  });

  const reviewsOf = index.reviewsByAuthor.get(lead) ?? [];
  const anchors = reviewAnchorsOf(index);
  const reviews = newestBefore(reviewsOf, asOf ? countUpTo(reviewsOf, byStart, post.date.end) : reviewsOf.length, limits.reviews).map(
    (review) => datedLink(review.title, reviewUrl(index, review, anchors), review.date, locale),
  );

  const sisters = (blog?.sister_blogs ?? []).flatMap((id) => {
    const sister = archive.blogs[id];
    const posts = archive.blogPosts.get(id) ?? [];
    const end = asOf ? countUpTo(posts, byStart, post.date.end) : posts.length;
    const shown = newestBefore(posts, end, limits.sister).map(link);
    return sister && shown.length ? [{ title: sister.title, url: `/${id}/`, posts: shown }] : [];
  });

  const showId = index.showOfBlog.get(post.blog) ?? index.showsByHost.get(lead)?.[0];
  const show = showId ? archive.podcasts[showId] : undefined;
  let podcast: SidebarView["podcast"];
  if (showId && show) {
    const list = index.episodes.get(showId) ?? [];
    const current = newestBefore(list, asOf ? countUpTo(list, byStart, post.date.end) : list.length, 1)[0];
    const url = `/podcasts/${showId}/`;
    podcast = {
      title: show.title,
      url,
      hostName: archive.authors[show.host]?.name ?? show.host,
      episode: current && datedLink(current.title, `${url}#${current.anchor}`, current.date, locale),
    };
  }

  const books = (index.booksByAuthor.get(lead) ?? []).flatMap((id) => {
    const book = archive.books[id];
    return book ? [{ title: book.title, url: `/books/#${id}` }] : [];
  });

  const sisterIds = new Set(blog?.sister_blogs ?? []);
  const alsoVisit = [
    ...[...sisterIds].flatMap((id) => {
      const sister = archive.blogs[id];
      return sister && sister.author === lead ? [{ title: sister.title, url: `/${id}/`, description: sister.description }] : [];
    }),
    ...(index.showsByHost.get(lead) ?? [])
      .filter((id) => id !== showId)
      .flatMap((id) => {
        const other = archive.podcasts[id];
        return other ? [{ title: other.title, url: `/podcasts/${id}/`, description: other.description }] : [];
      }),
  ];

  return {
    related: (index.related.get(post.source) ?? []).map(link),
    recent,
    leadAuthorName: authors[0]?.name ?? lead,
    reviews,
    sisters,
    podcast,
    books,
    backlinks: backlinksOf(archive, post),
    alsoVisit,
    promos: blog?.promos ?? [],
    words: blogWords(archive, post.blog),
  };
}

const anchorCache = new WeakMap<SidebarIndex, Map<Review, string>>();
function reviewAnchorsOf(index: SidebarIndex): Map<Review, string> {
  let anchors = anchorCache.get(index);
  if (!anchors) anchorCache.set(index, (anchors = reviewAnchors(index.archive.reviews)));
  return anchors;
}

function reviewUrl(index: SidebarIndex, review: Review, anchors: Map<Review, string>): string {
  if (review.link) return review.link;
  const post = reviewPost(index.archive, review);
  return post ? post.url : `/reviews/#${anchors.get(review) ?? slugify(review.title)}`;
}
