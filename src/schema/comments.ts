/**
 * A post's comments: `posts/<blog>/<year>/<slug>.comments.yaml`, a YAML list
 * of comments, oldest first (README, "Comments"). This schema checks one
 * comment at a time; the comments loader (src/comments/load.ts) checks what
 * needs the whole file: unique ids, parents that exist, replies dated after
 * what they answer.
 */
import { z } from "zod";
import { dateIn } from "./index.ts";

/** Keys a comment may have; any other is a warning. */
export const COMMENT_KEYS = ["id", "author", "url", "date", "parent", "type", "verified", "body"] as const;

/** `comment-<id>` is an HTML id and a URL fragment: letters, digits, `_` and `-`. */
export const COMMENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const idMessage = "must be a whole number or letters, digits, `_` and `-` (it becomes the anchor #comment-<id>)";

/** A comment id as text: `3` and `"3"` are the same id. */
export const CommentId = z
  .union([z.string(), z.number()], { error: (issue) => (issue.input === undefined ? "is required" : idMessage) })
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(COMMENT_ID, idMessage));

export const COMMENT_TYPES = ["comment", "pingback", "trackback"] as const;
export type CommentType = (typeof COMMENT_TYPES)[number];

/** One comment; its date is read in `zone` (the post's blog's) when it has no offset. */
export function commentSchema(zone: string) {
  return z
    .object({
      id: CommentId,
      /** Plain text; empty (or `~`) is shown as "Anonymous". */
      author: z
        .union([z.string(), z.number(), z.null()], {
          error: (issue) => (issue.input === undefined ? "is required (write Anonymous when the name is unknown)" : "must be text"),
        })
        .transform((value) => (value === null ? "" : String(value).trim())),
      /** The author's site as given; linked only when it is an http(s) URL. */
      url: z
        .union([z.string(), z.null()], { error: "must be text (a URL)" })
        .transform((value) => (value ?? "").trim() || undefined)
        .optional(),
      date: dateIn(zone),
      parent: CommentId.optional(),
      type: z.enum(COMMENT_TYPES, { error: 'must be "comment", "pingback" or "trackback"' }).default("comment"),
      verified: z.boolean({ error: "must be true or false" }).optional(),
      body: z
        .union([z.string(), z.number(), z.null()], { error: "must be text (markdown)" })
        .transform((value) => (value === null ? "" : String(value)))
        .optional(),
    })
    .superRefine((comment, ctx) => {
      if (comment.type === "comment" && !comment.body?.trim()) {
        ctx.addIssue({
          code: "custom",
          path: ["body"],
          message: "is required for a comment (only pingbacks and trackbacks may have none)",
        });
      }
    });
}
export type CommentEntry = z.infer<ReturnType<typeof commentSchema>>;
