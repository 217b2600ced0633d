/**
 * Year and month archives, computed once per build in one pass over the
 * posts (newest first), as a flat list of pages that one template renders:
 *
 *   /archive/                         the overview: years → months, with counts,
 *                                     site-wide and per blog
 *   /archive/<yyyy>/, /archive/<yyyy>/<mm>/   every blog's posts of a year, a month
 *   /<blog>/<yyyy>/,  /<blog>/<yyyy>/<mm>/    one blog's
 *
 * each paginated at stable URLs (`/archive/2008/page/2/`), newest first.
 * Years and months are those of `post.date` in the post's own zone, the
 * same ones its URL `/<blog>/<yyyy>/<mm>/<slug>/` is made of, so trimming a
 * post's URL always lands on one of these pages.
 */
import type { Archive, Post } from "../content/model.ts";
import {
  ARCHIVE_URL,
  type Crumb,
  archiveCrumbs,
  blogCrumbs,
  monthName,
  monthTitle,
  monthUrl,
  yearPath,
  yearUrl,
} from "./breadcrumbs.ts";
import { type Paged, paginate } from "./listings.ts";

/** A period linked with its number of posts: "June (5)", "2008 (12)". */
export interface PeriodLink {
  label: string;
  url: string;
  count: number;
}

export interface MonthSummary extends PeriodLink {
  year: number;
  month: number;
}

export interface YearSummary extends PeriodLink {
  year: number;
  /** Months with posts, newest first. */
  months: MonthSummary[];
}

export interface BlogSummary {
  id: string;
  title: string;
  url: string;
  count: number;
  /** Years with posts, newest first. */
  years: YearSummary[];
}

interface PageBase {
  url: string;
  /** The `<title>`, without the site's title. */
  title: string;
  /** The page's `<h1>`. */
  heading: string;
  /** A line under the heading. */
  lede: string;
  crumbs: Crumb[];
}

/** `/archive/`: years → months with counts, site-wide and per blog. */
export interface OverviewPage extends PageBase {
  kind: "overview";
  count: number;
  /** Site-wide, newest first. */
  years: YearSummary[];
  /** Each blog with posts, in `_data/blogs` order. */
  blogs: BlogSummary[];
}

/** One page of a year's or a month's posts, site-wide or of one blog. */
export interface PeriodPage extends PageBase, Paged {
  kind: "year" | "month";
  /** The blog, for a blog's archive; absent site-wide. */
  blog?: { id: string; title: string; url: string };
  year: number;
  month?: number;
  /** Posts of the whole period (all pages). */
  count: number;
  /** Year pages: the months of the year with posts, newest first. */
  months?: MonthSummary[];
  /** The neighbouring periods with posts, in the same scope. */
  newer?: PeriodLink;
  older?: PeriodLink;
}

export type ArchivePage = OverviewPage | PeriodPage;

export function isPeriodPage(page: ArchivePage): page is PeriodPage {
  return page.kind !== "overview";
}

/** "1 post", "12 posts". */
export function postCount(count: number): string {
  return count === 1 ? "1 post" : `${count} posts`;
}

interface YearBucket {
  posts: Post[];
  months: Map<number, Post[]>;
}

/** Posts of one scope (the whole site or one blog) by year and month, each list newest first. */
type Scope = Map<number, YearBucket>;

function add(scope: Scope, post: Post): void {
  const { year, month } = post.date;
  let bucket = scope.get(year);
  if (!bucket) scope.set(year, (bucket = { posts: [], months: new Map() }));
  bucket.posts.push(post);
  const list = bucket.months.get(month);
  if (list) list.push(post);
  else bucket.months.set(month, [post]);
}

/** Years → months of a scope based at `/archive/` or `/<blog>/`, newest first. */
function summarize(scope: Scope, base: string, locale: string): YearSummary[] {
  return [...scope.keys()]
    .sort((a, b) => b - a)
    .map((year) => {
      const bucket = scope.get(year)!;
      const months = [...bucket.months.keys()]
        .sort((a, b) => b - a)
        .map((month) => ({
          year,
          month,
          label: monthName(month, locale),
          url: monthUrl(base, year, month),
          count: bucket.months.get(month)!.length,
        }));
      return { year, label: yearPath(year), url: yearUrl(base, year), count: bucket.posts.length, months };
    });
}

function link(period: PeriodLink | undefined, label?: string): PeriodLink | undefined {
  return period && { label: label ?? period.label, url: period.url, count: period.count };
}

