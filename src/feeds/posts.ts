/**
 * Atom and JSON Feed of the posts: site-wide (`/feed.xml`, `/feed.json`)
 * and per blog (`/<blog>/feed.xml`, `/<blog>/feed.json`), each a short
 * subscription feed of the newest posts; every older post is in the Atom
 * feed's archived documents (`/feed/archive/<n>.xml`, RFC 5005, see
 * ./archive.ts). Each entry carries the post's full rendered body with
 * absolute links; a post whose text was not preserved carries a short note
 * instead. Titles, summaries and names are written as exactly the text they
 * are (escaped, never wrapped or re-indented).
 */
import type { Archive, Post } from "../content/model.ts";
import { authorsOf } from "../content/authors.ts";
import { FEED_HISTORY_NAMESPACE, archiveLinks, pageFeed, type ArchivePage } from "./archive.ts";
import {
  ARCHIVE_PAGE_SIZE,
  ATOM_TYPE,
  FEED_LIMIT,
  JSON_FEED_TYPE,
  absolutizeHtml,
  isoDate,
  jsonDocument,
  siteUrls,
  xmlDocument,
  type FeedFile,
  type FeedOptions,
  type SiteUrls,
  type XmlTree,
} from "./common.ts";

/** Body of a post whose text did not survive (the post page says the same). */
export const NOT_PRESERVED_HTML =
  "<p>The text of this post was not preserved. Its title, blog, author and date are known from other pages of the archive.</p>";

export const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

/** What one pair of feeds covers: the whole site or one blog. */
export interface PostFeedScope {
  title: string;
  description?: string;
  /** Root-relative URL of the page the feed follows (`/`, `/<blog>/`). */
  home: string;
  /** Root-relative URLs of the two feeds. */
  atom: string;
  json: string;
  /** The subscription feed's posts: the newest, newest first. */
  posts: readonly Post[];
  /** Every older post, in full archive pages, oldest page first. */
  pages: readonly ArchivePage<Post>[];
}

/**
 * The site's scope and one per blog. Drafts never appear, not even when the
 * dev server builds them.
 */
export function postFeedScopes(archive: Archive, limit = FEED_LIMIT, pageSize = ARCHIVE_PAGE_SIZE): PostFeedScope[] {
  const published = (post: Post) => !post.draft;
  const scope = (title: string, description: string | undefined, home: string, oldestFirst: readonly Post[]): PostFeedScope => {
    const atom = `${home}feed.xml`;
    const paging = pageFeed(oldestFirst, atom, limit, pageSize);
    return { title, description, home, atom, json: `${home}feed.json`, posts: paging.current, pages: paging.pages };
  };
  const site = scope(archive.site.title, archive.site.description, "/", [...archive.posts.filter(published)].reverse());
  // Each blog's index is oldest first already.
  const blogs = Object.entries(archive.blogs).map(([id, blog]) =>
    scope(blog.title, blog.description, `/${id}/`, (archive.blogPosts.get(id) ?? []).filter(published)),
  );
  return [site, ...blogs];
}

/** Everything a feed says about one post, computed once per build and shared by every feed listing it. */
interface PostEntry {
  post: Post;
  url: string;
  html: string;
  /** Every author of the post, in order, with the absolute URL of their page. */
  authors: { name: string; url: string }[];
  published: string;
  updated: string;
  /** For choosing a feed's `updated`. */
  updatedAt: number;
}

function postEntry(archive: Archive, urls: SiteUrls, post: Post): PostEntry {
  const url = urls.abs(post.url);
  const updated = post.updated ?? post.date;
  return {
    post,
    url,
    html: post.preserved ? absolutizeHtml(post.html, url, urls) : NOT_PRESERVED_HTML,
    authors: authorsOf(archive.authors, post).map((author) => ({ name: author.name, url: urls.abs(author.url) })),
    published: isoDate(post.date.dt),
    updated: isoDate(updated.dt),
    updatedAt: updated.start,
  };
}

/** An Atom text construct: plain text, as it is. */
const text = (value: string): XmlTree => ({ "@_type": "text", "#text": value });

