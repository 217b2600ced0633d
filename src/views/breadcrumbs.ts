/**
 * Breadcrumbs: where a page sits in the archive, from the home page down to
 * the page itself, e.g. Home › Converging on Microsoft › 2008 › June › Title.
 * The trail follows the URL, so each crumb is the page a reader reaches by
 * trimming the address: `/<blog>/<yyyy>/<mm>/<slug>/` → `/<blog>/<yyyy>/<mm>/`
 * → `/<blog>/<yyyy>/` → `/<blog>/` → `/`. The last crumb is the current page.
 * Pure functions of their arguments: no archive scan.
 */
import { DateTime } from "luxon";
import type { Post } from "../content/model.ts";

export interface Crumb {
  label: string;
  /** Absent for a crumb that names a group without a page of its own. */
  url?: string;
}

export const HOME: Crumb = { label: "Home", url: "/" };
export const ARCHIVE_URL = "/archive/";

/** `2008` → `"2008"`, zero-padded to four digits like the URLs. */
export function yearPath(year: number): string {
  return String(year).padStart(4, "0");
}

/** `6` → `"06"`. */
export function monthPath(month: number): string {
  return String(month).padStart(2, "0");
}

/** `/<base>/2008/`: base is `/archive/` or `/<blog>/`. */
export function yearUrl(base: string, year: number): string {
  return `${base}${yearPath(year)}/`;
}

/** `/<base>/2008/06/`. */
export function monthUrl(base: string, year: number, month: number): string {
  return `${base}${yearPath(year)}/${monthPath(month)}/`;
}

/** The month's name alone: "June". */
export function monthName(month: number, locale = "en"): string {
  return DateTime.fromObject({ year: 2000, month, day: 1 }, { zone: "UTC" }).setLocale(locale).toFormat("LLLL");
}

/** A month with its year: "June 2008". */
export function monthTitle(year: number, month: number, locale = "en"): string {
  return DateTime.fromObject({ year, month, day: 1 }, { zone: "UTC" }).setLocale(locale).toFormat("LLLL yyyy");
}

/** Crumbs down to a year and month of `base` (`/archive/` or `/<blog>/`), after the crumbs of `base` itself. */
function periodCrumbs(base: string, year?: number, month?: number, locale = "en"): Crumb[] {
  const crumbs: Crumb[] = [];
  if (year === undefined) return crumbs;
  crumbs.push({ label: yearPath(year), url: yearUrl(base, year) });
  if (month !== undefined) crumbs.push({ label: monthName(month, locale), url: monthUrl(base, year, month) });
  return crumbs;
}

/** Page 2 onwards of a paginated list gets a last crumb of its own. */
export function withPage(crumbs: Crumb[], page: number, url: string): Crumb[] {
  return page > 1 ? [...crumbs, { label: `Page ${page}`, url }] : crumbs;
}

/** A blog's index, year or month: Home › Blog [› 2008 [› June]]. */
export function blogCrumbs(blog: { id: string; title: string }, year?: number, month?: number, locale = "en"): Crumb[] {
  const base = `/${blog.id}/`;
  return [HOME, { label: blog.title, url: base }, ...periodCrumbs(base, year, month, locale)];
}

/** The archive overview, a site-wide year or month: Home › Archive [› 2008 [› June]]. */
export function archiveCrumbs(year?: number, month?: number, locale = "en"): Crumb[] {
  return [HOME, { label: "Archive", url: ARCHIVE_URL }, ...periodCrumbs(ARCHIVE_URL, year, month, locale)];
}

/** A post: Home › Blog › 2008 › June › the post's title. */
export function postCrumbs(post: Pick<Post, "blog" | "title" | "url" | "date">, blogTitle: string, locale = "en"): Crumb[] {
  return [
    ...blogCrumbs({ id: post.blog, title: blogTitle }, post.date.year, post.date.month, locale),
    { label: post.title, url: post.url },
  ];
}

/** A tag's posts: Home › Tags › “Xen”. `tagsUrl` is the tag index, when the site has one. */
export function tagCrumbs(tag: { name: string; url: string }, tagsUrl?: string): Crumb[] {
  return [HOME, { label: "Tags", url: tagsUrl }, { label: tag.name, url: tag.url }];
}

/** An author's posts: Home › Author's name. */
export function authorCrumbs(author: { name: string; url: string }): Crumb[] {
  return [HOME, { label: author.name, url: author.url }];
}
