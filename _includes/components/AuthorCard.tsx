/** Who wrote the post, with their bio; apart from the publisher's lines above it. */
import type { ArticleView } from "../../src/views/article.ts";
import { DEFAULT_WORDS, phrase, type Words } from "../../src/words/index.ts";

export function AuthorCard({ author, words = DEFAULT_WORDS }: Pick<ArticleView, "author"> & { words?: Words }) {
  return (
    <section class="widget author-card" aria-labelledby="about-author">
      <h2 id="about-author">{phrase(words.about_author, { author: author.name })}</h2>
      {author.bio && <p>{author.bio}</p>}
      <p>
        <a href={author.url}>{phrase(words.all_posts_by, { author: author.name })}</a>
      </p>
    </section>
  );
}
