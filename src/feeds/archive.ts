/**
 * Feed paging and archiving (RFC 5005, section 4): a short subscription
 * feed of the newest posts, and archived feed documents that together hold
 * every older post exactly once.
 *
 * Pages fill from the oldest post: page 1 holds the oldest `pageSize`
 * posts, page 2 the next, and so on. Only full pages are archive documents;
 * the newer remainder (at least `limit` posts, fewer than
 * `limit + pageSize`) is the subscription feed. A new post, being the
 * newest, only ever lengthens the subscription feed until another page is
 * full, so an archive page, once written, keeps its URL and its entries.
 * (A post added with a date older than published pages moves every page
 * from its place on by one post: the archive is ordered by date.)
 *
 * https://www.rfc-editor.org/rfc/rfc5005#section-4
 */

/** The `fh` namespace of RFC 5005; `<fh:archive/>` marks an archive document. */
export const FEED_HISTORY_NAMESPACE = "http://purl.org/syndication/history/1.0";

export interface ArchivePage<T> {
  /** 1 for the oldest page. */
  number: number;
  /** Root-relative URL of the page's document. */
  url: string;
  /** Its items, newest first. */
  items: T[];
}

export interface FeedPaging<T> {
  /** Items of the subscription feed, newest first. */
  current: T[];
  /** Archive pages, oldest (page 1) first. */
  pages: ArchivePage<T>[];
}

/** `/feed.xml` → `/feed/archive/3.xml`; `/alpha/feed.xml` → `/alpha/feed/archive/3.xml`. */
export function archivePageUrl(feedUrl: string, n: number): string {
  return `${feedUrl.replace(/\.xml$/, "")}/archive/${n}.xml`;
}

/**
 * Split `oldestFirst` into full archive pages of `pageSize` and the
 * subscription feed's newest items (at least `limit` of them, when there
 * are that many).
 */
export function pageFeed<T>(oldestFirst: readonly T[], feedUrl: string, limit: number, pageSize: number): FeedPaging<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`Feed limit must be a whole number of at least 1, not ${limit}.`);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`Archive page size must be a whole number of at least 1, not ${pageSize}.`);
  const full = Math.floor(Math.max(0, oldestFirst.length - limit) / pageSize);
  const pages: ArchivePage<T>[] = [];
  for (let n = 1; n <= full; n++) {
    pages.push({ number: n, url: archivePageUrl(feedUrl, n), items: oldestFirst.slice((n - 1) * pageSize, n * pageSize).reverse() });
  }
  return { current: oldestFirst.slice(full * pageSize).reverse(), pages };
}

/** The RFC 5005 links of one document: the subscription feed (`page` undefined) or archive page `page`. */
export function archiveLinks(
  feedUrl: string,
  pageCount: number,
  page?: number,
): { rel: "current" | "prev-archive" | "next-archive"; href: string }[] {
  if (page === undefined) return pageCount > 0 ? [{ rel: "prev-archive", href: archivePageUrl(feedUrl, pageCount) }] : [];
  const links: { rel: "current" | "prev-archive" | "next-archive"; href: string }[] = [{ rel: "current", href: feedUrl }];
  if (page > 1) links.push({ rel: "prev-archive", href: archivePageUrl(feedUrl, page - 1) });
  if (page < pageCount) links.push({ rel: "next-archive", href: archivePageUrl(feedUrl, page + 1) });
  return links;
}
