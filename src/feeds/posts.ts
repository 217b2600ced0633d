/**
 * Atom and JSON Feed of the newest posts: site-wide (`/feed.xml`,
 * `/feed.json`) and per blog (`/<blog>/feed.xml`, `/<blog>/feed.json`).
 * Each entry carries the post's full rendered body with absolute links; a
 * post whose text was not preserved carries a short note instead.
 */
import { DateTime } from "luxon";
import { generateAtomFeed, generateJsonFeed, type AtomFeed, type JsonFeed } from "feedsmith";
import type { Archive, Post } from "../content/model.ts";
import {
  ATOM_TYPE,
  FEED_LIMIT,
  JSON_FEED_TYPE,
  ZonedDate,
  absolutizeHtml,
  siteUrls,
  type FeedFile,
  type FeedOptions,
  type SiteUrls,
} from "./common.ts";

/** Body of a post whose text did not survive (the post page says the same). */
export const NOT_PRESERVED_HTML =
  "<p>The text of this post was not preserved. Its title, blog, author and date are known from other pages of the archive.</p>";

/** What one pair of feeds covers: the whole site or one blog. */
export interface PostFeedScope {
  title: string;
  description?: string;
  /** Root-relative URL of the page the feed follows (`/`, `/<blog>/`). */
  home: string;
  /** Root-relative URLs of the two feeds. */
  atom: string;
  json: string;
  /** The newest posts, newest first. */
  posts: readonly Post[];
}

/**
 * The site's scope and one per blog, each with its newest `limit` posts.
 * Drafts never appear, not even when the dev server builds them.
 */
export function postFeedScopes(archive: Archive, limit = FEED_LIMIT): PostFeedScope[] {
  const published = (post: Post) => !post.draft;
  const site: PostFeedScope = {
    title: archive.site.title,
    description: archive.site.description,
    home: "/",
    atom: "/feed.xml",
    json: "/feed.json",
    posts: archive.posts.filter(published).slice(0, limit),
  };
  const blogs = Object.entries(archive.blogs).map(([id, blog]): PostFeedScope => {
    // Oldest first in the index: the newest are at the end.
    const posts = (archive.blogPosts.get(id) ?? []).filter(published);
    return {
      title: blog.title,
      description: blog.description,
      home: `/${id}/`,
      atom: `/${id}/feed.xml`,
      json: `/${id}/feed.json`,
      posts: posts.slice(Math.max(0, posts.length - limit)).reverse(),
    };
  });
  return [site, ...blogs];
}

/** Everything a feed says about one post, computed once per build and shared by every feed listing it. */
interface PostEntry {
  post: Post;
  url: string;
  html: string;
  authorName: string;
  authorUrl: string;
  published: Date;
  updated: Date;
}

function postEntry(archive: Archive, urls: SiteUrls, post: Post): PostEntry {
  const url = urls.abs(post.url);
  return {
    post,
    url,
    html: post.preserved ? absolutizeHtml(post.html, url, urls) : NOT_PRESERVED_HTML,
    authorName: archive.authors[post.author]?.name ?? post.author,
    authorUrl: urls.abs(`/authors/${post.author}/`),
    published: new ZonedDate(post.date.dt),
    updated: new ZonedDate((post.updated ?? post.date).dt),
  };
}

function atomFeed(archive: Archive, scope: PostFeedScope, entries: readonly PostEntry[], urls: SiteUrls): string {
  const newest = entries.reduce<PostEntry | undefined>(
    (best, entry) => (!best || entry.updated.getTime() > best.updated.getTime() ? entry : best),
    undefined,
  );
  const feed: AtomFeed.Feed<Date> = {
    id: urls.abs(scope.home),
    title: { value: scope.title, type: "text" },
    subtitle: scope.description ? { value: scope.description, type: "text" } : undefined,
    // An empty feed still needs a date; the epoch keeps builds reproducible.
    updated: newest?.updated ?? new ZonedDate(DateTime.fromMillis(0, { zone: "utc" })),
    links: [
      { href: urls.abs(scope.home), rel: "alternate", type: "text/html" },
      { href: urls.abs(scope.atom), rel: "self", type: ATOM_TYPE },
    ],
    xml: { lang: archive.site.language },
    entries: entries.map(
      (entry): AtomFeed.Entry<Date> => ({
        id: entry.url,
        title: { value: entry.post.title, type: "text" },
        links: [{ href: entry.url, rel: "alternate", type: "text/html" }],
        published: entry.published,
        updated: entry.updated,
        authors: [{ name: entry.authorName, uri: entry.authorUrl }],
        categories: entry.post.tags.map((tag) => ({ term: tag.name })),
        summary: entry.post.summary ? { value: entry.post.summary, type: "text" } : undefined,
        content: { value: entry.html, type: "html" },
      }),
    ),
  };
  return generateAtomFeed(feed);
}

function jsonFeed(archive: Archive, scope: PostFeedScope, entries: readonly PostEntry[], urls: SiteUrls): string {
  const feed: JsonFeed.Feed<Date> = {
    title: scope.title,
    description: scope.description,
    home_page_url: urls.abs(scope.home),
    feed_url: urls.abs(scope.json),
    language: archive.site.language,
    items: entries.map(
      (entry): JsonFeed.Item<Date> => ({
        id: entry.url,
        url: entry.url,
        title: entry.post.title,
        content_html: entry.html,
        summary: entry.post.summary,
        date_published: entry.published,
        // Only when the post says when it was revised.
        date_modified: entry.post.updated ? entry.updated : undefined,
        authors: [{ name: entry.authorName, url: entry.authorUrl }],
        tags: entry.post.tags.length ? entry.post.tags.map((tag) => tag.name) : undefined,
      }),
    ),
  };
  return `${JSON.stringify(generateJsonFeed(feed), null, 2)}\n`;
}

/** The Atom and JSON feeds of the site and of every blog. */
export function postFeeds(archive: Archive, options: FeedOptions = {}): FeedFile[] {
  const urls = siteUrls(archive.site, options.prefix);
  const cache = new Map<Post, PostEntry>();
  const entryOf = (post: Post) => {
    let entry = cache.get(post);
    if (!entry) cache.set(post, (entry = postEntry(archive, urls, post)));
    return entry;
  };
  return postFeedScopes(archive, options.limit).flatMap((scope) => {
    const entries = scope.posts.map(entryOf);
    return [
      { url: scope.atom, type: ATOM_TYPE, body: atomFeed(archive, scope, entries, urls) },
      { url: scope.json, type: JSON_FEED_TYPE, body: jsonFeed(archive, scope, entries, urls) },
    ];
  });
}
