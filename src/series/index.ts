/**
 * Series: posts that belong together (`series: Xen in Depth`, with an
 * optional `part: 2` in front matter). Like tags, `Xen in Depth` and
 * `xen in depth` are one series (one slug, `/series/xen-in-depth/`), shown
 * with the spelling of its earliest post. A series' posts are ordered by
 * part, then (posts without a part, after the numbered ones) by date.
 *
 * Everything is computed once per build (`buildSeriesIndex`); a page looks
 * up its post's place (`seriesNav`).
 */
import type { Post } from "../content/model.ts";
import { comparePosts } from "../content/model.ts";
import { slugify } from "../slug.ts";
import type { Problem } from "../types.ts";
import { absoluteUrl } from "../urls.ts";
import { type PostLink, postLink } from "../views/article.ts";

export const SERIES_INDEX_URL = "/series/";

export function seriesUrl(slug: string): string {
  return `${SERIES_INDEX_URL}${slug}/`;
}

export interface SeriesEntry {
  post: Post;
  /** The part's number: its `part`, else its place after the numbered parts. */
  number: number;
}

export interface Series {
  slug: string;
  /** Spelling of the series' earliest post. */
  name: string;
  url: string;
  /** In reading order. */
  entries: SeriesEntry[];
  /** Parts there are: the highest number. */
  total: number;
  /** Numbers below the highest that no post of the archive has (parts that were not preserved). */
  missing: number[];
}

export interface SeriesIndex {
  /** Every series, by name. */
  list: Series[];
  bySlug: ReadonlyMap<string, Series>;
  /** A post's series and its place (index into `entries`). */
  ofPost: ReadonlyMap<Post, { series: Series; index: number }>;
}

/** What an article shows: "Part 2 of 5 in <series>", with the series' previous and next posts. */
export interface SeriesNav {
  name: string;
  url: string;
  number: number;
  total: number;
  previous?: PostLink;
  next?: PostLink;
}

/**
 * Problems with `series` and `part` in the posts to be built: a `part`
 * without a `series`, a series name that gives no slug, and two posts
 * claiming the same part of a series.
 */
export function seriesProblems(posts: readonly Post[]): Problem[] {
  const problems: Problem[] = [];
  const parts = new Map<string, Post>();
  for (const post of posts) {
    if (post.series === undefined) {
      if (post.part !== undefined) {
        problems.push({ file: post.source, line: post.lines.part, field: "part", message: "needs a `series`: the part of which series?", severity: "error" });
      }
      continue;
    }
    const slug = slugify(post.series);
    if (!slug) {
      problems.push({ file: post.source, line: post.lines.series, field: "series", message: `"${post.series}" gives an empty slug: name the series with letters or digits`, severity: "error" });
      continue;
    }
    if (post.part === undefined) continue;
    const key = `${slug}\u0000${post.part}`;
    const first = parts.get(key);
    if (first) {
      problems.push({
        file: post.source,
        line: post.lines.part,
        field: "part",
        message: `part ${post.part} of the series "${post.series}" is also ${first.source}`,
        severity: "error",
      });
    } else {
      parts.set(key, post);
    }
  }
  return problems;
}

/** Reading order within a series: numbered parts by number, then the others by date. */
function compareInSeries(a: Post, b: Post): number {
  if (a.part !== undefined && b.part !== undefined) return a.part - b.part || comparePosts(a, b);
  if (a.part !== undefined) return -1;
  if (b.part !== undefined) return 1;
  return comparePosts(a, b);
}

/** Every series of `posts` (published posts: drafts are in no series' list). */
export function buildSeriesIndex(posts: readonly Post[]): SeriesIndex {
  const groups = new Map<string, Post[]>();
  for (const post of posts) {
    if (post.draft || post.series === undefined) continue;
    const slug = slugify(post.series);
    if (!slug) continue;
    const group = groups.get(slug);
    if (group) group.push(post);
    else groups.set(slug, [post]);
  }
  const list: Series[] = [];
  const ofPost = new Map<Post, { series: Series; index: number }>();
  for (const [slug, group] of groups) {
    const earliest = group.reduce((first, post) => (comparePosts(post, first) < 0 ? post : first));
    const ordered = [...group].sort(compareInSeries);
    const highest = ordered.reduce((max, post) => Math.max(max, post.part ?? 0), 0);
    let next = highest;
    const entries = ordered.map((post) => ({ post, number: post.part ?? ++next }));
    const numbered = new Set(ordered.map((post) => post.part));
    const missing: number[] = [];
    for (let n = 1; n < highest; n++) if (!numbered.has(n)) missing.push(n);
    const series: Series = { slug, name: earliest.series ?? slug, url: seriesUrl(slug), entries, total: next, missing };
    list.push(series);
    entries.forEach((entry, index) => ofPost.set(entry.post, { series, index }));
  }
  list.sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || (a.slug < b.slug ? -1 : 1));
  return { list, bySlug: new Map(list.map((series) => [series.slug, series])), ofPost };
}

/** `post`'s place in its series, or undefined when it is in none. */
export function seriesNav(index: SeriesIndex, post: Post, locale: string): SeriesNav | undefined {
  const place = index.ofPost.get(post);
  if (!place) return undefined;
  const { series, index: i } = place;
  const previous = series.entries[i - 1]?.post;
  const next = series.entries[i + 1]?.post;
  return {
    name: series.name,
    url: series.url,
    number: series.entries[i]?.number ?? i + 1,
    total: series.total,
    previous: previous && postLink(previous, locale),
    next: next && postLink(next, locale),
  };
}

/**
 * schema.org for the post's series, to add to its `BlogPosting`'s
 * `isPartOf` (beside its blog): a `CreativeWorkSeries` with the post's
 * `position` in it.
 */
export function seriesJsonLd(nav: SeriesNav, origin: string): { isPartOf: object; position: number } {
  return {
    isPartOf: { "@type": "CreativeWorkSeries", name: nav.name, url: absoluteUrl(origin, nav.url) },
    position: nav.number,
  };
}

/**
 * `jsonLd` (a `BlogPosting`) with the post's series added to its
 * `isPartOf`, which becomes a list when it already names the blog.
 */
export function withSeriesJsonLd(jsonLd: object, nav: SeriesNav | undefined, origin: string): object {
  if (!nav) return jsonLd;
  const { isPartOf, position } = seriesJsonLd(nav, origin);
  const existing = (jsonLd as { isPartOf?: unknown }).isPartOf;
  const parts = existing === undefined ? [isPartOf] : [...(Array.isArray(existing) ? existing : [existing]), isPartOf];
  return { ...jsonLd, isPartOf: parts, position };
}

/** A series page's rows: each part in reading order, with the numbers no post has in their place. */
export type SeriesRow = { number: number; post: Post } | { number: number; post?: undefined };

export function seriesRows(series: Series): SeriesRow[] {
  const rows: SeriesRow[] = [];
  const missing = [...series.missing];
  for (const entry of series.entries) {
    while (missing.length && (missing[0] ?? Infinity) < entry.number) rows.push({ number: missing.shift() ?? 0 });
    rows.push({ number: entry.number, post: entry.post });
  }
  return rows;
}
