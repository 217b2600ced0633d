/**
 * The recorded state of the archive's external links: `_data/links.yaml`,
 * written by `npm run links` and read by the build, which never asks the
 * network itself. One schema is both the type and the check, as for the
 * other data files.
 */
import { z } from "zod";

export const LINK_STATES = ["alive", "moved", "dead", "unchecked"] as const;
export type LinkState = (typeof LINK_STATES)[number];

/** An instant as the data file writes it: ISO 8601 in UTC, to the second (`2026-12-02T09:30:00Z`). */
const Instant = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date and time, e.g. 2026-12-02T09:30:00Z" });
const HttpUrl = z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" });

/** A copy of the page kept by a web archive. */
export const SnapshotSchema = z.object({
  /** Where the copy is read, e.g. `https://web.archive.org/web/20080624100000/http://example.com/`. */
  url: HttpUrl,
  /** When the archive took it. */
  date: Instant,
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const LinkRecordSchema = z
  .object({
    url: HttpUrl,
    status: z.enum(LINK_STATES, { error: `must be one of ${LINK_STATES.join(", ")}` }),
    /** When the link was last checked; absent for a link never checked. */
    checked: Instant.optional(),
    /** The HTTP status of the last answer (of the last hop, after redirects). */
    code: z.number().int().min(100).max(599).optional(),
    /** Why a link is dead or unchecked when no status says it: `timeout`, `DNS: no such host`… */
    error: z.string().min(1).optional(),
    /** Where the redirects ended (a moved link; also a dead one that redirected first). */
    final_url: HttpUrl.optional(),
    /** The archived copy nearest the date of the earliest post citing the link. */
    archived: SnapshotSchema.optional(),
    /** When the web archive was last asked (whether or not it had a copy). */
    archive_checked: Instant.optional(),
  })
  .superRefine((record, ctx) => {
    if (record.status === "moved" && !record.final_url) {
      ctx.addIssue({ code: "custom", path: ["final_url"], message: "is required for a moved link" });
    }
  });
export type LinkRecord = z.infer<typeof LinkRecordSchema>;

/** The whole file: a list of records, one per URL, sorted by URL. */
export const LinksFileSchema = z.preprocess(
  (value) => (value === undefined || value === null ? [] : value),
  z.array(LinkRecordSchema, { error: "must be a list of links ({url, status, checked, …})" }),
);

/** Where an external link is cited: a post, a post's comments, or a data file. */
export interface Citation {
  /** The file citing it (`posts/main/2008/xen.md`, `posts/main/2008/xen.comments.yaml`, `_data/books.yaml`). */
  file: string;
  /** The post it appears on or beside, by source path, when there is one. */
  post?: string;
  /** The date the citation was made (the post's, a comment's, a review's), epoch ms; none for undated data. */
  date?: number;
}

/** Every external URL of the archive with everywhere it is cited. */
export type LinkCitations = ReadonlyMap<string, readonly Citation[]>;
