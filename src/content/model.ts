/**
 * The archive as the templates see it: validated data and posts, plus the
 * indexes computed once per build (chronological order, position in blog,
 * tags). Templates look things up here; they never scan `posts`.
 */
import type { ArchiveDate } from "../dates.ts";
import type { LinkRecord } from "../links/model.ts";
import type { Author, Blog, Book, Podcast, Review, SeeAlso, Site } from "../schema/index.ts";
import type { CommentIndex } from "../comments/model.ts";
import type { Problem } from "../types.ts";
import type { StandalonePage } from "./pages.ts";
import type { LinkSnippet } from "../backlinks/context.ts";
import type { OldAddresses } from "../redirects/oldlinks.ts";

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
  /** Author ids, the lead author first; never empty (src/content/authors.ts). */
  authors: string[];
  tags: Tag[];
  /** From front matter, else the first paragraph as plain text. */
  summary?: string;
  aliases: string[];
  /** Pinned related posts, as written (paths to .md files, relative to this post or from the root). */
  related: string[];
  /** Line of each front-matter key in the source, for messages about them. */
  lines: Partial<Record<string, number>>;
  seeAlso: SeeAlso[];
  draft: boolean;
  /** Series the post belongs to, as written, and its part number (src/series). */
  series?: string;
  part?: number;
  /** False when the post's text did not survive: its page says so. */
  preserved: boolean;
  /** The markdown body and the line it starts on in the source. */
  body: string;
  bodyLine: number;
  /** Rendered body. */
  html: string;
  /** Where the post was first published (`original_url`, `original_date`; the date is `date` unless given). */
  original?: { url: string; date: ArchiveDate };
}

export interface ArchiveData {
  site: Site;
  authors: Record<string, Author>;
  blogs: Record<string, Blog>;
  podcasts: Record<string, Podcast>;
  books: Record<string, Book>;
  reviews: Review[];
  /** The external links' recorded state (`_data/links.yaml`, written by `npm run links`); none when the file is absent. */
  links?: LinkRecord[];
}

export interface Archive extends ArchiveData {
  /** Every published post, newest first: what every list, feed and index shows. */
  posts: Post[];
  /**
   * Drafts being previewed (`npm start`), newest first; empty in production
   * builds. Each gets its own page and appears nowhere else.
   */
  drafts: Post[];
  /** Drafts this build left out (production builds leave out every draft). */
  draftsLeftOut: number;
  bySource: ReadonlyMap<string, Post>;
  byUrl: ReadonlyMap<string, Post>;
  /** Each blog's posts, oldest first, and each post's index in its blog's list. */
  blogPosts: ReadonlyMap<string, readonly Post[]>;
  blogIndex: ReadonlyMap<Post, number>;
  tags: ReadonlyMap<string, Tag>;
  /** Pinned related posts of each post (by source path), resolved. */
  pinned: ReadonlyMap<string, readonly Post[]>;
  /** Posts linking to each post (by source path), newest first. */
  backlinks: ReadonlyMap<string, readonly Post[]>;
  /** For each linked post (by source), the sentence around the first link of each post linking to it (by source). */
  backlinkSnippets?: ReadonlyMap<string, ReadonlyMap<string, LinkSnippet>>;
  /** The posts' old addresses (aliases, `site.old_origins`), for links by old address (src/redirects/oldlinks.ts). */
  oldAddresses?: OldAddresses<Post>;
  /** Root-relative links found in posts (`/tags/xen/`), checked once the site's URLs are known. */
  siteLinks: readonly SiteLink[];
  /**
   * Links to `.md` files that lead nowhere: reported together with the
   * broken root-relative links once the site's URLs are known, so that one
   * build lists every broken link.
   */
  brokenLinks: readonly Problem[];
  /** Warnings of the run (other errors throw instead). */
  warnings: Problem[];
  /** Comments of each post (`<slug>.comments.yaml`), and the replies citing them. */
  comments: CommentIndex;
  /** The blogs' standalone pages (src/content/pages.ts), set once they are loaded after the posts. */
  pages?: readonly StandalonePage[];
}

export interface SiteLink {
  source: string;
  line: number;
  /** The path on the site it leads to (root-relative). */
  href: string;
  /** The link as written, when it was page-relative (`../other/`). */
  written?: string;
}

/** Chronological order: date, then `order`, then slug, so builds are reproducible. */
export function comparePosts(a: Post, b: Post): number {
  return a.date.start - b.date.start || a.order - b.order || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}
