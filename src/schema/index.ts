/**
 * The content model: one set of zod schemas that are both the TypeScript
 * types and the checks. Each `XSchema` has a type of the same name.
 * Cross-references between files (an author id in a post, a sister blog)
 * are checked by the loader, which knows every file; these schemas check
 * one value at a time.
 */
import { z } from "zod";
import { type ArchiveDate, isValidZone, parseArchiveDate } from "../dates.ts";
import { LinksFileSchema } from "../links/model.ts";
import { WordsSchema } from "../words/index.ts";
import { originProblem } from "../redirects/oldlinks.ts";

/** Non-empty plain text; numbers are taken as their text (`title: 2008`). */
export const Text = z
  .union([z.string(), z.number()], {
    error: (issue) => (issue.input === undefined ? "is required" : "must be text"),
  })
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, "must not be empty"));

/** Optional free text; an empty value counts as absent. */
const OptionalText = z
  .union([z.string(), z.number()], { error: "must be text" })
  .transform((value) => String(value).trim() || undefined)
  .optional();

/** An id: a folder or file name, lower-case letters, digits and hyphens. */
export const Id = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be an id") })
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens, e.g. `converging-on-microsoft`");

export const Url = z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" });

/**
 * An http(s) URL, or a path on this site (`/assets/cover.png`), which the
 * feeds make absolute. Any other scheme (`javascript:`, `data:`) is refused.
 */
export const UrlOrPath = z
  .string({ error: "must be an http(s) URL or a path on the site" })
  .trim()
  .refine((value) => (/^[a-z][a-z0-9+.-]*:/i.test(value) ? Url.safeParse(value).success : value !== "" && !value.startsWith("//")), {
    error: (issue) => `"${String(issue.input)}" is not an http(s) URL or a path on the site`,
  });

/** An http(s) origin: the scheme and host (and port) only, such as `https://old.example.com`. */
export const Origin = z
  .string({ error: "must be an http(s) origin, such as https://old.example.com" })
  .trim()
  .superRefine((value, ctx) => {
    const problem = originProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => new URL(value).origin);

/** An IANA time zone name such as `America/New_York`. */
export const TimeZone = z.string().refine(isValidZone, {
  error: (issue) => `"${String(issue.input)}" is not an IANA time zone (e.g. America/New_York)`,
});

/** A date as written, parsed in `zone` (see src/dates.ts for the forms). */
export function dateIn(zone: string) {
  return z.unknown().transform((value, ctx): ArchiveDate => {
    if (value === undefined || value === null || value === "") {
      ctx.addIssue({ code: "custom", message: "is required" });
      return z.NEVER;
    }
    const result = parseArchiveDate(value, zone);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    }
    return result.date;
  });
}

/** A list that may also be written as one value: `tags: Xen` is `tags: [Xen]`. */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]), z.array(item));
}

/**
 * Tags: a list, or one string, which is split at its commas as people write
 * them by hand (`tags: Puppet, Nagios, ssh keys` is three tags).
 */
function tagList<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .split(",")
            .map((tag) => tag.trim())
            .filter((tag) => tag !== "")
        : value,
    listOf(item),
  );
}

export const LinkSchema = z.object({ title: Text, url: Url });
export type Link = z.infer<typeof LinkSchema>;

/** `see_also` entry: a related article elsewhere. `url` may be unknown for a scraped page. */
export const SeeAlsoSchema = z.object({ title: Text, url: Url.optional() });
export type SeeAlso = z.infer<typeof SeeAlsoSchema>;

export const POST_KEYS = [
  "title",
  "date",
  "author",
  "tags",
  "summary",
  "updated",
  "aliases",
  "related",
  "see_also",
  "draft",
  "order",
  "original_url",
  "original_date",
  "series",
  "part",
] as const;

/** Front matter of one post; dates are parsed in `zone` (the blog's). */
export function postSchema(zone: string) {
  return z.object({
    title: Text,
    date: dateIn(zone),
    /** One author id or a list of them; the loader checks them against _data/authors (src/content/authors.ts). */
    author: z.unknown().optional(),
    tags: tagList(Text).default([]),
    summary: OptionalText,
    updated: dateIn(zone).optional(),
    aliases: listOf(Text).default([]),
    related: listOf(Text).default([]),
    see_also: listOf(SeeAlsoSchema).default([]),
    draft: z.boolean({ error: "must be true or false" }).default(false),
    /** Position among posts with the same date, earliest first (for scraped posts whose day is unknown). */
    order: z.number({ error: "must be a number" }).int("must be a whole number").default(0),
    /** Where the post was first published (the old blog's address of it); importers fill it in. */
    original_url: Url.optional(),
    /** When it was published there, when that is not `date` (a post re-dated in the archive). */
    original_date: dateIn(zone).optional(),
    /** Name of the series the post belongs to (src/series). */
    series: OptionalText,
    /** The post's number in its series. */
    part: z.number({ error: "must be a number" }).int("must be a whole number").positive("must be 1 or more").optional(),
  });
}
export type PostFrontMatter = z.infer<ReturnType<typeof postSchema>>;

