/** "Related article": the post's `see_also` links. */
import type { SeeAlso } from "../../src/schema/index.ts";

export function RelatedArticle({ links }: { links: SeeAlso[] }) {
  if (links.length === 0) return null;
  return (
    <section class="related-article" aria-labelledby="related-article">
      <h2 id="related-article">{links.length === 1 ? "Related article" : "Related articles"}</h2>
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
