/** Who wrote the post, with their bio. */
import type { ArticleView } from "../../src/views/article.ts";

export function AuthorCard({ author }: Pick<ArticleView, "author">) {
  return (
    <section class="widget author-card" aria-labelledby="about-author">
      <h2 id="about-author">About {author.name}</h2>
      {author.bio && <p>{author.bio}</p>}
      <p>
        <a href={author.url}>All posts by {author.name}</a>
      </p>
    </section>
  );
}
