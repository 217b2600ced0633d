/**
 * What an article page shows, looked up (never scanned) from the archive:
 * the post, its author and blog, its neighbours in the blog, the copyright
 * line. Templates render an `ArticleView` and compute nothing.
 */
import { formatArchiveDate } from "../dates.ts";
import type { Archive, Post } from "../content/model.ts";
import type { Blog, SeeAlso } from "../schema/index.ts";
import { type AuthorRef, authorsOf, namesWithSeparators } from "../content/authors.ts";
import { commentCount } from "../comments/view.ts";

export interface PostLink {
  title: string;
  url: string;
  /** `<time datetime>` value and its human form. */
  datetime: string;
  date: string;
}

export interface ArticleView {
  post: Post;
  blog: Blog & { id: string; url: string };
  /** Every author, the lead author first (src/content/authors.ts). */
  authors: AuthorRef[];
  /** The byline's names and the words between them ("Ann Author", " and ", "Bob Writer"); a name has its page's `url`. */
  byline: { text: string; url?: string }[];
  datetime: string;
  date: string;
  updated?: { datetime: string; date: string };
  tags: { name: string; url: string }[];
  seeAlso: SeeAlso[];
  previous?: PostLink;
  next?: PostLink;
  copyright: string;
  /** "3 comments" and the link to them, when the post has comments. */
  comments?: { count: number; text: string; url: string };
  /** "Originally published at … on …" (`original_url`), and the canonical URL when the site names the original. */
  original?: Provenance;
}

export interface Provenance {
  url: string;
  /** What the line shows of the URL: its host and path, `blogs.example.com/2008/06/xen.html`. */
  label: string;
  datetime: string;
  date: string;
  /** Absolute canonical URL of the page when `site.canonical` is `original`. */
  canonical?: string;
}

/** `https://www.example.com/2008/06/xen.html?p=1` → `www.example.com/2008/06/xen.html?p=1`. */
export function urlLabel(url: string): string {
  return url.replace(/^https?:\/\//i, "").replace(/\/$/, "");
}

/**
 * Whether the post's canonical URL is its `original_url`: with `canonical:
 * original`, unless the original is on the archive's own host (the archive
 * took the old blog's place, and the old address is now a redirect to the
 * post's page).
 */
export function originalIsCanonical(post: Post, site: Pick<Archive["site"], "canonical" | "url">): boolean {
  if (!post.original || site.canonical !== "original") return false;
  try {
    return new URL(post.original.url).host !== new URL(site.url).host;
  } catch {
    return false;
  }
}

/** Where and when `post` was first published, as its page says it; undefined without `original_url`. */
export function provenance(post: Post, site: Pick<Archive["site"], "canonical" | "language" | "url">): Provenance | undefined {
  if (!post.original) return undefined;
  return {
    url: post.original.url,
    label: urlLabel(post.original.url),
    datetime: post.original.date.datetime,
    date: formatArchiveDate(post.original.date, site.language),
    ...(originalIsCanonical(post, site) ? { canonical: post.original.url } : {}),
  };
}

const links = new WeakMap<Post, PostLink>();

/** A link to `post` with its date, made once per post (it appears in many sidebars). */
export function postLink(post: Post, locale: string): PostLink {
  let link = links.get(post);
  if (!link) {
    link = { title: post.title, url: post.url, datetime: post.date.datetime, date: formatArchiveDate(post.date, locale) };
    links.set(post, link);
  }
  return link;
}

/** Forgets the link to `post` made so far (its title changed: `npm start`'s quick rebuild). */
export function forgetPostLink(post: Post): void {
  links.delete(post);
}

export function tagUrl(slug: string): string {
  return `/tags/${slug}/`;
}

/** `Copyright © 2008 IDG Communications, Inc.`: the post's year and its blog's publisher. */
export function copyrightLine(post: Post, blog: Blog, siteFallback: string): string {
  return `Copyright © ${post.date.year} ${blog.publisher ?? siteFallback}`;
}

/** The byline's names, each with its author's page, and the words between them. */
export function bylineParts(authors: readonly AuthorRef[], locale: string): ArticleView["byline"] {
  return namesWithSeparators(authors.map((author) => author.name), locale).map((part) => {
    const author = part.name === undefined ? undefined : authors[part.name];
    return author ? { text: part.text, url: author.url } : { text: part.text };
  });
}

export function articleView(archive: Archive, post: Post): ArticleView {
  const locale = archive.site.language;
  const blog = archive.blogs[post.blog];
  const authors = authorsOf(archive.authors, post);
  if (!blog) throw new Error(`${post.source}: blog vanished after validation`);
  const siblings = archive.blogPosts.get(post.blog) ?? [];
  const index = archive.blogIndex.get(post) ?? -1;
  const previous = index > 0 ? siblings[index - 1] : undefined;
  const next = index >= 0 ? siblings[index + 1] : undefined;
  return {
    post,
    blog: { ...blog, id: post.blog, url: `/${post.blog}/` },
    authors,
    byline: bylineParts(authors, locale),
    datetime: post.date.datetime,
    date: formatArchiveDate(post.date, locale),
    updated: post.updated && { datetime: post.updated.datetime, date: formatArchiveDate(post.updated, locale) },
    tags: post.tags.map((tag) => ({ name: archive.tags.get(tag.slug)?.name ?? tag.name, url: tagUrl(tag.slug) })),
    seeAlso: post.seeAlso,
    previous: previous && postLink(previous, locale),
    next: next && postLink(next, locale),
    copyright: copyrightLine(post, blog, archive.site.publisher),
    comments: commentCount(archive.comments, post, locale),
    original: provenance(post, archive.site),
  };
}
