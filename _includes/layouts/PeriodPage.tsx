/**
 * A year or month archive, site-wide (`/archive/2008/06/`) or per blog
 * (`/<blog>/2008/06/`), one page of it (written by src/plugins/direct.ts).
 */
import type { ArchiveStore } from "../../src/plugins/content.ts";
import type { PeriodPage as Period } from "../../src/views/archives.ts";
import { postSummary } from "../../src/views/lists.ts";
import { Base } from "./Base.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { MonthList, PeriodNav } from "../components/ArchiveOverview.tsx";
import { PostList } from "../components/PostList.tsx";
import { Pager } from "../components/Pager.tsx";

export function PeriodPage({ archive, period }: { archive: ArchiveStore; period: Period }) {
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
