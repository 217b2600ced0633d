/** One page per post, at the URL the loader computed. */
import type { ArchiveStore } from "../src/plugins/content.ts";
import type { Post } from "../src/content/model.ts";
import { articleView } from "../src/views/article.ts";
import { sidebarView } from "../src/sidebars/index.ts";
import { summed } from "../src/timings.ts";
import { blogPostingJsonLd } from "../src/views/head.ts";
import { Article } from "../_includes/layouts/Article.tsx";
import { commentsView } from "../src/comments/view.ts";
import { seriesNav, withSeriesJsonLd } from "../src/series/index.ts";

export const data = {
  pagination: {
    data: "archive.current.posts",
    size: 1,
    alias: "post",
    // Drafts (built by `npm start` only) get their page too, and nothing else.
    before: (posts: Post[], data: { archive: ArchiveStore }) => [...posts, ...data.archive.current.drafts],
  },
  permalink: (data: { post: Post }) => data.post.url,
  eleventyExcludeFromCollections: true,
};

export function render({ archive, post }: { archive: ArchiveStore; post: Post }) {
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