function atomEntry(entry: PostEntry): XmlTree {
  return {
    id: entry.url,
    title: text(entry.post.title),
    link: { "@_href": entry.url, "@_rel": "alternate", "@_type": "text/html" },
    published: entry.published,
    updated: entry.updated,
    author: entry.authors.map((author): XmlTree => ({ name: author.name, uri: author.url })),
    category: entry.post.tags.map((tag): XmlTree => ({ "@_term": tag.name })),
    summary: entry.post.summary ? text(entry.post.summary) : undefined,
    content: { "@_type": "html", "#text": entry.html },
  };
}

/** The subscription feed (`page` undefined) or one of its archive pages. */
function atomFeed(
  archive: Archive,
  scope: PostFeedScope,
  entries: readonly PostEntry[],
  urls: SiteUrls,
  page?: ArchivePage<Post>,
): string {
  const newest = entries.reduce<PostEntry | undefined>((best, entry) => (!best || entry.updatedAt > best.updatedAt ? entry : best), undefined);
  const self = page ? page.url : scope.atom;
  const history = archiveLinks(scope.atom, scope.pages.length, page?.number);
  return xmlDocument({
    feed: {
      "@_xmlns": ATOM_NAMESPACE,
      "@_xmlns:fh": page ? FEED_HISTORY_NAMESPACE : undefined,
      "@_xml:lang": archive.site.language,
      id: page ? urls.abs(page.url) : urls.abs(scope.home),
      title: text(scope.title),
      subtitle: scope.description ? text(scope.description) : undefined,
      // An empty feed still needs a date; the epoch keeps builds reproducible.
      updated: newest?.updated ?? "1970-01-01T00:00:00Z",
      link: [
        { "@_href": urls.abs(scope.home), "@_rel": "alternate", "@_type": "text/html" },
        { "@_href": urls.abs(self), "@_rel": "self", "@_type": ATOM_TYPE },
        ...history.map((link): XmlTree => ({ "@_href": urls.abs(link.href), "@_rel": link.rel, "@_type": ATOM_TYPE })),
      ],
      "fh:archive": page ? "" : undefined,
      entry: entries.map(atomEntry),
    },
  });
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/); JSON keeps every string exactly. */
function jsonFeed(archive: Archive, scope: PostFeedScope, entries: readonly PostEntry[], urls: SiteUrls): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: scope.title,
    ...(scope.description ? { description: scope.description } : {}),
    home_page_url: urls.abs(scope.home),
    feed_url: urls.abs(scope.json),
    language: archive.site.language,
    items: entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.post.title,
      content_html: entry.html,
      ...(entry.post.summary ? { summary: entry.post.summary } : {}),
      date_published: entry.published,
      // Only when the post says when it was revised.
      ...(entry.post.updated ? { date_modified: entry.updated } : {}),
      authors: entry.authors,
      ...(entry.post.tags.length ? { tags: entry.post.tags.map((tag) => tag.name) } : {}),
    })),
  };
  return jsonDocument(feed);
}

/** The Atom and JSON feeds of the site and of every blog, and the Atom feeds' archive pages. */
export function postFeeds(archive: Archive, options: FeedOptions = {}): FeedFile[] {
  const urls = siteUrls(archive.site, options.prefix);
  const cache = new Map<Post, PostEntry>();
  const entryOf = (post: Post) => {
    let entry = cache.get(post);
    if (!entry) cache.set(post, (entry = postEntry(archive, urls, post)));
    return entry;
  };
  // Bodies are written when read (when Eleventy renders the file), so the
  // whole archive's feeds are never held twice.
  const file = (url: string, type: string, posts: readonly Post[], write: () => string): FeedFile => ({
    url,
    type,
    posts,
    get body() {
      return write();
    },
  });
  return postFeedScopes(archive, options.limit, options.pageSize).flatMap((scope): FeedFile[] => [
    file(scope.atom, ATOM_TYPE, scope.posts, () => atomFeed(archive, scope, scope.posts.map(entryOf), urls)),
    file(scope.json, JSON_FEED_TYPE, scope.posts, () => jsonFeed(archive, scope, scope.posts.map(entryOf), urls)),
    ...scope.pages.map((page) => file(page.url, ATOM_TYPE, page.items, () => atomFeed(archive, scope, page.items.map(entryOf), urls, page))),
  ]);
}
