/** Who wrote the post, with their bio; apart from the publisher's lines above it. */
import type { AuthorRef } from "../../src/content/authors.ts";
import { DEFAULT_WORDS, phrase, type Words } from "../../src/words/index.ts";

export function AuthorCard({ author, index = 0, words = DEFAULT_WORDS }: { author: AuthorRef; index?: number; words?: Words }) {
  // One card per author of a co-written post; the first keeps the plain id.
  const id = index === 0 ? "about-author" : `about-author-${index + 1}`;
  return (
    <section class="widget author-card" aria-labelledby={id}>
      <h2 id={id}>{phrase(words.about_author, { author: author.name })}</h2>
      {author.bio && <p>{author.bio}</p>}
      <p>
        <a href={author.url}>{phrase(words.all_posts_by, { author: author.name })}</a>
      </p>
    </section>
  );
}
