/** Every series with its number of parts (`/series/`); built only when the archive has a series. */
import type { ArchiveStore } from "../src/plugins/content.ts";
import { SERIES_INDEX_URL } from "../src/series/index.ts";
import { HOME } from "../src/views/breadcrumbs.ts";
import { Base } from "../_includes/layouts/Base.tsx";
import { Breadcrumbs } from "../_includes/components/Breadcrumbs.tsx";

export const data = {
  // One page, or none when no post is in a series.
  pagination: { data: "archive.series.list", size: Number.MAX_SAFE_INTEGER, alias: "list" },
  permalink: SERIES_INDEX_URL,
  eleventyExcludeFromCollections: true,
};

export function render({ archive }: { archive: ArchiveStore }) {
  const { list } = archive.series;
  return (
    <Base site={archive.current.site} path={SERIES_INDEX_URL} title="Series" kind="page-series-index">
      <Breadcrumbs crumbs={[HOME, { label: "Series", url: SERIES_INDEX_URL }]} />
      <header class="page-header">
        <h1>Series</h1>
      </header>
      <ul class="tag-index series-index">
        {list.map((series) => (
          <li>
            <a href={series.url}>{series.name}</a>{" "}
            <span class="count">
              ({series.total} {series.total === 1 ? "part" : "parts"})
            </span>
          </li>
        ))}
      </ul>
    </Base>
  );
}
