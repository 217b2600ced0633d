/**
 * "Linked from" on an article: every post linking to it, newest first, the
 * newest `BACKLINK_CONTEXT_LIMIT` with the sentence around the link
 * (./context.ts), each marked "later" when it was written after the post it
 * links to. Looked up from what the load computed; nothing is scanned.
 */
import type { Archive, Post } from "../content/model.ts";
import { type PostLink, postLink } from "../views/article.ts";
import { BACKLINK_CONTEXT_LIMIT, type LinkSnippet } from "./context.ts";

export interface Backlink extends PostLink {
  /** The linking post was written after the post it links to. */
  later: boolean;
  /** The sentence around the link; absent past the first `BACKLINK_CONTEXT_LIMIT`. */
  snippet?: LinkSnippet;
}

/**
 * Whether `from` was written after `to`: it starts after `to`'s date ends
 * (a post known only to the month is later than another only from the next
 * month on), or both have the same date and `order` puts `from` after.
 */
export function writtenAfter(from: Pick<Post, "date" | "order">, to: Pick<Post, "date" | "order">): boolean {
  if (from.date.start > to.date.end) return true;
  return from.date.start === to.date.start && from.date.end === to.date.end && from.order > to.order;
}

export function backlinksOf(archive: Archive, post: Post, limit = BACKLINK_CONTEXT_LIMIT): Backlink[] {
  const locale = archive.site.language;
  const snippets = archive.backlinkSnippets?.get(post.source);
  return (archive.backlinks.get(post.source) ?? []).map((from, i) => ({
    ...postLink(from, locale),
    later: writtenAfter(from, post),
    snippet: i < limit ? snippets?.get(from.source) : undefined,
  }));
}
