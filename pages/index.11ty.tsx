/** Home: every post, newest first, 20 a page (`/`, `/page/2/`). */
import type { ArchiveStore } from "../src/plugins/content.ts";
import type { Post } from "../src/content/model.ts";
import { type Pagination, pagedUrl, pagerView, postSummary } from "../src/views/lists.ts";
import { Base } from "../_includes/layouts/Base.tsx";
import { PostList } from "../_includes/components/PostList.tsx";
import { Pager } from "../_includes/components/Pager.tsx";
import { QUERY_SCRIPT_URL } from "../src/redirects/query.ts";

export const data = {
  // An archive with no posts yet still has a home page, which says so.
  pagination: { data: "archive.current.posts", size: 20, generatePageOnEmptyData: true },
  permalink: (data: { pagination: Pagination<Post> }) => pagedUrl("/", data.pagination.pageNumber),
  eleventyExcludeFromCollections: true,
};

export function render({ archive, pagination }: { archive: ArchiveStore; pagination: Pagination<Post> }) {
  const current = archive.current;
  const { site } = current;
  const pager = pagerView(pagination);
  return (
    <Base site={site} path={pagedUrl("/", pagination.pageNumber)} title={pager.page > 1 ? `Page ${pager.page}` : undefined} kind="page-home">
      <header class="page-header">
        <h1>{pager.page > 1 ? `All posts, page ${pager.page}` : "All posts"}</h1>
        {site.description && pager.page === 1 && <p class="lede">{site.description}</p>}
      </header>
      {pagination.items.length === 0 ? (
        <p class="empty">There are no posts in this archive yet.</p>
      ) : (
        <PostList posts={pagination.items.map((post) => postSummary(current, post))} />
      )}
      <Pager pager={pager} />
      {/* Old WordPress addresses (`/?p=12`) land here on a static host: the script sends them on (src/redirects/query.ts). */}
      {pager.page === 1 && archive.hasQueryAliases && <script src={QUERY_SCRIPT_URL} defer></script>}
    </Base>
  );
}
