/**
 * Everything around an article, each box only when it has something to show
 * (the order of the model page: related, recent, reviews, sister blogs,
 * books, podcast, "also visit", the publisher's lines). Backlinks sit
 * under the article, with previous/next.
 */
import type { SidebarView } from "../../src/sidebars/index.ts";
import { LinkList, Widget } from "./Widget.tsx";

export function RelatedPosts({ posts }: Pick<SidebarView["recent"], "posts">) {
  if (posts.length === 0) return null;
  return (
    <Widget id="related-posts" title="Related posts">
      <LinkList links={posts} />
    </Widget>
  );
}

export function RecentPosts({ recent }: Pick<SidebarView, "recent">) {
  if (recent.posts.length === 0) return null;
  return (
    <Widget id="recent-posts" title={<>Like this? Here are some of {recent.authorName}’s recent posts</>}>
      <LinkList links={recent.posts} />
    </Widget>
  );
}

export function ProductReviews({ reviews }: Pick<SidebarView, "reviews">) {
  if (reviews.length === 0) return null;
  return (
    <Widget id="product-reviews" title="Product reviews">
      <LinkList links={reviews} />
    </Widget>
  );
}

export function SisterBlogPosts({ sisters }: Pick<SidebarView, "sisters">) {
  return (
    <>
      {sisters.map((sister, i) => (
        <Widget id={i === 0 ? "sister-blog" : `sister-blog-${i + 1}`} title={<>Recent {sister.title} posts</>}>
          <LinkList links={sister.posts} />
          <p class="more">
            <a href={sister.url}>All of {sister.title}</a>
          </p>
        </Widget>
      ))}
    </>
  );
}

export function BookRecommendations({ books }: Pick<SidebarView, "books">) {
  if (books.length === 0) return null;
  return (
    <Widget id="books" title="Favorite book recommendations">
      <LinkList links={books} />
    </Widget>
  );
}

export function PodcastEpisode({ podcast }: Pick<SidebarView, "podcast">) {
  if (!podcast) return null;
  return (
    <Widget id="podcast" title="Podcast">
      <p>
        Check out {podcast.hostName}’s <a href={podcast.url}>{podcast.title}</a>.
      </p>
      {podcast.episode && (
        <p class="current-episode">
          Current episode: <a href={podcast.episode.url}>{podcast.episode.title}</a>{" "}
          <time class="when" datetime={podcast.episode.datetime}>
            {podcast.episode.date}
          </time>
        </p>
      )}
    </Widget>
  );
}

export function Backlinks({ posts }: { posts: SidebarView["backlinks"] }) {
  if (posts.length === 0) return null;
  return (
    <Widget id="backlinks" title="Linked from">
      <LinkList links={posts} />
    </Widget>
  );
}

export function AlsoVisit({ authorName, items }: { authorName: string; items: SidebarView["alsoVisit"] }) {
  if (items.length === 0) return null;
  return (
    <Widget id="also-visit" title={<>Also visit</>}>
      <ul class="link-list">
        {items.map((item) => (
          <li>
            {authorName}’s <a href={item.url}>{item.title}</a>
            {item.description && <span class="note"> — {item.description}</span>}
          </li>
        ))}
      </ul>
    </Widget>
  );
}

export function Promos({ promos }: Pick<SidebarView, "promos">) {
  if (promos.length === 0) return null;
  return (
    <Widget id="promos" title="From the publisher">
      <ul class="promos">
        {promos.map((promo) => (
          <li>
            {promo.label && <>{promo.label}: </>}
            {promo.url ? <a href={promo.url}>{promo.text}</a> : promo.text}
          </li>
        ))}
      </ul>
    </Widget>
  );
}

export function Sidebar({ view }: { view: SidebarView }) {
  return (
    <>
      <RelatedPosts posts={view.related} />
      <RecentPosts recent={view.recent} />
      <ProductReviews reviews={view.reviews} />
      <SisterBlogPosts sisters={view.sisters} />
      <BookRecommendations books={view.books} />
      <PodcastEpisode podcast={view.podcast} />
      <AlsoVisit authorName={view.recent.authorName} items={view.alsoVisit} />
      <Promos promos={view.promos} />
    </>
  );
}
