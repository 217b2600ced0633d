/**
 * The one slug function of the project. Heading anchors, tag URLs, post
 * slugs and ids all go through it, so a link and its target can never
 * disagree (`Red Hat`, `red-hat` and `red hat` all give `red-hat`).
 */
import sindresorhusSlugify from "@sindresorhus/slugify";

const cache = new Map<string, string>();

/** Lower-case, ASCII, hyphen-separated slug of `text`; memoized. */
export function slugify(text: string): string {
  let slug = cache.get(text);
  if (slug === undefined) {
    slug = sindresorhusSlugify(text, { decamelize: false });
    cache.set(text, slug);
  }
  return slug;
}
