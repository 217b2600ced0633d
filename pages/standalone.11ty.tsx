/** One page per standalone page of a blog (src/content/pages.ts), at `/<blog>/<path>/`. */
import type { ArchiveStore } from "../src/plugins/content.ts";
import type { StandalonePage } from "../src/content/pages.ts";
import { pageView } from "../src/views/page.ts";
import { Page } from "../_includes/layouts/Page.tsx";

export const data = {
  pagination: { data: "archive.pageList", size: 1, alias: "standalone" },
  permalink: (data: { standalone: StandalonePage }) => data.standalone.url,
  eleventyExcludeFromCollections: true,
};

export function render({ archive, standalone }: { archive: ArchiveStore; standalone: StandalonePage }) {
  return <Page site={archive.current.site} view={pageView(archive.current, standalone, archive.pages)} />;
}
