/** Byline of a post: author, date, update, tags. */
import type { ArticleView } from "../../src/views/article.ts";

export type PostMetaProps = Pick<ArticleView, "byline" | "blog" | "datetime" | "date" | "updated" | "tags" | "comments">;

export function PostMeta({ byline, blog, datetime, date, updated, tags, comments }: PostMetaProps) {
  return (
    // Not part of the post's text for search: results show the post's own words, not its byline.
    <div class="post-meta" data-pagefind-ignore="">
      <p class="byline">
        By {byline.map((part) => (part.url ? <a href={part.url} rel="author">{part.text}</a> : part.text))} in <a href={blog.url}>{blog.title}</a>
        {" · "}
        <time datetime={datetime}>{date}</time>
        {updated && (
          <>
            {" · updated "}
            <time datetime={updated.datetime}>{updated.date}</time>
          </>
        )}
        {comments && (
          <>
            {" · "}
            <a href="#comments" class="comment-count">{comments.text}</a>
          </>
        )}
      </p>
      {tags.length > 0 && (
        <>
          {/* Names the list for screen readers (an aria-label on a list is not announced by all of them); not part of the post's text for search. */}
          <p class="visually-hidden" data-pagefind-ignore="">
            Tags:
          </p>
          <ul class="tags">
            {tags.map((tag) => (
              <li>
                <a href={tag.url} rel="tag">
                  {tag.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
