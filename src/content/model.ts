/**
 * The archive as the templates see it: validated data and posts, plus the
 * indexes computed once per build (chronological order, position in blog,
 * tags). Templates look things up here; they never scan `posts`.
 */
import type { ArchiveDate } from "../dates.ts";
import type { Author, Blog, Book, Podcast, Review, SeeAlso, Site } from "../schema/index.ts";
import type { Problem } from "../types.ts";

export interface Tag {
  slug: string;
  /** Spelling of the tag's earliest post. */
  name: string;
}

export interface Post {
  /** Source path relative to the project root: `posts/<blog>/<year>/<slug>.md`. */
  source: string;
  blog: string;
  slug: string;
  /** `/<blog>/<yyyy>/<mm>/<slug>/` (without the path prefix). */
  url: string;
  title: string;
  date: ArchiveDate;
  updated?: ArchiveDate;
  /** Position among posts with the same date (earliest first). */
  order: number;
  /** Author id. */
  author: string;
  tags: Tag[];
  /** From front matter, else the first paragraph as plain text. */
  summary?: string;
  aliases: string[];
  /** Source paths of pinned related posts, as written. */
  related: string[];
  seeAlso: SeeAlso[];
  draft: boolean;
  /** False when the post's text did not survive: its page says so. */
  preserved: boolean;
  /** The markdown body and the line it starts on in the source. */
  body: string;
  bodyLine: number;
  /** Rendered body. */
  html: string;
}

export interface ArchiveData {
  site: Site;
  authors: Record<string, Author>;
  blogs: Record<string, Blog>;
  podcasts: Record<string, Podcast>;
  books: Record<string, Book>;
  reviews: Review[];
}

export interface Archive extends ArchiveData {
  /** Every post, newest first. */
  posts: Post[];
  bySource: ReadonlyMap<string, Post>;
  byUrl: ReadonlyMap<string, Post>;
  /** Each blog's posts, oldest first, and each post's index in its blog's list. */
  blogPosts: ReadonlyMap<string, readonly Post[]>;
  blogIndex: ReadonlyMap<Post, number>;
  tags: ReadonlyMap<string, Tag>;
  /** Warnings of the run (errors throw instead). */
  warnings: Problem[];
}

/** Chronological order: date, then `order`, then slug, so builds are reproducible. */
export function comparePosts(a: Post, b: Post): number {
  return a.date.start - b.date.start || a.order - b.order || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}
