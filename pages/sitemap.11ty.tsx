/** `/sitemap.xml`: every HTML page of the archive (src/sitemap), written once Eleventy knows every page's URL. */
import type { ArchiveStore } from "../src/plugins/content.ts";
import { SITEMAP_URL } from "../src/sitemap/index.ts";

export const data = { permalink: SITEMAP_URL, eleventyExcludeFromCollections: true };

export function render({ archive }: { archive: ArchiveStore }): string {
  return archive.sitemap;
}
