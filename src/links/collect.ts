/**
 * Every external link of the archive and where it is cited:
 *
 * - posts: every `<a href>` of the rendered body, as the build renders it
 *   (markdown links, bare URLs, reference links, raw HTML), the `see_also`
 *   articles and the `original_url`;
 * - comments (the comments model, src/comments/): the commenter's `url` and the links
 *   of the `body` (rendered by the same markdown);
 * - data: authors' links, blogs' home pages and promos, podcasts' links,
 *   artwork and episodes' audio, books' and reviews' links.
 *
 * Links to the archive's own host are not external. A citation carries the
 * date it was made (the post's, the comment's, the review's) so an archived
 * copy can be asked for as of then.
 */
import type { Archive, Post } from "../content/model.ts";
import { renderComment } from "../comments/markdown.ts";
import { anchors, attribute } from "./html.ts";
import type { Citation, LinkCitations } from "./model.ts";
import { isExternal, linkKey, linkKeyOfAttribute } from "./url.ts";

/** The external hrefs of rendered HTML, as link keys, in order (repeats kept). */
export function htmlLinks(html: string): string[] {
  const keys: string[] = [];
  for (const anchor of anchors(html)) {
    const href = attribute(anchor, "href");
    const key = href === undefined ? undefined : linkKeyOfAttribute(href);
    if (key) keys.push(key);
  }
  return keys;
}

class Collector {
  readonly links = new Map<string, Citation[]>();
  constructor(private readonly siteUrl: string) {}

  add(url: string | undefined, citation: Citation): void {
    const key = url === undefined ? undefined : linkKey(url);
    if (!key || !isExternal(key, this.siteUrl)) return;
    let list = this.links.get(key);
    if (!list) this.links.set(key, (list = []));
    if (!list.some((c) => c.file === citation.file && c.post === citation.post && c.date === citation.date)) list.push(citation);
  }
}

/** The links of a post's comments (the loaded comments model): each commenter's `url` and the links in the bodies. */
function collectComments(archive: Archive, post: Post, collector: Collector): void {
  const comments = archive.comments.of(post);
  if (!comments) return;
  for (const comment of comments.all) {
    const citation: Citation = { file: comments.file, post: post.source, date: comment.date.start };
    if (comment.url !== undefined) collector.add(comment.url, citation);
    for (const key of htmlLinks(renderComment(comment).html)) collector.add(key, citation);
  }
}

/** Every external link of `archive` (its published posts and drafts, comments and data), sorted by URL. */
export function collectLinks(archive: Archive): LinkCitations {
  const collector = new Collector(archive.site.url);
  const posts = [...archive.posts, ...archive.drafts];
  for (const post of posts) collectComments(archive, post, collector);
  return collectInto(collector, archive, posts);
}

/**
 * The links of the published posts and the data, without reading comment
 * files: what the build's report page counts (it has no other files to read).
 */
export function collectPostAndDataLinks(archive: Archive): LinkCitations {
  return collectInto(new Collector(archive.site.url), archive, archive.posts);
}

function collectInto(collector: Collector, archive: Archive, posts: readonly Post[]): LinkCitations {
  for (const post of posts) {
    const citation: Citation = { file: post.source, post: post.source, date: post.date.start };
    for (const key of htmlLinks(post.html)) collector.add(key, citation);
    for (const seeAlso of post.seeAlso) collector.add(seeAlso.url, citation);
    if (post.original) collector.add(post.original.url, { ...citation, date: post.original.date.start });
  }

  const data = (name: string) => `_data/${name}.yaml`;
  for (const author of Object.values(archive.authors)) {
    for (const link of author.links) collector.add(link.url, { file: data("authors") });
  }
  for (const blog of Object.values(archive.blogs)) {
    collector.add(blog.home, { file: data("blogs") });
    for (const promo of blog.promos) collector.add(promo.url, { file: data("blogs") });
  }
  for (const show of Object.values(archive.podcasts)) {
    collector.add(show.link, { file: data("podcasts") });
    collector.add(show.image, { file: data("podcasts") });
    for (const episode of show.episodes) collector.add(episode.audio, { file: data("podcasts"), date: episode.date.start });
  }
  for (const book of Object.values(archive.books)) collector.add(book.link, { file: data("books") });
  for (const review of archive.reviews) collector.add(review.link, { file: data("reviews"), date: review.date.start });

  return new Map([...collector.links].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The date to ask an archived copy for: the earliest citation's date (a
 * link's first post is when its author saw the page); for a link cited only
 * by undated data (a book, an author's site), the archive's first post.
 */
export function citationDate(citations: readonly Citation[], archiveStart: number | undefined): number | undefined {
  let earliest: number | undefined;
  for (const citation of citations) {
    if (citation.date !== undefined && (earliest === undefined || citation.date < earliest)) earliest = citation.date;
  }
  return earliest ?? archiveStart;
}
