/** Views of post lists (home, blog, tag and archive pages). */
import { formatArchiveDate } from "../dates.ts";
import type { Archive, Post } from "../content/model.ts";
import { commentCount } from "../comments/view.ts";
import { authorsOf, joinNames } from "../content/authors.ts";

export interface PostSummary {
  title: string;
  url: string;
  blogTitle: string;
  blogUrl: string;
  /** The authors' names as a sentence says them: "Ann Author and Bob Writer". */
  authors: string;
  datetime: string;
  date: string;
  summary?: string;
  preserved: boolean;
  /** "3 comments" and the link to them, when the post has comments. */
  comments?: { text: string; url: string };
}

export function postSummary(archive: Archive, post: Post): PostSummary {
  return {
    title: post.title,
    url: post.url,
    blogTitle: archive.blogs[post.blog]?.title ?? post.blog,
    blogUrl: `/${post.blog}/`,
    authors: joinNames(authorsOf(archive.authors, post).map((author) => author.name), archive.site.language),
    datetime: post.date.datetime,
    date: formatArchiveDate(post.date, archive.site.language),
    summary: post.summary,
    preserved: post.preserved,
    comments: commentCount(archive.comments, post, archive.site.language),
  };
}

export interface PagerView {
  page: number;
  pages: number;
  newer?: string;
  older?: string;
}

/** Eleventy's pagination object, the parts we read. */
export interface Pagination<T> {
  items: T[];
  pageNumber: number;
  hrefs: string[];
  href: { previous?: string; next?: string };
}

export function pagerView(pagination: Pagination<unknown>): PagerView {
  return {
    page: pagination.pageNumber + 1,
    pages: pagination.hrefs.length,
    newer: pagination.href.previous,
    older: pagination.href.next,
  };
}

/** Permalink of page `pageNumber` (0-based) of a list at `base`: `/x/`, `/x/page/2/`. */
export function pagedUrl(base: string, pageNumber: number): string {
  return pageNumber === 0 ? base : `${base}page/${pageNumber + 1}/`;
}
