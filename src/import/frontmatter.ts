/**
 * Front matter written by the authoring tools (`npm run new`, `npm run
 * import`). Every value goes through the `yaml` library, so a title such as
 * `true`, `2008`, `Red Hat: the "real" story` or `#1 # of 2` comes back as
 * exactly the text it was; titles, dates and summaries are always
 * double-quoted, so no YAML reader takes a date for a timestamp.
 */
import { stringify } from "yaml";

export interface FrontMatterFields {
  title: string;
  date: string;
  /** One author id, or several for a co-written post (written as a list). */
  author?: string;
  authors?: readonly string[];
  tags?: readonly string[];
  summary?: string;
  /** Date of the last revision. */
  updated?: string;
  aliases?: readonly string[];
  /** Where the post was first published (its address on the old blog). */
  originalUrl?: string;
  draft?: boolean;
  order?: number;
}

/** A double-quoted YAML scalar on one line. */
export function quoted(text: string): string {
  return stringify(text, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", lineWidth: 0 }).trimEnd();
}

/** A flow sequence, each item plain where YAML allows it: `[Xen, Red Hat, "C#, really"]`. */
function flowList(items: readonly string[]): string {
  return stringify([...items], { collectionStyle: "flow", flowCollectionPadding: false, lineWidth: 0 }).trimEnd();
}

/** A block sequence of plain-where-possible items, one a line. */
function blockList(items: readonly string[]): string {
  return items.map((item) => `  - ${stringify(item, { lineWidth: 0 }).trimEnd()}`).join("\n");
}

/** The `---`-fenced front matter of a post, keys in the README's order, ending with a newline. */
export function frontMatterText(fields: FrontMatterFields): string {
  const lines = [`title: ${quoted(oneLine(fields.title))}`, `date: ${quoted(fields.date)}`];
  const authors = [...(fields.author ? [fields.author] : []), ...(fields.authors ?? [])].filter((id, i, all) => all.indexOf(id) === i);
  if (authors.length === 1) lines.push(`author: ${authors[0]}`);
  else if (authors.length > 1) lines.push(`author: ${flowList(authors)}`);
  if (fields.tags?.length) lines.push(`tags: ${flowList(fields.tags.map(oneLine))}`);
  if (fields.summary) lines.push(`summary: ${quoted(oneLine(fields.summary))}`);
  if (fields.updated) lines.push(`updated: ${quoted(fields.updated)}`);
  if (fields.aliases?.length) lines.push("aliases:", blockList(fields.aliases));
  if (fields.originalUrl) lines.push(`original_url: ${quoted(fields.originalUrl)}`);
  if (fields.draft) lines.push("draft: true");
  if (fields.order !== undefined) lines.push(`order: ${fields.order}`);
  return `---\n${lines.join("\n")}\n---\n`;
}

/** Titles, tags and summaries are one line of plain text. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
