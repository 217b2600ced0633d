/**
 * Every feed of the archive (src/feeds): `/feed.xml`, `/feed.json`, each
 * blog's `/<blog>/feed.xml` and `/<blog>/feed.json`, their archive pages
 * (`/feed/archive/<n>.xml`, `/<blog>/feed/archive/<n>.xml`), and each
 * playable show's `/podcasts/<show>/feed.xml`. The bodies are complete
 * documents, written as they are.
 */
import type { FeedFile } from "../src/feeds/index.ts";

export const data = {
  pagination: { data: "archive.feeds", size: 1, alias: "feed" },
  permalink: (data: { feed: FeedFile }) => data.feed.url,
  eleventyExcludeFromCollections: true,
};

export function render({ feed }: { feed: FeedFile }): string {
  return feed.body;
}
