/**
 * What a standalone page shows: its breadcrumbs (Home › Blog › its parent
 * pages › the page), its author and dates; and what a blog's index shows of
 * its pages. Looked up in maps built once per build.
 */
import type { Archive } from "../content/model.ts";
import type { StandalonePage } from "../content/pages.ts";
import { authorsOf, joinNames } from "../content/authors.ts";
import type { Crumb } from "./breadcrumbs.ts";
import { HOME } from "./breadcrumbs.ts";

export interface PageIndex {
  byUrl: ReadonlyMap<string, StandalonePage>;
  byBlog: ReadonlyMap<string, readonly StandalonePage[]>;
}

/** The pages by URL and by blog (each blog's top-level pages first, in order). */
export function buildPageIndex(pages: readonly StandalonePage[]): PageIndex {
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  const byBlog = new Map<string, StandalonePage[]>();
  for (const page of pages) {
    if (page.draft) continue;
    let list = byBlog.get(page.blog);
    if (!list) byBlog.set(page.blog, (list = []));
    list.push(page);
  }
  for (const list of byBlog.values()) list.sort((a, b) => a.path.length - b.path.length || a.order - b.order || (a.url < b.url ? -1 : 1));
  return { byUrl, byBlog };
}

/** Home › Blog › parent pages › the page. */
export function pageCrumbs(page: StandalonePage, archive: Pick<Archive, "blogs">, index: PageIndex): Crumb[] {
  const blogUrl = `/${page.blog}/`;
  const crumbs: Crumb[] = [HOME, { label: archive.blogs[page.blog]?.title ?? page.blog, url: blogUrl }];
  for (let i = 1; i < page.path.length; i++) {
    const url = `${blogUrl}${page.path.slice(0, i).join("/")}/`;
    const parent = index.byUrl.get(url);
    crumbs.push(parent ? { label: parent.title, url } : { label: page.path[i - 1] ?? "" });
  }
  crumbs.push({ label: page.title, url: page.url });
  return crumbs;
}

export interface PageView {
  page: StandalonePage;
  crumbs: Crumb[];
  blogTitle: string;
  /** The page's authors' names as a sentence says them, when it names any. */
  authorName?: string;
}

export function pageView(archive: Archive, page: StandalonePage, index: PageIndex): PageView {
  const names = authorsOf(archive.authors, page).map((author) => author.name);
  return {
    page,
    crumbs: pageCrumbs(page, archive, index),
    blogTitle: archive.blogs[page.blog]?.title ?? page.blog,
    authorName: names.length ? joinNames(names, archive.site.language) : undefined,
  };
}
