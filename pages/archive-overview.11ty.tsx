/** The archive overview `/archive/`: years → months with post counts, site-wide, then per blog. */
import type { ArchiveStore } from "../src/plugins/content.ts";
import type { ArchivePage, OverviewPage } from "../src/views/archives.ts";
import { postCount } from "../src/views/archives.ts";
import { Base } from "../_includes/layouts/Base.tsx";
import { Breadcrumbs } from "../_includes/components/Breadcrumbs.tsx";
import { ArchiveOverview } from "../_includes/components/ArchiveOverview.tsx";

export const data = {
  pagination: {
    data: "archive.archivePages",
    size: 1,
    alias: "overview",
    before: (pages: ArchivePage[]) => pages.filter((page) => page.kind === "overview"),
  },
  permalink: (data: { overview: OverviewPage }) => data.overview.url,
  eleventyExcludeFromCollections: true,
};

export function render({ archive, overview }: { archive: ArchiveStore; overview: OverviewPage }) {
  // One blog's tree would repeat the site-wide one: per blog only when there are several.
  const blogs = overview.blogs.length > 1 ? overview.blogs : [];
  return (
    <Base site={archive.current.site} path={overview.url} title={overview.title} kind="page-archive page-overview">
      <Breadcrumbs crumbs={overview.crumbs} />
      <header class="page-header">
        <h1>{overview.heading}</h1>
        <p class="lede">{overview.lede}</p>
      </header>
      {overview.years.length > 0 && (
        <section class="archive-overview" aria-labelledby="archive-all">
          <h2 id="archive-all">{blogs.length ? "All blogs" : "By year and month"}</h2>
          <ArchiveOverview years={overview.years} />
        </section>
      )}
      {blogs.map((blog) => (
        <section class="archive-overview" aria-labelledby={`blog-${blog.id}`}>
          <h2 id={`blog-${blog.id}`}>
            <a href={blog.url}>{blog.title}</a> <span class="count">({postCount(blog.count)})</span>
          </h2>
          <ArchiveOverview years={blog.years} />
        </section>
      ))}
    </Base>
  );
}
