/**
 * One import: read and check the whole file, convert every item, decide
 * what happens to each post, and only then write. A malformed file, an
 * undated item or an author that maps to no one stops the import before
 * anything is written.
 *
 * For each post:
 *   new                               → created
 *   imported before, file untouched   → unchanged, or updated when the source changed
 *   imported before, file edited      → conflict: kept as it is (`--force` overwrites)
 *   imported before, file deleted     → conflict: not recreated (`--force` recreates)
 *   a file not written by an import   → conflict: kept as it is (`--force` overwrites)
 *     at its path
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Placement, convertItems, placePosts, postText } from "./convert.ts";
import { parseAtom, parseRss, requireItems } from "./feed.ts";
import { POSTS_DIR, ToolError, blogZone, existingPosts, loadProjectData, requireAuthor, requireBlog } from "./project.ts";
import { type Progress, progress } from "./progress.ts";
import { FORMAT_NAMES, type SourceFeed, checkXml, detectFormat } from "./source.ts";
import { type ImportRecord, readState, resolveStateFile, sha256, stateFile, writeState } from "./state.ts";
import { parseWxr } from "./wxr.ts";

export interface ImportOptions {
  /** Project root. */
  root: string;
  /** The export or feed, as given on the command line (paths in messages). */
  file: string;
  blog: string;
  author?: string;
  force?: boolean;
  /** Progress output (a terminal line by default). */
  progress?: (label: string, total: number) => Progress;
}

export type Outcome = "created" | "updated" | "unchanged" | "overwritten" | "conflict";

export interface PostResult {
  file: string;
  url: string;
  title: string;
  outcome: Outcome;
  /** Why a conflict is one. */
  reason?: string;
}

export interface ImportReport {
  format: SourceFeed["format"];
  results: PostResult[];
  ignored: Map<string, number>;
}

/** The file's items, whatever its format; a `ToolError` naming the problem when it cannot be read. */
export function parseSource(text: string, file: string): SourceFeed {
  checkXml(text, file);
  const format = detectFormat(text);
  switch (format) {
    case "wxr":
      return parseWxr(text, file);
    case "rss":
      return requireItems(parseRss(text, file), file);
    case "atom":
      return requireItems(parseAtom(text, file), file);
    default:
      throw new ToolError(`${file}: not a WordPress export (WXR), an RSS 2.0 or an Atom feed; nothing was imported`);
  }
}

export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const { root, blog } = options;
  const show = options.progress ?? progress;
  const data = await loadProjectData(root);
  requireBlog(data, blog);
  if (options.author !== undefined) requireAuthor(data, options.author);

  let text: string;
  try {
    text = await readFile(path.resolve(root, options.file), "utf8");
  } catch (error) {
    throw new ToolError(`cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const feed = parseSource(text, options.file);

  const converting = show("Converting", feed.items.length);
  const { posts, errors } = convertItems(feed.items, { blog, data, author: options.author }, (done) => converting.update(done));
  converting.done();
  if (errors.length) {
    throw new ToolError(
      `${options.file}: ${errors.length === 1 ? "1 item" : `${errors.length} items`} cannot be imported; nothing was written:\n` +
        errors.map((line) => `  ${line}`).join("\n"),
    );
  }

  const state = await readState(root, blog);
  const base = `${POSTS_DIR}/${blog}/`;
  const recorded = new Map(Object.entries(state.items).map(([key, record]) => [key, base + record.file]));
  const existing = await existingPosts(root, blog, blogZone(data, blog));
  const placements = placePosts(posts, { blog, recorded, existing });

  const writing = show("Writing", placements.length);
  const results: PostResult[] = [];
  for (const [i, placement] of placements.entries()) {
    writing.update(i);
    const result = await apply(root, blog, placement, state.items[placement.post.key], options.force ?? false);
    results.push(result);
    if (result.outcome !== "conflict") {
      state.items[placement.post.key] = { file: placement.file.slice(base.length), sha256: sha256(postText(placement)) };
    }
  }
  writing.done();
  if (Object.keys(state.items).length) {
    await mkdir(path.join(root, base), { recursive: true });
    await writeState(root, blog, state);
  }
  return { format: feed.format, results, ignored: feed.ignored };
}

async function apply(root: string, blog: string, placement: Placement, record: ImportRecord | undefined, force: boolean): Promise<PostResult> {
  const { file, url, post } = placement;
  const text = postText(placement);
  // Every path written is checked again here, whatever it came from.
  const base = `${POSTS_DIR}/${blog}/`;
  const absolute = file.startsWith(base) ? resolveStateFile(root, blog, file.slice(base.length)) : new Error(`"${file}" is not in ${base}`);
  if (absolute instanceof Error) throw new ToolError(`refusing to write ${absolute.message}; nothing more was written`);
  const disk = await readFile(absolute, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  const result = (outcome: Outcome, reason?: string): PostResult => ({ file, url, title: post.title, outcome, reason });

  if (disk === text) return result("unchanged");
  if (disk === undefined) {
    if (record && !force) return result("conflict", "deleted since it was imported; not recreated");
    await mkdir(path.dirname(absolute), { recursive: true });
    try {
      await writeFile(absolute, text, { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return result("conflict", "appeared while importing; kept as it is");
      throw error;
    }
    return result("created");
  }
  const untouched = record !== undefined && sha256(disk) === record.sha256;
  if (!untouched && !force) {
    return result("conflict", record ? "edited since it was imported; kept as it is" : "exists and was not written by an import; kept as it is");
  }
  await writeFile(absolute, text);
  return result(untouched ? "updated" : "overwritten");
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The end report: counts, then every conflict. */
export function formatReport(report: ImportReport, options: Pick<ImportOptions, "file" | "blog">): string {
  const count = (outcome: Outcome) => report.results.filter((result) => result.outcome === outcome).length;
  const parts = [
    `${count("created")} created`,
    `${count("updated")} updated`,
    `${count("unchanged")} unchanged`,
    plural(count("conflict"), "conflict"),
  ];
  if (count("overwritten")) parts.push(`${count("overwritten")} overwritten`);
  const ignored = [...report.ignored].map(([kind, n]) => plural(n, kind));
  const lines = [
    `Imported ${options.file} (${FORMAT_NAMES[report.format]}, ${plural(report.results.length, "post")}) into ${POSTS_DIR}/${options.blog}/:`,
    `  ${parts.join(", ")}${ignored.length ? `; ignored ${ignored.join(", ")}` : ""}`,
  ];
  const conflicts = report.results.filter((result) => result.outcome === "conflict");
  if (conflicts.length) {
    lines.push("Conflicts (run again with --force to replace them with the imported text):");
    for (const conflict of conflicts) lines.push(`  ${conflict.file}: ${conflict.reason}`);
  }
  lines.push(`The import's record of what it wrote is ${stateFile(options.blog)}.`);
  return lines.join("\n");
}

