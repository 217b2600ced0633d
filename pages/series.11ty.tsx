/** A series with its parts in reading order (`/series/<slug>/`). */
import type { ArchiveStore } from "../src/plugins/content.ts";
import { SERIES_INDEX_URL, seriesRows, type Series } from "../src/series/index.ts";
import { HOME } from "../src/views/breadcrumbs.ts";
import { postSummary } from "../src/views/lists.ts";
import { Base } from "../_includes/layouts/Base.tsx";
import { Breadcrumbs } from "../_includes/components/Breadcrumbs.tsx";

export const data = {
  pagination: { data: "archive.series.list", size: 1, alias: "series" },
  permalink: (data: { series: Series }) => data.series.url,
  eleventyExcludeFromCollections: true,
};

export function render({ archive, series }: { archive: ArchiveStore; series: Series }) {
  const current = archive.current;
  const count = series.entries.length;
  return (
    <Base site={current.site} path={series.url} title={series.name} description={`A series of ${count} posts.`} kind="page-series">
      <Breadcrumbs crumbs={[HOME, { label: "Series", url: SERIES_INDEX_URL }, { label: series.name, url: series.url }]} />
      <header class="page-header">
        <h1>{series.name}</h1>
        <p class="lede">
          A series in {series.total} {series.total === 1 ? "part" : "parts"}
          {series.missing.length > 0 && <>, of which {count} {count === 1 ? "was" : "were"} preserved</>}.
        </p>
      </header>
      <ol class="post-list series-parts">
        {seriesRows(series).map((row) => {
          if (!row.post) {
            return (
              <li class="post-summary series-missing">
                <p class="series-part">Part {row.number}</p>
                <p class="summary not-preserved-note">This part was not preserved.</p>
              </li>
            );
          }
          const post = postSummary(current, row.post);
          return (
            <li class="post-summary">
              <p class="series-part">Part {row.number}</p>
              <h2>
                <a href={post.url}>{post.title}</a>
              </h2>
              <p class="meta">
                <a href={post.blogUrl}>{post.blogTitle}</a> · {post.authors} · <time datetime={post.datetime}>{post.date}</time>
              </p>
              {post.summary ? <p class="summary">{post.summary}</p> : !post.preserved && <p class="summary not-preserved-note">Text not preserved.</p>}
            </li>
          );
        })}
      </ol>
    </Base>
  );
}
