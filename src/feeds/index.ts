/**
 * The archive's feeds, computed once per build as a flat list of files that
 * the page writer (src/plugins/direct.ts) writes: Atom and JSON Feed of the
 * site and of each blog with the newest posts, the Atom feeds' archive
 * pages holding every older post (RFC 5005, ./archive.ts), and an RSS
 * podcast feed per show that has an episode to play.
 */
import type { Archive } from "../content/model.ts";
import type { Site } from "../schema/index.ts";
import type { SidebarIndex } from "../sidebars/index.ts";
import { ATOM_TYPE, JSON_FEED_TYPE, RSS_TYPE, type FeedFile, type FeedOptions } from "./common.ts";
import { podcastFeedUrl, podcastFeeds } from "./podcast.ts";
import { postFeeds } from "./posts.ts";

export type { FeedFile, FeedOptions } from "./common.ts";
export { ARCHIVE_PAGE_SIZE, FEED_LIMIT } from "./common.ts";

export function buildFeeds(archive: Archive, index: SidebarIndex, options: FeedOptions = {}): FeedFile[] {
  return [...postFeeds(archive, options), ...podcastFeeds(index, options)];
}

/** A `<link rel="alternate">` of a page's `<head>`; `href` is root-relative, the path prefix is added with the page's other links. */
export interface FeedLink {
  type: string;
  href: string;
  title: string;
}

/** The feeds a page announces: the site's, then its blog's or its show's when it has one. */
export function feedLinks(
  site: Site,
  own?: { blog: string; title: string } | { podcast: string; title: string },
): FeedLink[] {
  const links: FeedLink[] = [
    { type: ATOM_TYPE, href: "/feed.xml", title: site.title },
    { type: JSON_FEED_TYPE, href: "/feed.json", title: site.title },
  ];
  if (own && "blog" in own) {
    links.push(
      { type: ATOM_TYPE, href: `/${own.blog}/feed.xml`, title: own.title },
      { type: JSON_FEED_TYPE, href: `/${own.blog}/feed.json`, title: own.title },
    );
  } else if (own) {
    links.push({ type: RSS_TYPE, href: podcastFeedUrl(own.podcast), title: own.title });
  }
  return links;
}
