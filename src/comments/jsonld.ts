/**
 * A post's comments in its JSON-LD `BlogPosting`: `commentCount` and one
 * schema.org `Comment` per comment (pingbacks and trackbacks are not
 * comments), each with its own `@id` (the comment's URL), author, date,
 * text, and `parentItem` for a reply. https://schema.org/Comment
 * The text goes into the page through `jsonForScript`, like the rest.
 */
import type { Archive, Post } from "../content/model.ts";
import { absoluteUrl } from "../urls.ts";
import { renderComment } from "./markdown.ts";
import { authorLink, commentAnchor, displayName } from "./model.ts";

/** ISO 8601 for machines; a month-precision date is the start of its month. */
function iso(date: Post["date"]): string {
  return date.dt.toISO({ suppressMilliseconds: true }) ?? date.datetime;
}

/** Properties to spread into the post's `BlogPosting`; none for a post without comments. */
export function commentsJsonLd(archive: Pick<Archive, "comments" | "site">, post: Post): { commentCount?: number; comment?: object[] } {
  const comments = archive.comments.of(post);
  if (!comments || comments.count === 0) return {};
  const page = absoluteUrl(archive.site.url, post.url);
  const idOf = (id: string) => `${page}#${commentAnchor(id)}`;
  return {
    commentCount: comments.count,
    comment: comments.all
      .filter((comment) => comment.type === "comment")
      .map((comment) => {
        const url = authorLink(comment.url);
        const parent = comment.parent === undefined ? undefined : comments.byId.get(comment.parent);
        return {
          "@type": "Comment",
          "@id": idOf(comment.id),
          url: idOf(comment.id),
          author: { "@type": "Person", name: displayName(comment), ...(url ? { url } : {}) },
          dateCreated: iso(comment.date),
          text: renderComment(comment).text,
          ...(parent?.type === "comment" ? { parentItem: { "@id": idOf(parent.id) } } : {}),
        };
      }),
  };
}
