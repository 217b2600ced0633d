/** "Related article": the post's `see_also` links. */
import type { SeeAlso } from "../../src/schema/index.ts";
import { DEFAULT_WORDS, type Words } from "../../src/words/index.ts";

export function RelatedArticle({ links, words = DEFAULT_WORDS }: { links: SeeAlso[]; words?: Words }) {
  if (links.length === 0) return null;
  return (
    <section class="related-article" aria-labelledby="related-article">
      <h2 id="related-article">{links.length === 1 ? words.related_article : words.related_articles}</h2>
      <ul>
        {links.map((link) => (
          <li>
            {link.url ? (
              <a href={link.url}>{link.title}</a>
            ) : (
              <>
                <cite>{link.title}</cite> <span class="note">(the link was not preserved)</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
