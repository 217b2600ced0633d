/** Previous and next post in the same blog. */
import type { PostLink } from "../../src/views/article.ts";

export function PrevNext({ previous, next, blogTitle }: { previous?: PostLink; next?: PostLink; blogTitle: string }) {
  if (!previous && !next) return null;
  return (
    <nav class="prev-next" aria-label={`More from ${blogTitle}`}>
      {previous && (
        <a class="prev" rel="prev" href={previous.url}>
          <span class="label">Previous post</span>
          <span class="title">{previous.title}</span>
        </a>
      )}
      {next && (
        <a class="next" rel="next" href={next.url}>
          <span class="label">Next post</span>
          <span class="title">{next.title}</span>
        </a>
      )}
    </nav>
  );
}