export const SiteSchema = z.object({
  title: Text,
  description: OptionalText,
  url: Url,
  language: z.string().default("en"),
  timezone: TimeZone.default("UTC"),
  publisher: Text,
  sidebar: z.enum(["as-of-post", "latest"], { error: 'must be "as-of-post" or "latest"' }).default("as-of-post"),
  /** Put comments in the search index too (by default only the posts' own text is). */
  search_comments: z.boolean({ error: "must be true or false" }).optional(),
  /**
   * What a post with an `original_url` names as its canonical URL: its page in the archive, or the original.
   * Absent is "archive" (optional rather than defaulted, so a `Site` written in code need not name it).
   */
  canonical: z.enum(["archive", "original"], { error: 'must be "archive" or "original"' }).optional(),
  /** Links recorded as moved (`_data/links.yaml`): kept as written, or rewritten to where they lead now. Absent is "keep". */
  moved_links: z.enum(["keep", "rewrite"], { error: 'must be "keep" or "rewrite"' }).optional(),
  /** Headings and fixed phrases of the pages (src/words). */
  words: WordsSchema.optional(),
  /** A post dated after the build: `publish` it with a warning (the default) or `hold` it back until then. */
  future: z.enum(["publish", "hold"], { error: 'must be "publish" or "hold"' }).optional(),
  /**
   * Origins the old blog was served from (`https://old.example.com`): a link
   * in a post to an address there is a link by old address (src/redirects/oldlinks.ts).
   */
  old_origins: listOf(Origin).optional(),
});
export type Site = z.infer<typeof SiteSchema>;

export const AuthorSchema = z.object({
  name: Text,
  bio: OptionalText,
  links: listOf(LinkSchema).default([]),
});
export type Author = z.infer<typeof AuthorSchema>;

/** A line the publisher ran on every page of a blog ("Rock Star jobs in SaaS: SaaS Jobs"). */
export const PromoSchema = z.object({ label: OptionalText, text: Text, url: Url.optional() });
export type Promo = z.infer<typeof PromoSchema>;

export const BlogSchema = z.object({
  title: Text,
  description: OptionalText,
  /** Default author of the blog's posts. */
  author: Id.optional(),
  /** Copyright holder; else the site's publisher. */
  publisher: OptionalText,
  /** Time zone of dates without an offset; else the site's. */
  timezone: TimeZone.optional(),
  sister_blogs: listOf(Id).default([]),
  /** Where the blog lived (or lives) on the web. */
  home: Url.optional(),
  promos: listOf(PromoSchema).default([]),
  /** Headings and fixed phrases of the blog's pages, over the site's (src/words). */
  words: WordsSchema.optional(),
});
export type Blog = z.infer<typeof BlogSchema>;

/** Episodes' dates are parsed in the site's zone. */
export function episodeSchema(zone: string) {
  return z.object({
    title: Text,
    date: dateIn(zone),
    audio: Url.optional(),
    type: z.string().default("audio/mpeg"),
    length: z.number().int().nonnegative().optional(),
    duration: OptionalText,
    description: OptionalText,
  });
}
export type Episode = z.infer<ReturnType<typeof episodeSchema>>;

export function podcastSchema(zone: string) {
  return z.object({
    title: Text,
    /** Author id of the host. */
    host: Id,
    /** The blog this show belongs to, featured on its pages. */
    blog: Id.optional(),
    description: OptionalText,
    link: Url.optional(),
    /** The show's artwork: an http(s) URL, or a path on the site (made absolute in the feed). */
    image: UrlOrPath.optional(),
    explicit: z.boolean().default(false),
    episodes: listOf(episodeSchema(zone)).default([]),
  });
}
export type Podcast = z.infer<ReturnType<typeof podcastSchema>>;

export const BookSchema = z.object({
  title: Text,
  author: OptionalText,
  year: z.number().int().optional(),
  link: Url.optional(),
  note: OptionalText,
  isbn: OptionalText,
  /** Author ids of those who recommend it. */
  recommended_by: listOf(Id).default([]),
});
export type Book = z.infer<typeof BookSchema>;

export function reviewSchema(zone: string) {
  return z.object({
    title: Text,
    date: dateIn(zone),
    /** Author id of the reviewer. */
    author: Id.optional(),
    link: Url.optional(),
    /** A post of the archive holding the review (path to its .md file). */
    post: OptionalText,
  });
}
export type Review = z.infer<ReturnType<typeof reviewSchema>>;

/** `_data/<name>` files and the shape of each (`links` is written by `npm run links`, see src/links/). */
export const DATA_FILES = ["site", "authors", "blogs", "podcasts", "books", "reviews", "links"] as const;
export type DataFileName = (typeof DATA_FILES)[number];

export function dataSchemas(zone: string) {
  return {
    site: SiteSchema,
    authors: z.record(Id, AuthorSchema),
    blogs: z.record(Id, BlogSchema),
    podcasts: z.record(Id, podcastSchema(zone)),
    books: z.record(Id, BookSchema),
    reviews: listOf(reviewSchema(zone)),
    links: LinksFileSchema,
  } satisfies Record<DataFileName, z.ZodType>;
}

/** A post's comments (`<slug>.comments.yaml`). */
export * from "./comments.ts";
