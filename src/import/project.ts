/**
 * What the authoring tools need to know of the project they run in: its
 * data files (read and checked by the content loader itself), the time zone
 * of a blog, and the URLs the blog's posts already have, so a new or
 * imported post never takes another's URL.
 */
import { readFile, readdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Document, parseDocument } from "yaml";
import { loadData } from "../content/load.ts";
import { SAMPLE_DIR, contentDirs } from "../content/root.ts";
import type { ArchiveData } from "../content/model.ts";
import { formatProblem, parseYaml, splitFrontMatter } from "../content/source.ts";
import { parseArchiveDate, type ArchiveDate } from "../dates.ts";
import { slugify } from "../slug.ts";
import type { Problem } from "../types.ts";

/** The project's own archive, which the authoring tools write to (never the sample, see src/content/root.ts). */
export const POSTS_DIR = "posts";
export const DATA_DIR = "_data";

/** Thrown for anything the user must fix first; the message is shown as it is. */
export class ToolError extends Error {
  override name = "ToolError";
}

/** The project's data files, checked; any error in them is a `ToolError` listing every problem. */
export async function loadProjectData(root: string): Promise<ArchiveData> {
  if (contentDirs(root).sample) {
    throw new ToolError(
      `this project has no archive of its own yet (what it shows is the sample in ${SAMPLE_DIR}/): ` +
        "start one with `npm run init`, then add posts to it",
    );
  }
  const problems: Problem[] = [];
  const data = await loadData({ root, dataDir: DATA_DIR }, problems);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length) {
    throw new ToolError(
      `the data files have ${errors.length === 1 ? "an error" : `${errors.length} errors`}; fix ${errors.length === 1 ? "it" : "them"} first:\n` +
        errors.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
  }
  return data;
}

/** A known blog, or a `ToolError` listing the known ones. */
export function requireBlog(data: ArchiveData, id: string): void {
  if (Object.hasOwn(data.blogs, id)) return;
  const known = Object.keys(data.blogs);
  throw new ToolError(
    `unknown blog "${id}"; ` +
      (known.length ? `known blogs: ${known.join(", ")}` : `${DATA_DIR}/blogs.yaml defines none (a blog is an entry there and a folder under ${POSTS_DIR}/)`),
  );
}

/** A known author id, or a `ToolError` listing the known ones. */
export function requireAuthor(data: ArchiveData, id: string): void {
  if (Object.hasOwn(data.authors, id)) return;
  const known = Object.keys(data.authors);
  throw new ToolError(`unknown author "${id}"; ${known.length ? `known authors: ${known.join(", ")}` : `${DATA_DIR}/authors.yaml defines none`}`);
}

/** Time zone of dates without an offset in `blog`: the blog's, else the site's. */
export function blogZone(data: ArchiveData, blog: string): string {
  return data.blogs[blog]?.timezone ?? data.site.timezone;
}

/** `/<blog>/<yyyy>/<mm>/<slug>/`, as the loader computes it. */
export function postUrl(blog: string, date: Pick<ArchiveDate, "year" | "month">, slug: string): string {
  return `/${blog}/${date.year}/${String(date.month).padStart(2, "0")}/${slug}/`;
}

/** `posts/<blog>/<year>/<slug>.md`, relative to the project root. */
export function postFile(blog: string, date: Pick<ArchiveDate, "year">, slug: string): string {
  return `${POSTS_DIR}/${blog}/${date.year}/${slug}.md`;
}

export interface ExistingPost {
  /** Relative to the project root, with `/`. */
  file: string;
  slug: string;
  /** Absent when the post's date cannot be read (the build reports it). */
  url?: string;
}

/**
 * The posts already in `posts/<blog>/<year>/`, with the URL each will have.
 * `only` limits the files read to those of matching slugs.
 */
export async function existingPosts(
  root: string,
  blog: string,
  zone: string,
  only?: (slug: string) => boolean,
): Promise<ExistingPost[]> {
  const dir = path.join(root, POSTS_DIR, blog);
  const years = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const posts: ExistingPost[] = [];
  for (const year of years.filter((entry) => entry.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const names = await readdir(path.join(dir, year.name)).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(".md")).sort()) {
      const slug = slugify(name.slice(0, -".md".length));
      if (only && !only(slug)) continue;
      const file = `${POSTS_DIR}/${blog}/${year.name}/${name}`;
      const text = await readFile(path.join(root, file), "utf8").catch(() => undefined);
      const date = text === undefined ? undefined : dateOf(text, zone);
      posts.push({ file, slug, url: date && slug ? postUrl(blog, date, slug) : undefined });
    }
  }
  return posts;
}

/** The `date` of a post's front matter, when it can be read. */
function dateOf(text: string, zone: string): ArchiveDate | undefined {
  const split = splitFrontMatter(text);
  if (split.frontMatter === null) return undefined;
  const value = parseYaml(split.frontMatter, "post").value;
  if (!value || typeof value !== "object") return undefined;
  const result = parseArchiveDate((value as Record<string, unknown>).date, zone);
  return result.ok ? result.date : undefined;
}

/** How to change a data file, in whichever form it is written. */
export interface DataFileEdit {
  json(value: Record<string, unknown>): void;
  /** The YAML document, comments and layout kept as written. */
  yaml(doc: Document): void;
}

/**
 * Edits `_data/<base>.yaml` (or `.yml`, `.json`, whichever the project has)
 * in place, written whole or not at all; `create` makes `<base>.yaml` when
 * there is none. Returns the file written, or undefined when nothing changed.
 */
export async function editDataFile(root: string, base: string, edit: DataFileEdit, create: boolean): Promise<string | undefined> {
  const dir = path.join(root, DATA_DIR);
  const names = new Set(await readdir(dir).catch(() => [] as string[]));
  const found = [`${base}.yaml`, `${base}.yml`, `${base}.json`].find((candidate) => names.has(candidate));
  if (!found && !create) return undefined;
  const name = found ?? `${base}.yaml`;
  const file = path.join(dir, name);
  const current = found ? await readFile(file, "utf8") : "";
  let text: string;
  if (name.endsWith(".json")) {
    const value = (current.trim() ? JSON.parse(current) : {}) as Record<string, unknown>;
    edit.json(value);
    text = `${JSON.stringify(value, null, 2)}\n`;
  } else {
    const doc = parseDocument(current);
    if (doc.errors.length) throw new ToolError(`${DATA_DIR}/${name}: ${doc.errors[0]?.message ?? "not valid YAML"}; fix it first`);
    edit.yaml(doc);
    text = doc.toString({ lineWidth: 0 });
  }
  if (text === current) return undefined;
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, text);
  await rename(temporary, file);
  return `${DATA_DIR}/${name}`;
}
