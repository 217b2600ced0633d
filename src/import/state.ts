/**
 * What earlier imports into a blog wrote: `posts/<blog>/.import-state.json`,
 * mapping each source item (its guid or Atom id) to the file it became and
 * a SHA-256 of the text it was given. A re-import compares the file on disk
 * with that hash: unchanged since the import → safe to skip or update;
 * changed → the author edited it, and it is kept unless `--force`.
 *
 * A side file rather than a front-matter key keeps imported posts plain
 * markdown with only the documented keys, and gives the item → file map
 * that keeps a `-2` suffix on the same item from one run to the next.
 */
import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { confine, confinementProblem } from "../confine.ts";
import { POSTS_DIR, ToolError } from "./project.ts";

export const STATE_FILE = ".import-state.json";

export interface ImportRecord {
  /** Relative to `posts/<blog>/`: `2008/foo.md`. */
  file: string;
  sha256: string;
}

/** A file the old host and the web archive were asked for and could not give, so a re-import asks no one again (unless `--retry-missing`). */
export interface MissingRecord {
  reason: string;
  /** When it was asked for (ISO 8601, UTC). */
  checked: string;
}

export interface ImportState {
  items: Record<string, ImportRecord>;
  /** By URL. */
  missing?: Record<string, MissingRecord>;
}

const ABOUT =
  "Written by `npm run import`: the file each imported item became and a hash of the text it was given, " +
  "so that importing again skips unchanged posts and never overwrites one edited since. Keep it with the posts.";

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** `posts/<blog>/.import-state.json`, relative to the project root. */
export function stateFile(blog: string): string {
  return `${POSTS_DIR}/${blog}/${STATE_FILE}`;
}

/**
 * The absolute path of a file recorded in (or about to be recorded in) the
 * blog's import state, confined to `posts/<blog>/`; an `Error` saying why
 * when the path would leave that folder.
 */
export function resolveStateFile(root: string, blog: string, file: string): string | Error {
  const own = confinementProblem(file);
  if (own) return new Error(`"${file}" ${own}`);
  // Confined to the project as a whole, so that a blog folder which is a
  // symbolic link to somewhere else is refused as well.
  const resolved = confine(root, `${POSTS_DIR}/${blog}/${file}`);
  return resolved instanceof Error ? new Error(`"${file}" leads outside ${POSTS_DIR}/${blog}/ through a symbolic link`) : resolved;
}

/**
 * Reads the blog's import state. Every recorded `file` must stay inside
 * `posts/<blog>/` (the state file is committed with the archive, so it is
 * data like any other): one that does not stops the import before anything
 * is read or written, with every such entry named.
 */
export async function readState(root: string, blog: string): Promise<ImportState> {
  const file = stateFile(blog);
  let text: string;
  try {
    text = await readFile(path.join(root, file), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { items: Object.create(null) as Record<string, ImportRecord> };
    throw error;
  }
  try {
    const value = JSON.parse(text) as { items?: unknown };
    const items = value.items && typeof value.items === "object" ? (value.items as Record<string, Partial<ImportRecord>>) : {};
    const valid = Object.entries(items).filter(
      (entry): entry is [string, ImportRecord] => typeof entry[1]?.file === "string" && typeof entry[1]?.sha256 === "string",
    );
    const refused = valid.flatMap(([key, record]) => {
      const resolved = resolveStateFile(root, blog, record.file);
      return resolved instanceof Error ? [`  ${file}: items[${JSON.stringify(key)}].file: ${resolved.message} (it must name a file inside ${POSTS_DIR}/${blog}/)`] : [];
    });
    if (refused.length) {
      throw new ToolError(`${file} records files outside the blog's folder; nothing was imported:\n${refused.join("\n")}`);
    }
    const kept: Record<string, ImportRecord> = Object.create(null) as Record<string, ImportRecord>;
    for (const [key, record] of valid) kept[key] = { file: record.file, sha256: record.sha256 };
    const state: ImportState = { items: kept };
    const missing = (value as { missing?: unknown }).missing;
    if (missing && typeof missing === "object") {
      const records: Record<string, MissingRecord> = Object.create(null) as Record<string, MissingRecord>;
      for (const [url, record] of Object.entries(missing as Record<string, Partial<MissingRecord> | null>)) {
        if (typeof record?.reason === "string" && typeof record.checked === "string") records[url] = { reason: record.reason, checked: record.checked };
      }
      if (Object.keys(records).length) state.missing = records;
    }
    return state;
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError(`${file} is not valid JSON (${(error as Error).message}); move it away to import as if for the first time`);
  }
}

/** The state file's text: keys sorted, so the same imports give the same file. */
export function stateText(state: ImportState): string {
  const items = Object.fromEntries(Object.keys(state.items).sort().map((key) => [key, state.items[key]]));
  const missing = state.missing && Object.keys(state.missing).length ? Object.fromEntries(Object.keys(state.missing).sort().map((url) => [url, state.missing?.[url]])) : undefined;
  return `${JSON.stringify({ about: ABOUT, items, ...(missing ? { missing } : {}) }, null, 2)}\n`;
}

/** Writes the state when it changed (through a temporary file, so it is never half written). */
export async function writeState(root: string, blog: string, state: ImportState): Promise<void> {
  const file = path.join(root, stateFile(blog));
  const text = stateText(state);
  const current = await readFile(file, "utf8").catch(() => undefined);
  if (current === text) return;
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
