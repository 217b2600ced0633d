/**
 * "Linked from" on an article: every post linking to it, newest first, the
 * newest `BACKLINK_CONTEXT_LIMIT` with the sentence around the link
 * (./context.ts), each marked "later" when it was written after the post it
 * links to. Looked up from what the load computed; nothing is scanned.
 */
import { comparePosts, type Archive, type Post } from "../content/model.ts";
import { type PostLink, postLink } from "../views/article.ts";
import { BACKLINK_CONTEXT_LIMIT, type LinkSnippet } from "./context.ts";

export interface Backlink extends PostLink {
  /** The linking post was written after the post it links to. */
  later: boolean;
  /** The sentence around the link; absent past the first `BACKLINK_CONTEXT_LIMIT`. */
  snippet?: LinkSnippet;
}

export function backlinksOf(archive: Archive, post: Post, limit = BACKLINK_CONTEXT_LIMIT): Backlink[] {
  const locale = archive.site.language;
  const snippets = archive.backlinkSnippets?.get(post.source);
  return (archive.backlinks.get(post.source) ?? []).map((from, i) => ({
    ...postLink(from, locale),
    later: comparePosts(from, post) > 0,
    snippet: i < limit ? snippets?.get(from.source) : undefined,
  }));
}
