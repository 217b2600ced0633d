/** Product reviews, newest first (`/reviews/`). */
import type { ArchiveStore } from "../src/plugins/content.ts";
import { reviewsView } from "../src/views/catalog.ts";
import { Base } from "../_includes/layouts/Base.tsx";
import { Breadcrumbs } from "../_includes/components/Breadcrumbs.tsx";
import { HOME } from "../src/views/breadcrumbs.ts";

export const data = {
  // No page (and no sitemap entry) for an archive without product reviews.
  permalink: ({ archive }: { archive: ArchiveStore }) => (archive.current.reviews.length ? "/reviews/" : false),
  eleventyExcludeFromCollections: true,
};

export function render({ archive }: { archive: ArchiveStore }) {
  const reviews = reviewsView(archive.current);
  return (
    <Base site={archive.current.site} path={"/reviews/"} title="Product reviews" kind="page-reviews">
      <Breadcrumbs crumbs={[HOME, { label: "Product reviews", url: "/reviews/" }]} />
      <header class="page-header">
        <h1>Product reviews</h1>
      </header>
      <ul class="catalog">
        {reviews.map((review) => (
          <li id={review.anchor}>
            <h2>{review.link ? <a href={review.link}>{review.title}</a> : review.post ? <a href={review.post.url}>{review.title}</a> : review.title}</h2>
            <p class="meta">
              {review.reviewer && (
                <>
                  Reviewed by <a href={review.reviewer.url}>{review.reviewer.name}</a> ·{" "}
                </>
              )}
              <time datetime={review.datetime}>{review.date}</time>
            </p>
            {!review.link && !review.post && <p class="note">The text of this review was not preserved.</p>}
          </li>
        ))}
      </ul>
    </Base>
  );
}
