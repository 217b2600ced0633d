/**
 * A post's authors. Front matter may name one author id (`author: ann`) or
 * a list of them (`author: [ann, bob]`, co-written posts); without it, the
 * blog's default author wrote the post. The loader reads the field with
 * `readAuthorField`, and everything that shows who wrote a post (byline,
 * lists, author pages, sidebars, feeds, JSON-LD) asks `authorsOf`.
 */
import type { Author } from "../schema/index.ts";
import { closest } from "../suggest.ts";

/** One author of a post, as the pages and feeds show them. */
export interface AuthorRef {
  id: string;
  name: string;
  /** The author's page, root-relative: `/authors/<id>/`. */
  url: string;
  bio?: string;
  links: Author["links"];
}

/** A problem with the `author` field: `index` names the list entry, when it is about one. */
export interface AuthorFieldProblem {
  index?: number;
  message: string;
}

export type AuthorField = { ok: true; ids: string[] } | { ok: false; problems: AuthorFieldProblem[] };

/** The author page of an id. */
export function authorUrl(id: string): string {
  return `/authors/${id}/`;
}

/**
 * The author ids a front matter's `author` names: one id, a list of ids, or
 * (when it is absent) the blog's default author. Every id must be one of
 * `known` (with a "did you mean" for a near miss); an empty list, an entry
 * named twice, an entry that is not an id, and a missing author with no
 * default are problems. Ids are kept in the order written: the first is the
 * lead author.
 */
export function readAuthorField(written: unknown, fallback: string | undefined, known: Readonly<Record<string, unknown>>, blog: string): AuthorField {
  if (written === undefined || written === null) {
    return fallback === undefined
      ? { ok: false, problems: [{ message: `is required: the blog "${blog}" names no default author` }] }
      : { ok: true, ids: [fallback] };
  }
  const list = Array.isArray(written);
  const entries: unknown[] = list ? written : [written];
  if (entries.length === 0) return { ok: false, problems: [{ message: "is an empty list: name at least one author, or leave the key out for the blog's default author" }] };
  const problems: AuthorFieldProblem[] = [];
  const ids: string[] = [];
  const names = Object.keys(known);
  entries.forEach((entry, i) => {
    const at = list ? { index: i } : {};
    if (typeof entry !== "string" || entry.trim() === "") {
      problems.push({ ...at, message: `${list ? "each entry " : ""}must be an author id from _data/authors` });
      return;
    }
    const id = entry.trim();
    if (!Object.hasOwn(known, id)) {
      const guess = closest(id, names);
      const hint = guess ? ` (did you mean "${guess}"?)` : names.length ? `; known authors: ${names.join(", ")}` : "; _data/authors defines none";
      problems.push({ ...at, message: `unknown author "${id}"${hint}` });
      return;
    }
    if (ids.includes(id)) {
      problems.push({ ...at, message: `"${id}" is named twice (also entry ${entries.indexOf(id)}): list each author once` });
      return;
    }
    ids.push(id);
  });
  return problems.length ? { ok: false, problems } : { ok: true, ids };
}

/** The authors of a post (or page), in their order, with their names and pages. */
export function authorsOf(authors: Readonly<Record<string, Author>>, item: { authors: readonly string[] }): AuthorRef[] {
  return item.authors.map((id) => {
    const author = Object.hasOwn(authors, id) ? authors[id] : undefined;
    return { id, name: author?.name ?? id, url: authorUrl(id), ...(author?.bio ? { bio: author.bio } : {}), links: author?.links ?? [] };
  });
}

const formats = new Map<string, Intl.ListFormat>();

/** Names joined as a sentence says them: "Ann", "Ann and Bob", "Ann, Bob, and Cy" (in the site's language). */
export function joinNames(names: readonly string[], locale = "en"): string {
  let format = formats.get(locale);
  if (!format) {
    try {
      format = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
    } catch {
      format = new Intl.ListFormat("en", { style: "long", type: "conjunction" });
    }
    formats.set(locale, format);
  }
  return format.format(names);
}

/**
 * The byline's parts: each name (with its link) and the text between them,
 * as `joinNames` would write them, so a template can link every name.
 */
export function namesWithSeparators(names: readonly string[], locale = "en"): { name?: number; text: string }[] {
  let format = formats.get(locale);
  if (!format) {
    joinNames([], locale);
    format = formats.get(locale) as Intl.ListFormat;
  }
  let i = 0;
  return format.formatToParts(names).map((part) => (part.type === "element" ? { name: i++, text: part.value } : { text: part.value }));
}
