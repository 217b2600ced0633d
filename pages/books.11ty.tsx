/** Book recommendations, each with who recommends it (`/books/`). */
import type { ArchiveStore } from "../src/plugins/content.ts";
import { booksView } from "../src/views/catalog.ts";
import { Base } from "../_includes/layouts/Base.tsx";
import { Breadcrumbs } from "../_includes/components/Breadcrumbs.tsx";
import { HOME } from "../src/views/breadcrumbs.ts";

export const data = {
  // No page (and no sitemap entry) for an archive without book recommendations.
  permalink: ({ archive }: { archive: ArchiveStore }) => (Object.keys(archive.current.books).length ? "/books/" : false),
  eleventyExcludeFromCollections: true,
};

export function render({ archive }: { archive: ArchiveStore }) {
  const books = booksView(archive.current);
  return (
    <Base site={archive.current.site} path={"/books/"} title="Book recommendations" kind="page-books">
      <Breadcrumbs crumbs={[HOME, { label: "Book recommendations", url: "/books/" }]} />
      <header class="page-header">
        <h1>Book recommendations</h1>
      </header>
      <ul class="catalog">
        {books.map((book) => (
          <li id={book.id}>
            <h2>{book.link ? <a href={book.link}>{book.title}</a> : book.title}</h2>
            {(book.author || book.year) && (
              <p class="meta">
                {book.author}
                {book.author && book.year && ", "}
                {book.year}
                {book.isbn && <> · ISBN {book.isbn}</>}
              </p>
            )}
            {book.note && <p>{book.note}</p>}
            {book.recommendedBy.length > 0 && (
              <p class="meta">
                Recommended by{" "}
                {book.recommendedBy.map((who, i) => (
                  <>
                    {i > 0 && ", "}
                    <a href={who.url}>{who.name}</a>
                  </>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
    </Base>
  );
}
