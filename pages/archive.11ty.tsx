/**
 * Year and month archives, site-wide (`/archive/2008/`, `/archive/2008/06/`)
 * and per blog (`/<blog>/2008/`, `/<blog>/2008/06/`), newest first,
 * paginated (`…/page/2/`). The overview `/archive/` is archive-overview.11ty.tsx.
 */
import type { ArchiveStore } from "../src/plugins/content.ts";
import { type ArchivePage, type PeriodPage, isPeriodPage } from "../src/views/archives.ts";
import { postSummary } from "../src/views/lists.ts";
import { Base } from "../_includes/layouts/Base.tsx";
import { Breadcrumbs } from "../_includes/components/Breadcrumbs.tsx";
import { MonthList, PeriodNav } from "../_includes/components/ArchiveOverview.tsx";
import { PostList } from "../_includes/components/PostList.tsx";
import { Pager } from "../_includes/components/Pager.tsx";

export const data = {
  pagination: {
    data: "archive.archivePages",
    size: 1,
    alias: "period",
    before: (pages: ArchivePage[]) => pages.filter(isPeriodPage),
  },
  permalink: (data: { period: PeriodPage }) => data.period.url,
  eleventyExcludeFromCollections: true,
};

export function render({ archive, period }: { archive: ArchiveStore; period: PeriodPage }) {
  const current = archive.current;
  return (
    <Base site={current.site} path={period.url} title={period.title} kind={`page-archive page-${period.kind}`}>
      <Breadcrumbs crumbs={period.crumbs} />
      <header class="page-header">
        <h1>{period.heading}</h1>
        <p class="lede">{period.lede}</p>
        {period.months && period.months.length > 0 && <MonthList months={period.months} />}
      </header>
      <PostList posts={period.posts.map((post) => postSummary(current, post))} />
      <Pager pager={period.pager} />
      <PeriodNav newer={period.newer} older={period.older} label={period.kind === "year" ? "Other years" : "Other months"} />
    </Base>
  );
}
