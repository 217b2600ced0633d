/**
 * Front matter of a standalone page (About, Contact, Colophon): a blog's
 * page outside its chronology, at `posts/<blog>/pages/<path>.md`. Pages
 * have a title and may have a date (when it was written), an author, a
 * summary, old addresses and an order among their siblings; they have no
 * tags, related posts or place in the blog's lists.
 */
import { z } from "zod";
import { Text, dateIn } from "./index.ts";

export const PAGE_KEYS = ["title", "date", "updated", "author", "summary", "aliases", "draft", "order"] as const;

const OptionalText = z
  .union([z.string(), z.number()], { error: "must be text" })
  .transform((value) => String(value).trim() || undefined)
  .optional();

const listOfText = z.preprocess((value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]), z.array(Text));

export function pageSchema(zone: string) {
  return z.object({
    title: Text,
    date: dateIn(zone).optional(),
    updated: dateIn(zone).optional(),
    /** One author id or a list of them, checked by the loader (src/content/authors.ts). */
    author: z.unknown().optional(),
    summary: OptionalText,
    aliases: listOfText.default([]),
    draft: z.boolean({ error: "must be true or false" }).default(false),
    /** Position among the blog's pages, lowest first (WordPress's `menu_order`). */
    order: z.number({ error: "must be a number" }).int("must be a whole number").default(0),
  });
}
export type PageFrontMatter = z.infer<ReturnType<typeof pageSchema>>;
