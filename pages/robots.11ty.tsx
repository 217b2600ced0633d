/** `/robots.txt`: the whole archive may be crawled; where its sitemap is. */
import type { ArchiveStore } from "../src/plugins/content.ts";
import { ROBOTS_URL, robotsTxt } from "../src/sitemap/index.ts";

export const data = { permalink: ROBOTS_URL, eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: ArchiveStore }): string {
  return robotsTxt(archive.current.site);
}