/** Every year and month page of one scope. */
function periodPages(
  scope: Scope,
  years: YearSummary[],
  base: string,
  blog: PeriodPage["blog"],
  locale: string,
): PeriodPage[] {
  const pages: PeriodPage[] = [];
  const where = blog ? `in ${blog.title}` : "across the archive";
  const crumbsFor = (year: number, month?: number) =>
    blog ? blogCrumbs(blog, year, month, locale) : archiveCrumbs(year, month, locale);
  const titled = (name: string) => (blog ? `${name} · ${blog.title}` : name);
  const allMonths = years.flatMap((y) => y.months);
  years.forEach((summary, y) => {
    const bucket = scope.get(summary.year)!;
    pages.push(
      ...paginate(summary.url, bucket.posts, {
        kind: "year" as const,
        blog,
        year: summary.year,
        count: summary.count,
        title: titled(summary.label),
        heading: summary.label,
        lede: `${postCount(summary.count)} ${where}.`,
        crumbs: crumbsFor(summary.year),
        months: summary.months,
        newer: link(years[y - 1]),
        older: link(years[y + 1]),
      }),
    );
  });
  allMonths.forEach((summary, m) => {
    const posts = scope.get(summary.year)!.months.get(summary.month)!;
    const name = monthTitle(summary.year, summary.month, locale);
    const label = (other: MonthSummary | undefined) => other && monthTitle(other.year, other.month, locale);
    pages.push(
      ...paginate(summary.url, posts, {
        kind: "month" as const,
        blog,
        year: summary.year,
        month: summary.month,
        count: summary.count,
        title: titled(name),
        heading: name,
        lede: `${postCount(summary.count)} ${where}.`,
        crumbs: crumbsFor(summary.year, summary.month),
        newer: link(allMonths[m - 1], label(allMonths[m - 1])),
        older: link(allMonths[m + 1], label(allMonths[m + 1])),
      }),
    );
  });
  // Page titles and headings of page 2 on say so.
  for (const page of pages) {
    if (page.pager.page > 1) {
      page.title = `${page.title}, page ${page.pager.page}`;
      page.heading = `${page.heading}, page ${page.pager.page}`;
    }
  }
  return pages;
}

/**
 * Every archive page: the overview first, then the site-wide years and
 * months, then each blog's. One pass over the posts; each post lands in
 * four lists (site year, site month, blog year, blog month).
 */
export function buildArchivePages(archive: Archive): ArchivePage[] {
  const locale = archive.site.language;
  const site: Scope = new Map();
  const byBlog = new Map<string, Scope>();
  for (const post of archive.posts) {
    add(site, post);
    let scope = byBlog.get(post.blog);
    if (!scope) byBlog.set(post.blog, (scope = new Map()));
    add(scope, post);
  }

  const siteYears = summarize(site, ARCHIVE_URL, locale);
  const blogs: { summary: BlogSummary; scope: Scope }[] = [];
  for (const [id, blog] of Object.entries(archive.blogs)) {
    const scope = byBlog.get(id);
    if (!scope) continue;
    const url = `/${id}/`;
    const years = summarize(scope, url, locale);
    const count = years.reduce((sum, y) => sum + y.count, 0);
    blogs.push({ summary: { id, title: blog.title, url, count, years }, scope });
  }

  const overview: OverviewPage = {
    kind: "overview",
    url: ARCHIVE_URL,
    title: "Archive",
    heading: "Archive",
    lede: overviewLede(archive.posts.length, siteYears),
    crumbs: archiveCrumbs(),
    count: archive.posts.length,
    years: siteYears,
    blogs: blogs.map((b) => b.summary),
  };
  const pages: ArchivePage[] = [overview, ...periodPages(site, siteYears, ARCHIVE_URL, undefined, locale)];
  for (const { summary, scope } of blogs) {
    const blog = { id: summary.id, title: summary.title, url: summary.url };
    pages.push(...periodPages(scope, summary.years, summary.url, blog, locale));
  }
  return pages;
}

/** "12 posts from 2006 to 2009." */
function overviewLede(count: number, years: YearSummary[]): string {
  const newest = years[0]?.label;
  const oldest = years[years.length - 1]?.label;
  if (!newest || !oldest) return "No posts yet.";
  return newest === oldest ? `${postCount(count)} from ${newest}.` : `${postCount(count)} from ${oldest} to ${newest}.`;
}
