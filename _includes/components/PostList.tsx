/** A list of posts: title, blog, date and summary of each. */
import type { PostSummary } from "../../src/views/lists.ts";

export function PostList({ posts }: { posts: PostSummary[] }) {
  return (
    <ol class="post-list" reversed={false}>
      {posts.map((post) => (
        <li class="post-summary">
          <h2>
            <a href={post.url}>{post.title}</a>
          </h2>
          <p class="meta">
            <a href={post.blogUrl}>{post.blogTitle}</a> · {post.authors} · <time datetime={post.datetime}>{post.date}</time>
            {post.comments && (
              <>
                {" · "}
                <a href={post.comments.url} class="comment-count">{post.comments.text}</a>
              </>
            )}
          </p>
          {post.summary ? <p class="summary">{post.summary}</p> : !post.preserved && <p class="summary not-preserved-note">Text not preserved.</p>}
        </li>
      ))}
    </ol>
  );
}
