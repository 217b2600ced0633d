/** What goes in a page's `<head>` besides its title: structured data. */
import type { Archive, Post } from "../content/model.ts";
import { absoluteUrl } from "../urls.ts";
import { authorsOf } from "../content/authors.ts";
import { commentsJsonLd } from "../comments/jsonld.ts";
import { originalIsCanonical } from "./article.ts";

/**
 * JSON for an inline `<script type="application/ld+json">`: `<`, `>` and `&`
 * are escaped as `\u003c` etc., so `</script>` in a title stays text.
 */
export function jsonForScript(value: unknown): string {
  // Everything but printable ASCII as \uXXXX: `<`, `>`, `&`, U+2028/9, and
  // non-ASCII text, which inside a script element must not be encoded as HTML.
  return JSON.stringify(value).replace(
    /[<>&\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** ISO 8601 of a date for machines: a month-precision date is the start of its month. */
function iso(dt: Post["date"]): string {
  return dt.dt.toISO({ suppressMilliseconds: true }) ?? dt.datetime;
}

/** schema.org `BlogPosting` of a post. */
export function blogPostingJsonLd(archive: Archive, post: Post): object {
  const archived = absoluteUrl(archive.site.url, post.url);
  // With `canonical: original`, the original address is the post's URL and the archive's page is where it is kept.
  const url = post.original && originalIsCanonical(post, archive.site) ? post.original.url : archived;
  const blog = archive.blogs[post.blog];
  // One author as a Person, several (a co-written post) as a list of them.
  const people = authorsOf(archive.authors, post).map((author) => ({ "@type": "Person", name: author.name, url: absoluteUrl(archive.site.url, author.url) }));
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: post.title,
    url,
    mainEntityOfPage: url,
    ...(post.original ? provenanceJsonLd(post.original, url === archived ? undefined : archived) : {}),
    datePublished: iso(post.date),
    ...(post.updated ? { dateModified: iso(post.updated) } : {}),
    author: people.length === 1 ? people[0] : people,
    publisher: { "@type": "Organization", name: blog?.publisher ?? archive.site.publisher },
    isPartOf: { "@type": "Blog", name: blog?.title ?? post.blog, url: absoluteUrl(archive.site.url, `/${post.blog}/`) },
    ...(post.summary ? { description: post.summary } : {}),
    ...(post.tags.length ? { keywords: post.tags.map((tag) => tag.name).join(", ") } : {}),
    inLanguage: archive.site.language,
    ...commentsJsonLd(archive, post),
  };
}

/**
 * Where the post was first published: `sameAs` its original address (unless
 * that is already its `url`), `archivedAt` the archive's page (when the
 * original is the `url`), and the original publication as `isBasedOn`, with
 * its date.
 */
function provenanceJsonLd(original: NonNullable<Post["original"]>, archivedAt: string | undefined): object {
  return {
    ...(archivedAt ? { archivedAt } : { sameAs: original.url }),
    isBasedOn: { "@type": "BlogPosting", url: original.url, datePublished: iso(original.date) },
  };
}
