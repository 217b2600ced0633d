/**
 * Everything around an article, each box only when it has something to show
 * (the order of the model page: related, recent, reviews, sister blogs,
 * books, podcast, "also visit", the publisher's lines). Backlinks sit
 * under the article, with previous/next. Every heading and phrase comes from
 * the page's words (src/words: defaults, `_data/site.yaml`, the blog's own).
 */
import type { SidebarView } from "../../src/sidebars/index.ts";
import type { Words } from "../../src/words/index.ts";
import { Phrase } from "./Phrase.tsx";
import { LinkList, Widget } from "./Widget.tsx";

type WithWords = { words: Words };

export function RelatedPosts({ posts, words }: { posts: SidebarView["related"] } & WithWords) {
  if (posts.length === 0) return null;
  return (
    <Widget id="related-posts" title={words.related_posts}>
      <LinkList links={posts} />
    </Widget>
  );
}

/** One box per author of the post (a co-written post has several), the lead author's first. */
export function RecentPosts({ recent, words }: Pick<SidebarView, "recent"> & WithWords) {
  return (
    <>
      {recent.map((list, i) =>
        list.posts.length === 0 ? null : (
          <Widget id={i === 0 ? "recent-posts" : `recent-posts-${i + 1}`} kind="recent-posts" title={<Phrase text={words.recent_posts} values={{ author: list.authorName }} />}>
            <LinkList links={list.posts} />
          </Widget>
        ),
      )}
    </>
  );
}

export function ProductReviews({ reviews, words }: Pick<SidebarView, "reviews"> & WithWords) {
  if (reviews.length === 0) return null;
  return (
    <Widget id="product-reviews" title={words.product_reviews}>
      <LinkList links={reviews} />
    </Widget>
  );
}

export function SisterBlogPosts({ sisters, words }: Pick<SidebarView, "sisters"> & WithWords) {
  return (
    <>
      {sisters.map((sister, i) => (
        <Widget id={i === 0 ? "sister-blog" : `sister-blog-${i + 1}`} title={<Phrase text={words.sister_blog_posts} values={{ blog: sister.title }} />}>
          <LinkList links={sister.posts} />
          <p class="more">
            <a href={sister.url}>
              <Phrase text={words.sister_blog_more} values={{ blog: sister.title }} />
            </a>
          </p>
        </Widget>
      ))}
    </>
  );
}

export function BookRecommendations({ books, words }: Pick<SidebarView, "books"> & WithWords) {
  if (books.length === 0) return null;
  return (
    <Widget id="books" title={words.books}>
      <LinkList links={books} />
    </Widget>
  );
}

export function PodcastEpisode({ podcast, words }: Pick<SidebarView, "podcast"> & WithWords) {
  if (!podcast) return null;
  return (
    <Widget id="podcast" title={words.podcast}>
      <p>
        <Phrase text={words.podcast_intro} values={{ host: podcast.hostName, podcast: <a href={podcast.url}>{podcast.title}</a> }} />
      </p>
      {podcast.episode && (
        <p class="current-episode">
          <Phrase text={words.current_episode} values={{ episode: <a href={podcast.episode.url}>{podcast.episode.title}</a> }} />{" "}
          <time class="when" datetime={podcast.episode.datetime}>
            {podcast.episode.date}
          </time>
        </p>
      )}
    </Widget>
  );
}

/** "Linked from": each linking post, "later:" when it was written after this one, and the sentence around its link. */
export function Backlinks({ posts, words }: { posts: SidebarView["backlinks"] } & WithWords) {
  if (posts.length === 0) return null;
  return (
    <Widget id="backlinks" title={words.linked_from}>
      <ul class="link-list backlink-list">
        {posts.map((link) => (
          <li>
            {link.later && <span class="later">{words.later} </span>}
            <a href={link.url}>{link.title}</a>{" "}
            <time class="when" datetime={link.datetime}>
              {link.date}
            </time>
            {link.snippet && (
              <p class="backlink-context">
                {link.snippet.before}
                <mark>{link.snippet.linked}</mark>
                {link.snippet.after}
              </p>
            )}
          </li>
        ))}
      </ul>
    </Widget>
  );
}

export function AlsoVisit({ authorName, items, words }: { authorName: string; items: SidebarView["alsoVisit"] } & WithWords) {
  if (items.length === 0) return null;
  return (
    <Widget id="also-visit" title={words.also_visit}>
      <ul class="link-list">
        {items.map((item) => (
          <li>
            <Phrase text={words.also_visit_item} values={{ author: authorName, link: <a href={item.url}>{item.title}</a> }} />
            {item.description && <span class="note"> — {item.description}</span>}
          </li>
        ))}
      </ul>
    </Widget>
  );
}

export function Promos({ promos, words }: Pick<SidebarView, "promos"> & WithWords) {
  if (promos.length === 0) return null;
  return (
    <Widget id="promos" title={words.publisher}>
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
  const { words } = view;
  return (
    <>
      <RelatedPosts posts={view.related} words={words} />
      <RecentPosts recent={view.recent} words={words} />
      <ProductReviews reviews={view.reviews} words={words} />
      <SisterBlogPosts sisters={view.sisters} words={words} />
      <BookRecommendations books={view.books} words={words} />
      <PodcastEpisode podcast={view.podcast} words={words} />
      <AlsoVisit authorName={view.leadAuthorName} items={view.alsoVisit} words={words} />
      <Promos promos={view.promos} words={words} />
    </>
  );
}
