/** A blog's, a tag's or an author's posts, newest first, one page of them (written by src/plugins/direct.ts). */
import type { ArchiveStore } from "../../src/plugins/content.ts";
import type { Listing } from "../../src/views/listings.ts";
import { postSummary } from "../../src/views/lists.ts";
import { Base } from "./Base.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { PostList } from "../components/PostList.tsx";
import { Pager } from "../components/Pager.tsx";

export function ListingPage({ archive, listing }: { archive: ArchiveStore; listing: Listing }) {
  const current = archive.current;
  const title = listing.pager.page > 1 ? `${listing.title}, page ${listing.pager.page}` : listing.title;
  const years = listing.pager.page === 1 ? (listing.years ?? []) : [];
  // A blog's standalone pages (About, Contact…), on its first page.
  const pages = listing.kind === "blog" && listing.pager.page === 1 ? (archive.pages.byBlog.get(listing.url.slice(1, -1)) ?? []) : [];
  return (
    <Base site={current.site} path={listing.url} title={title} description={listing.description} kind={`page-${listing.kind}`}>
      <Breadcrumbs crumbs={listing.crumbs} />
      <header class="page-header">
        <h1>{title}</h1>
        {listing.description && listing.pager.page === 1 && <p class="lede">{listing.description}</p>}
        {pages.length > 0 && (
          <nav class="blog-pages" aria-label="Pages">
            <ul class="archive-months">
              {pages.map((page) => (
                <li>
                  <a href={page.url}>{page.title}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {years.length > 0 && (
          <nav class="blog-years" aria-label="Posts by year">
            <ul class="archive-months">
              {years.map((year) => (
                <li>
                  <a href={year.url}>{year.label}</a> <span class="count">({year.count})</span>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      {listing.posts.length > 0 ? (
        <PostList posts={listing.posts.map((post) => postSummary(current, post))} />
      ) : (
        <p>No posts yet.</p>
      )}
      <Pager pager={listing.pager} />
    </Base>
  );
}
