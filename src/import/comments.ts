/**
 * A post's approved comments → its `<slug>.comments.yaml` (the comments
 * format of the README): a YAML list, oldest first, of `id`, `author`,
 * `url`, `date`, `parent`, `type`, `verified` and `body` (markdown). Comment
 * HTML is reduced to the comments' small allowlist before it becomes
 * markdown; spam, pending and trashed comments are left out and counted.
 */
import { DateTime } from "luxon";
import { Document, Scalar, isScalar, visit } from "yaml";
import { type Removed, sanitizeComment, sanitizedToMarkdown } from "./html.ts";
import { type SourceComment, sqlMillis } from "./source.ts";
import { autoParagraphs } from "./wxr.ts";

/** One comment as the file holds it. */
export interface CommentEntry {
  id: number | string;
  author: string;
  url?: string;
  date: string;
  parent?: number | string;
  type?: "pingback" | "trackback";
  verified?: false;
  body: string;
}

export interface CommentsResult {
  /** The approved comments, oldest first. */
  entries: CommentEntry[];
  /** Left out, by reason: spam, pending, trash, removed, undated. */
  left: Map<string, number>;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** `12` → 12; another valid id as text; one that is not → `c-<digits and letters>`. */
function commentId(id: string, index: number): number | string {
  if (/^[1-9]\d{0,14}$/.test(id)) return Number(id);
  if (ID.test(id)) return id;
  const cleaned = id.replace(/[^A-Za-z0-9_-]/g, "");
  return cleaned && ID.test(cleaned) ? cleaned : `c${index + 1}`;
}

const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})([+-])(\d{2}):(\d{2})$/;

/** The moment of a comment's date, for its order: `2009-03-01T09:30:00+01:00` read directly, any other form by luxon. */
export function dateMillis(date: string): number {
  const match = WITH_OFFSET.exec(date);
  const local = match ? sqlMillis(`${match[1]} ${match[2]}`) : undefined;
  if (match && local !== undefined && Number(match[4]) <= 23 && Number(match[5]) <= 59) {
    return local - (match[3] === "-" ? -1 : 1) * (Number(match[4]) * 60 + Number(match[5])) * 60_000;
  }
  return DateTime.fromISO(date, { setZone: true }).toMillis();
}

/** The approved comments of a post in the comments format, and what was left out. */
export function convertComments(comments: readonly SourceComment[], removed?: Removed): CommentsResult {
  const left = new Map<string, number>();
  const leave = (reason: string) => left.set(reason, (left.get(reason) ?? 0) + 1);
  const kept: { entry: CommentEntry; millis: number; index: number; sourceParent?: string; sourceId: string }[] = [];
  comments.forEach((comment, index) => {
    if (comment.status !== "approved") return leave(comment.status);
    if ("error" in comment.date) return leave("undated");
    const date = comment.date.value;
    const millis = dateMillis(date);
    const body = sanitizedToMarkdown(sanitizeComment(autoParagraphs(comment.html), removed)).replace(/\n$/, "");
    const entry: CommentEntry = {
      id: commentId(comment.id, index),
      author: comment.author.replace(/\s+/g, " ").trim() || "Anonymous",
      ...(comment.url ? { url: comment.url } : {}),
      date,
      ...(comment.type !== "comment" ? { type: comment.type } : {}),
      ...(comment.registered ? {} : { verified: false as const }),
      body,
    };
    kept.push({ entry, millis: Number.isFinite(millis) ? millis : 0, index, sourceParent: comment.parent, sourceId: comment.id });
  });
  // Ids unique in the file: a repeated one gets a suffix.
  const seen = new Set<string>();
  for (const item of kept) {
    let id = item.entry.id;
    for (let n = 2; seen.has(String(id)); n++) id = `${item.entry.id}-${n}`;
    item.entry.id = id;
    seen.add(String(id));
  }
  const byId = new Map(kept.map((item) => [item.sourceId, item.entry.id]));
  kept.sort((a, b) => a.millis - b.millis || a.index - b.index);
  return {
    entries: kept.map(({ entry, sourceParent }) => {
      const parent = sourceParent === undefined ? undefined : byId.get(sourceParent);
      // A reply whose parent was left out (spam, pending) stands on its own.
      if (parent === undefined || parent === entry.id) return entry;
      const { body, ...rest } = entry;
      const ordered: CommentEntry = { ...rest, parent, body };
      // Keys in the format's order: id, author, url, date, parent, type, verified, body.
      return {
        id: ordered.id,
        author: ordered.author,
        ...(ordered.url ? { url: ordered.url } : {}),
        date: ordered.date,
        parent,
        ...(ordered.type ? { type: ordered.type } : {}),
        ...(ordered.verified === false ? { verified: false as const } : {}),
        body,
      };
    }),
    left,
  };
}

/** The comments file's text: dates quoted, bodies as literal blocks. */
export function commentsYaml(entries: readonly CommentEntry[]): string {
  if (entries.length === 0) return "[]\n";
  const doc = new Document(entries);
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !isScalar(pair.value)) return;
      if (pair.key.value === "body" && typeof pair.value.value === "string" && pair.value.value !== "") pair.value.type = Scalar.BLOCK_LITERAL;
      if (pair.key.value === "date" || (pair.key.value === "author" && typeof pair.value.value === "string")) pair.value.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: false });
}
