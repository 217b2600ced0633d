/**
 * A post's comments, read-only: the thread as nested lists (each comment
 * with its replies inside it), then the pingbacks and trackbacks as
 * "Mentioned elsewhere". Nothing at all for a post without comments.
 * Comment bodies are the only raw HTML here, rendered with raw HTML off
 * (src/comments/markdown.ts); names, URLs and dates are escaped by JSX.
 */
import type { CommentView, CommentsView, MentionView } from "../../src/comments/view.ts";
import { COMMENT_LINK_REL } from "../../src/comments/markdown.ts";

export function Comments({ view }: { view: CommentsView | undefined }) {
  if (!view) return null;
  const hasThread = view.thread.length > 0;
  return (
    <section class="comments" id="comments" aria-labelledby="comments-heading" data-pagefind-ignore={view.searchable ? undefined : "all"}>
      <h2 id="comments-heading" data-pagefind-ignore="">
        {hasThread ? view.heading : "Mentioned elsewhere"}
      </h2>
      <p class="comments-closed" data-pagefind-ignore="">
        Comments are closed; this is an archive.
      </p>
      {hasThread && (
        <ol class="comment-thread">
          {view.thread.map((comment) => (
            <CommentItem comment={comment} />
          ))}
        </ol>
      )}
      {view.mentions.length > 0 && <Mentions mentions={view.mentions} headed={hasThread} />}
    </section>
  );
}

function CommentItem({ comment }: { comment: CommentView }) {
  return (
    <li class="comment" id={comment.anchor}>
      <article class="comment-entry p-comment h-cite">
        <header class="comment-meta">
          <span class="comment-author p-author h-card">
            {comment.url ? (
              <a class="p-name u-url" href={comment.url} rel={COMMENT_LINK_REL}>
                {comment.author}
              </a>
            ) : (
              <span class="p-name">{comment.author}</span>
            )}
          </span>
          {" · "}
          <a class="comment-permalink u-url" href={`#${comment.anchor}`}>
            <time class="dt-published" datetime={comment.datetime}>
              {comment.date}
            </time>
          </a>
          {comment.unverified && (
            <>
              {" · "}
              <span class="comment-unverified">identity not verified</span>
            </>
          )}
        </header>
        {comment.inReplyTo && (
          <p class="comment-in-reply-to">
            In reply to <a href={`#${comment.inReplyTo.anchor}`}>{comment.inReplyTo.author}</a>
          </p>
        )}
        <div class="comment-body e-content" dangerouslySetInnerHTML={{ __html: comment.html }} />
        {comment.answeredIn.length > 0 && (
          <p class="comment-answered-in" data-pagefind-ignore="">
            Answered in:{" "}
            {comment.answeredIn.map((post, i) => (
              <>
                {i > 0 && ", "}
                <a href={post.url}>{post.title}</a>
              </>
            ))}
          </p>
        )}
      </article>
      {comment.replies.length > 0 && (
        <ol class="comment-replies">
          {comment.replies.map((reply) => (
            <CommentItem comment={reply} />
          ))}
        </ol>
      )}
    </li>
  );
}

function Mentions({ mentions, headed }: { mentions: MentionView[]; headed: boolean }) {
  return (
    <div class="mentions">
      {headed && <h3 data-pagefind-ignore="">Mentioned elsewhere</h3>}
      <ul class="mention-list">
        {mentions.map((mention) => (
          <li id={mention.anchor} class="mention">
            {mention.url ? (
              <a href={mention.url} rel={COMMENT_LINK_REL}>
                {mention.title}
              </a>
            ) : (
              mention.title
            )}
            {" · "}
            <time datetime={mention.datetime}>{mention.date}</time>
            <span class="visually-hidden"> ({mention.kind})</span>
            {mention.html && <div class="mention-excerpt" dangerouslySetInnerHTML={{ __html: mention.html }} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
