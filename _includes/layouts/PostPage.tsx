/** A post's page: the article, its sidebars, comments, series and JSON-LD (written by src/plugins/posts.ts). */
import type { ArchiveStore } from "../../src/plugins/content.ts";
import type { Post } from "../../src/content/model.ts";
import { articleView } from "../../src/views/article.ts";
import { sidebarView } from "../../src/sidebars/index.ts";
import { summed } from "../../src/timings.ts";
import { blogPostingJsonLd } from "../../src/views/head.ts";
import { commentsView } from "../../src/comments/view.ts";
import { seriesNav, withSeriesJsonLd } from "../../src/series/index.ts";
import { Article } from "./Article.tsx";

export function PostPage({ archive, post }: { archive: ArchiveStore; post: Post }) {
  const current = archive.current;
  const series = seriesNav(archive.series, post, current.site.language);
  return (
    <Article
      site={current.site}
      view={articleView(current, post)}
      sidebar={summed("sidebar views", () => sidebarView(archive.sidebars, post))}
      jsonLd={withSeriesJsonLd(blogPostingJsonLd(current, post), series, current.site.url)}
      comments={commentsView(current, post)}
      series={series}
    />
  );
}
