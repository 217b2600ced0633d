/**
 * The words around the content: every sidebar heading and fixed phrase of
 * the article page, each with a default (the wording the pages have always
 * used, grammatical for any blog title or name), which `words` in
 * `_data/site.yaml` can change for the whole site and `words` of a blog in
 * `_data/blogs.yaml` for that blog's pages. A phrase may hold placeholders
 * (`{author}`), filled in where it is shown; each phrase has its own.
 */
import { z } from "zod";

/** Every phrase: its default and the placeholders it may use. */
export const WORDS = {
  related_article: { text: "Related article", slots: [] },
  related_articles: { text: "Related articles", slots: [] },
  related_posts: { text: "Related posts", slots: [] },
  recent_posts: { text: "Like this? Here are some of {author}’s recent posts", slots: ["author"] },
  product_reviews: { text: "Product reviews", slots: [] },
  sister_blog_posts: { text: "Recent posts from {blog}", slots: ["blog"] },
  sister_blog_more: { text: "All of {blog}", slots: ["blog"] },
  books: { text: "Favorite book recommendations", slots: [] },
  podcast: { text: "Podcast", slots: [] },
  podcast_intro: { text: "Check out {host}’s {podcast}.", slots: ["host", "podcast"] },
  current_episode: { text: "Current episode: {episode}", slots: ["episode"] },
  also_visit: { text: "Also visit", slots: [] },
  also_visit_item: { text: "{author}’s {link}", slots: ["author", "link"] },
  publisher: { text: "From the publisher", slots: [] },
  linked_from: { text: "Linked from", slots: [] },
  later: { text: "later:", slots: [] },
  about_author: { text: "About {author}", slots: ["author"] },
  all_posts_by: { text: "All posts by {author}", slots: ["author"] },
  series_place: { text: "Part {part} of {total} in {series}", slots: ["part", "total", "series"] },
  copyright: { text: "Copyright © {year} {publisher}", slots: ["year", "publisher"] },
} as const satisfies Record<string, { text: string; slots: readonly string[] }>;

export type WordKey = keyof typeof WORDS;
export type Words = Record<WordKey, string>;
const KEYS = Object.keys(WORDS) as WordKey[];

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders a phrase uses, as written. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "");
}

/** What is wrong with `text` as phrase `key`, if anything. */
export function phraseProblem(key: WordKey, text: string): string | undefined {
  const allowed: readonly string[] = WORDS[key].slots;
  const unknown = placeholders(text).filter((name) => !allowed.includes(name));
  if (unknown.length === 0) return undefined;
  const can = allowed.length ? `this phrase can use ${allowed.map((name) => `{${name}}`).join(", ")}` : "this phrase has no placeholders";
  return `unknown placeholder ${unknown.map((name) => `{${name}}`).join(", ")}; ${can}`;
}

/** The nearest known key, for a message about a misspelt one. */
function nearest(key: string): string | undefined {
  const lower = key.toLowerCase().replace(/[\s-]+/g, "_");
  return KEYS.find((known) => known === lower) ?? KEYS.find((known) => known.startsWith(lower) || lower.startsWith(known));
}

/** `words:` in the site's or a blog's data: known phrases only, each text with only its own placeholders. */
export const WordsSchema = z.record(z.string(), z.unknown()).transform((value, ctx): Partial<Words> => {
  const words: Partial<Words> = {};
  for (const [key, text] of Object.entries(value)) {
    if (!(KEYS as string[]).includes(key)) {
      const guess = nearest(key);
      ctx.addIssue({
        code: "custom",
        path: [key],
        message: `unknown phrase${guess ? ` (did you mean "${guess}"?)` : ""}; the phrases are ${KEYS.join(", ")}`,
      });
      continue;
    }
    if (typeof text !== "string" && typeof text !== "number") {
      ctx.addIssue({ code: "custom", path: [key], message: "must be text" });
      continue;
    }
    const phrase = String(text).trim();
    if (!phrase) {
      ctx.addIssue({ code: "custom", path: [key], message: "must not be empty" });
      continue;
    }
    const problem = phraseProblem(key as WordKey, phrase);
    if (problem) ctx.addIssue({ code: "custom", path: [key], message: problem });
    else words[key as WordKey] = phrase;
  }
  return words;
});

export const DEFAULT_WORDS: Words = Object.fromEntries(KEYS.map((key) => [key, WORDS[key].text])) as Words;

/** The words of a page: the blog's, else the site's, else the defaults. */
export function resolveWords(...layers: (Partial<Words> | undefined)[]): Words {
  const words: Words = { ...DEFAULT_WORDS };
  for (const layer of layers) if (layer) Object.assign(words, layer);
  return words;
}

/**
 * A phrase cut at its placeholders, each replaced by its value: strings stay
 * strings, other values (links, elements) are put in their place. Text is
 * never parsed as markup.
 */
export function fill<T>(text: string, values: Partial<Record<string, T | string | number>>): (T | string | number)[] {
  const parts: (T | string | number)[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(text.slice(last, index));
    const value = values[match[1] ?? ""];
    parts.push(value === undefined ? match[0] : value);
    last = index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** A phrase with only text values, as one string. */
export function phrase(text: string, values: Partial<Record<string, string | number>> = {}): string {
  return fill<string>(text, values).join("");
}

const perArchive = new WeakMap<object, Map<string, Words>>();

/** The words of a blog's pages, resolved once per archive and blog. */
export function blogWords(archive: { site: { words?: Partial<Words> }; blogs: Record<string, { words?: Partial<Words> }> }, blog: string): Words {
  let cache = perArchive.get(archive);
  if (!cache) perArchive.set(archive, (cache = new Map()));
  let words = cache.get(blog);
  if (!words) cache.set(blog, (words = resolveWords(archive.site.words, archive.blogs[blog]?.words)));
  return words;
}
