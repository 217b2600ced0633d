/**
 * One import: read and check every file (or Jekyll or Hugo site folder,
 * see src/import/jekyll.ts and src/import/hugo.ts), convert every item,
 * decide what happens to each post, page and comments file, and only then
 * write. A file that cannot be read as XML, or is not an export or feed,
 * stops the import before anything is written; any one item (a Jekyll or
 * Hugo post included) only gets its outcome.
 *
 * For each post, page or comments file:
 *   new                               → created
 *   imported before, file untouched   → unchanged, or updated when the source changed
 *   imported before, file edited      → conflict: kept as it is (`--force` overwrites)
 *   imported before, file deleted     → conflict: not recreated (`--force` recreates)
 *   a file not written by an import   → conflict: kept as it is (`--force` overwrites)
 *     at its path
 * An item that is not imported is skipped, with its reason.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type AuthorPlan, planAuthors, writeAuthors } from "./authors.ts";
import { originsToAdd, writeOldOrigins } from "./site.ts";
import { commentsYaml } from "./comments.ts";
import { type ImportedPost, type Placement, type SkippedItem, commentsFile, convertItems, placePosts, postText } from "./convert.ts";
import { decodeSource, withoutDoctype } from "./decode.ts";
import { parseAtom, parseRss, requireItems } from "./feed.ts";
import { type Removed, removedText } from "./html.ts";
import { POSTS_DIR, ToolError, blogZone, existingPosts, loadProjectData, requireAuthor, requireBlog } from "./project.ts";
import { type Progress, progress } from "../progress.ts";
import { type Attachment, FORMAT_NAMES, type SourceFeed, type SourceItem, checkXml, detectFormat } from "./source.ts";
import { type ImportRecord, readState, resolveStateFile, sha256, stateFile, writeState } from "./state.ts";
import { parseWxr } from "./wxr.ts";
import { parseBlogger } from "./blogger.ts";
import { isJekyllSite, readJekyllSite } from "./jekyll.ts";
import { hugoConfigFile, isHugoSite, readHugoSite } from "./hugo.ts";
import { MediaRefs } from "./media.ts";
import { type MediaSettings, type MediaStep, bringMediaHome, mediaReportLines } from "./media-home.ts";
import { OldUrls } from "./xref.ts";

export interface ImportOptions {
  /** Project root. */
  root: string;
  /** The exports or feeds, as given on the command line (paths in messages). */
  files: string[];
  blog: string;
  author?: string;
  force?: boolean;
  includeProtected?: boolean;
  /** What to do with the posts' images and files (`--media`, `--fetch-media`…); none: only what earlier imports brought home is used. */
  media?: MediaSettings;
  /** `--from`: the kind of source; by default each file's is detected (a folder with `_posts/` is a Jekyll site, one with `content/` and a Hugo config a Hugo site). */
  from?: SourceChoice;
  /** Progress output (a terminal bar by default). */
  progress?: (label: string, total: number) => Progress;
}

/** What `--from` may name. */
export const SOURCE_CHOICES = ["jekyll", "hugo", "wordpress", "blogger", "rss", "atom"] as const;
export type SourceChoice = (typeof SOURCE_CHOICES)[number];

export type Outcome = "created" | "updated" | "unchanged" | "overwritten" | "conflict" | "skipped";

export interface ItemResult {
  /** Position in the import, 1-based in messages. */
  index: number;
  kind: string;
  title: string;
  outcome: Outcome;
  /** Why a conflict or a skip is one. */
  reason?: string;
  /** What kind of skip, for the counts: `draft`, `attachment`, `password-protected`… */
  category?: string;
  file?: string;
  url?: string;
  /** The export or feed the item came from. */
  source: string;
}

export interface ImportReport {
  files: string[];
  formats: SourceFeed["format"][];
  results: ItemResult[];
  /** Comments files whose outcome is not "created" or "unchanged". */
  commentFiles: { file: string; outcome: Outcome; reason?: string }[];
  comments: { written: number; files: number; left: Map<string, number> };
  /** What was removed, per written file. */
  removed: { file: string; removed: Removed }[];
  unknownShortcodes: Map<string, number>;
  warnings: string[];
  authorsAdded: AuthorPlan["added"];
  authorsFile?: string;
  /** Origins of the old site added to `old_origins` in the site data file (`siteFile`). */
  originsAdded: string[];
  siteFile?: string;
  blog: string;
  /** How each source's kind was chosen: `site: Jekyll site (detected: a folder with _posts/)`. */
  chosen: string[];
  /** Liquid and kramdown syntax removed from the Jekyll posts and pages (`template` liquid) and shortcodes from the Hugo ones, with the line in the site's file, and the file it went into. */
  liquid: { source: string; line: number; text: string; why: string; file: string; template: "liquid" | "shortcode" }[];
  /** Links to pages of the old site that were not imported, kept as absolute links, by post. */
  oldLinks: { file: string; href: string }[];
  /** The images and files of the posts, and what became of each. */
  media: Pick<MediaStep, "posts" | "active">;
}

/** The file's items, whatever its format; a `ToolError` naming the problem when it cannot be read. */
export function parseSource(text: string, file: string): SourceFeed {
  const checked = withoutDoctype(text, file);
  checkXml(checked, file);
  const format = detectFormat(checked);
  switch (format) {
    case "wxr":
      return parseWxr(checked, file);
    case "rss":
      return requireItems(parseRss(checked, file), file);
    case "atom":
      return requireItems(parseAtom(checked, file), file);
    case "blogger":
      return requireItems(parseBlogger(checked, file), file);
    default:
      throw new ToolError(`${file}: not a WordPress export (WXR), an RSS 2.0 or an Atom feed; nothing was imported`);
  }
}

const FORMAT_OF: Record<Exclude<SourceChoice, "jekyll" | "hugo">, SourceFeed["format"]> = { wordpress: "wxr", blogger: "blogger", rss: "rss", atom: "atom" };

/** Reads and parses one file (decoded by its declared encoding) or Jekyll or Hugo site folder; `from` is what `--from` said. */
export async function readSource(root: string, file: string, from?: SourceChoice): Promise<SourceFeed> {
  const absolute = path.resolve(root, file);
  let folder = false;
  try {
    folder = statSync(absolute).isDirectory();
  } catch {
    folder = false;
  }
  if (folder || from === "jekyll" || from === "hugo") {
    if (from !== undefined && from !== "jekyll" && from !== "hugo") throw new ToolError(`${file} is a folder: --from ${from} reads a file; nothing was imported`);
    if (from === "hugo") {
      if (!folder) throw new ToolError(`${file}: --from hugo reads a site's folder (the one holding content/ and hugo.toml or config.toml); nothing was imported`);
      if (!isHugoSite(absolute)) throw new ToolError(`${file}: a folder, but no Hugo site (it needs a content/ folder and a hugo.toml, config.toml, their .yaml or .json forms, or config/_default/); nothing was imported`);
      return readHugoSite(absolute, file.replace(/\/+$/, ""));
    }
    if (!folder) throw new ToolError(`${file}: --from jekyll reads a site's folder (the one holding _posts/ and _config.yml); nothing was imported`);
    if (from === undefined && !isJekyllSite(absolute) && isHugoSite(absolute)) return readHugoSite(absolute, file.replace(/\/+$/, ""));
    if (!isJekyllSite(absolute)) throw new ToolError(`${file}: a folder, but no Jekyll site (it has no _posts folder) nor Hugo site (a content/ folder beside hugo.toml or config.toml); nothing was imported`);
    return readJekyllSite(absolute, file.replace(/\/+$/, ""));
  }
  const feed = await readSourceFile(root, file);
  if (from !== undefined && feed.format !== FORMAT_OF[from]) {
    throw new ToolError(`${file}: --from ${from}, but the file is a ${FORMAT_NAMES[feed.format]}; nothing was imported`);
  }
  return feed;
}

/** Reads and parses one export or feed file, decoded by its declared encoding. */
async function readSourceFile(root: string, file: string): Promise<SourceFeed> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.resolve(root, file));
  } catch (error) {
    throw new ToolError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseSource(decodeSource(bytes, file), file);
}

/** The kind of a skip reason, for the counts: its words before any `:` or `(`. */
function category(reason: string): string {
  if (reason.startsWith("the same item as")) return "duplicate";
  return reason.split(/[:(]/)[0]?.trim() || reason;
}

export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const { root, blog } = options;
  const show = options.progress ?? progress;
  const data = await loadProjectData(root);
  requireBlog(data, blog);
  if (options.author !== undefined) requireAuthor(data, options.author);
  // A state that names files outside the blog stops the import before any file is read.
  const state = await readState(root, blog);

  const feeds: SourceFeed[] = [];
  const chosen: string[] = [];
  for (const file of options.files) {
    const feed = await readSource(root, file, options.from);
    feeds.push(feed);
    // A file's kind is named on the report's "Imported" line already; a folder's, and what --from said, here.
    if (options.from || feed.format === "jekyll" || feed.format === "hugo") {
      const detected = feed.format === "hugo" ? `detected: a folder with content/ and ${hugoConfigFile(path.resolve(root, file)) ?? "a Hugo config"}` : "detected: a folder with _posts/";
      chosen.push(`${file}: ${FORMAT_NAMES[feed.format]} (${options.from ? `--from ${options.from}` : detected})`);
    }
  }
  // A site's images and files are in its folder (a Jekyll site's own, a Hugo site's static/): it is the local copy, unless --media names another.
  const mediaSettings: MediaSettings = { fetch: false, archive: false, ...options.media };
  const siteMedia = feeds.find((feed) => feed.mediaFolder !== undefined)?.mediaFolder;
  if (siteMedia !== undefined && mediaSettings.mediaDir === undefined) mediaSettings.mediaDir = siteMedia;
  const localFiles = new Map(feeds.flatMap((feed) => [...(feed.localFiles ?? [])]));
  if (localFiles.size) mediaSettings.localFiles = localFiles;
  const items: SourceItem[] = feeds.flatMap((feed) => feed.items);
  const attachments = new Map<string, Attachment>();
  for (const feed of feeds) for (const [id, attachment] of feed.attachments) if (!attachments.has(id)) attachments.set(id, attachment);
  const plan = options.author === undefined ? planAuthors(feeds.flatMap((feed) => feed.authors), data.authors) : { byLogin: new Map(), added: [] };
  const oldUrls = new OldUrls();
  for (const feed of feeds) oldUrls.addSite(feed.site);
  const media = new MediaRefs([...feeds.map((feed) => feed.site), ...items.map((item) => item.link)], feeds.flatMap((feed) => feed.mediaHosts ?? []));
  items.forEach((item, index) => {
    if (item.skip !== "attachment") oldUrls.addItem(index, item);
  });

  const converting = show("Converting", items.length);
  const { posts, skipped } = convertItems(
    items,
    {
      blog,
      data,
      author: options.author,
      authorsByLogin: plan.byLogin,
      extraAuthors: new Set(plan.added.map((author) => author.id)),
      includeProtected: options.includeProtected,
      attachments,
      oldUrls,
      media,
      // Nothing below reads an item's HTML again.
      release: true,
    },
    (done) => converting.update(done),
  );
  converting.done();

  const base = `${POSTS_DIR}/${blog}/`;
  const recorded = new Map(Object.entries(state.items).map(([key, record]) => [key, base + record.file]));
  // A legacy key (a guid) carries its record over only when one item of this import has it.
  const legacyCount = new Map<string, number>();
  for (const post of posts) for (const key of post.legacyKeys) legacyCount.set(key, (legacyCount.get(key) ?? 0) + 1);
  for (const post of posts) post.legacyKeys = post.legacyKeys.filter((key) => key !== post.key && legacyCount.get(key) === 1 && !Object.hasOwn(state.items, post.key));
  const existing = await existingPosts(root, blog, blogZone(data, blog));
  const placements = placePosts(posts, { blog, recorded, existing });
  const byIndex = new Map(placements.map((placement) => [placement.post.index, placement]));
  const targetOf = (index: number): { file: string } | { url: string } | undefined => {
    const placement = byIndex.get(index);
    if (!placement) return undefined;
    return placement.post.kind === "page" ? { url: placement.url } : { file: placement.file };
  };

  // Every image and file brought home (or found already there) before any post is written, so each post is written once.
  const step = await bringMediaHome(
    root,
    path.join(root, base),
    placements.map((placement) => ({ file: placement.file, body: placement.post.body, date: placement.post.parsed.start, extra: items[placement.post.index]?.resources })),
    media,
    mediaSettings,
    state.missing,
    { start: (total) => show("Images and files", total) },
  );
  if (Object.keys(step.missing).length) state.missing = step.missing;
  else delete state.missing;

  const authorsFile = await writeAuthors(root, plan.added);
  // The WordPress, Blogger, Jekyll and Hugo sites' origins, so links to them by full URL lead to the imported posts.
  const originsAdded = originsToAdd(data.site.old_origins ?? [], feeds.filter((feed) => feed.format === "wxr" || feed.format === "blogger" || feed.format === "jekyll" || feed.format === "hugo").map((feed) => feed.site), data.site.url);
  const siteFile = await writeOldOrigins(root, originsAdded);
  const report: ImportReport = {
    files: options.files,
    formats: feeds.map((feed) => feed.format),
    results: [],
    commentFiles: [],
    comments: { written: 0, files: 0, left: new Map() },
    removed: [],
    unknownShortcodes: new Map(),
    warnings: [],
    authorsAdded: authorsFile ? plan.added : [],
    originsAdded: siteFile ? originsAdded : [],
    ...(siteFile ? { siteFile } : {}),
    authorsFile,
    blog,
    chosen,
    liquid: [],
    oldLinks: [],
    media: step,
  };
  const writing = show("Writing", placements.length);
  const force = options.force ?? false;
  // Folders this run made or found: each is created once, not once per file.
  const folders = new Set<string>();
  for (const [i, placement] of placements.entries()) {
    writing.update(i);
    const { post } = placement;
    const text = postText(placement, media.rewrite(oldUrls.rewrite(post.body, placement.file, targetOf), (url) => step.referenceOf(placement.file, url)));
    const outcome = await apply(root, blog, placement.file, text, recordOf(state.items, post, ""), force, folders);
    report.results.push({
      index: post.index,
      kind: post.kind,
      title: post.title,
      outcome: outcome.outcome,
      reason: outcome.reason,
      file: placement.file,
      url: placement.url,
      source: items[post.index]?.file ?? "",
    });
    record(state.items, post, "", placement.file.slice(base.length), text, outcome.outcome);
    collect(report, post, placement);
    const template = items[post.index]?.key.startsWith("hugo:") ? "shortcode" : "liquid";
    for (const removed of post.liquid) report.liquid.push({ source: items[post.index]?.file ?? "", ...removed, file: placement.file, template });
    for (const href of post.oldLinks) report.oldLinks.push({ file: placement.file, href });
    if (post.comments.length) {
      const file = commentsFile(placement.file);
      const yaml = commentsYaml(post.comments);
      const result = await apply(root, blog, file, yaml, recordOf(state.items, post, "#comments"), force, folders);
      record(state.items, post, "#comments", file.slice(base.length), yaml, result.outcome);
      report.comments.written += post.comments.length;
      report.comments.files++;
      if (result.outcome !== "created" && result.outcome !== "unchanged") report.commentFiles.push({ file, ...result });
    }
  }
  writing.done();
  for (const item of skipped) {
    report.results.push(skippedResult(item));
    if (item.comments) leaveComments(report, "on a post not imported", item.comments);
  }
  for (const feed of feeds) for (const [reason, n] of feed.commentsLeft ?? []) leaveComments(report, reason, n);
  for (const [i, feed] of feeds.entries()) for (const notice of feed.notices ?? []) report.warnings.push(`${options.files[i]}: ${notice}`);
  report.results.sort((a, b) => a.index - b.index);
  if (Object.keys(state.items).length || state.missing) {
    await mkdir(path.join(root, base), { recursive: true });
    await writeState(root, blog, state);
  }
  return report;
}

function leaveComments(report: ImportReport, reason: string, n: number): void {
  report.comments.left.set(reason, (report.comments.left.get(reason) ?? 0) + n);
}

function skippedResult(item: SkippedItem): ItemResult {
  return { index: item.index, kind: item.kind, title: item.title, outcome: "skipped", reason: item.reason, category: category(item.reason), source: item.file };
}

/** The record of a post (suffix "") or its comments file ("#comments"), under its key or the legacy key it had. */
function recordOf(items: Record<string, ImportRecord>, post: ImportedPost, suffix: string): ImportRecord | undefined {
  for (const key of [post.key, ...post.legacyKeys]) {
    const found = items[key + suffix];
    if (found) return found;
  }
  return undefined;
}

/** Records what was written under the item's key, dropping its legacy key. A conflict keeps the record as it was. */
function record(items: Record<string, ImportRecord>, post: ImportedPost, suffix: string, file: string, text: string, outcome: Outcome): void {
  if (outcome === "conflict") {
    const previous = recordOf(items, post, suffix);
    for (const key of post.legacyKeys) delete items[key + suffix];
    if (previous) items[post.key + suffix] = previous;
    return;
  }
  for (const key of post.legacyKeys) delete items[key + suffix];
  items[post.key + suffix] = { file, sha256: sha256(text) };
}

/** A post's warnings, removals, unknown shortcodes and left-out comments, into the report. */
function collect(report: ImportReport, post: ImportedPost, placement: Placement): void {
  for (const warning of post.warnings) report.warnings.push(`${placement.file}: ${warning}`);
  if (post.removed.size) report.removed.push({ file: placement.file, removed: post.removed });
  for (const [name, n] of post.unknownShortcodes) report.unknownShortcodes.set(name, (report.unknownShortcodes.get(name) ?? 0) + n);
  for (const [reason, n] of post.commentsLeft) report.comments.left.set(reason, (report.comments.left.get(reason) ?? 0) + n);
}

/** The file's text, or undefined when there is none. */
function readExisting(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function apply(
  root: string,
  blog: string,
  file: string,
  text: string,
  record: ImportRecord | undefined,
  force: boolean,
  folders: Set<string>,
): Promise<{ outcome: Outcome; reason?: string }> {
  // Every path written is checked again here, whatever it came from.
  const base = `${POSTS_DIR}/${blog}/`;
  const absolute = file.startsWith(base) ? resolveStateFile(root, blog, file.slice(base.length)) : new Error(`"${file}" is not in ${base}`);
  if (absolute instanceof Error) throw new ToolError(`refusing to write ${absolute.message}; nothing more was written`);
  // Read and written synchronously: one file at a time, without a round trip through the thread pool for each.
  const disk = readExisting(absolute);
  if (disk === text) return { outcome: "unchanged" };
  if (disk === undefined) {
    if (record && !force) return { outcome: "conflict", reason: "deleted since it was imported; not recreated" };
    const folder = path.dirname(absolute);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const create = () => writeFileSync(absolute, text, { flag: "wx" });
    try {
      try {
        create();
      } catch (error) {
        // A folder removed while importing is made again.
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        mkdirSync(folder, { recursive: true });
        create();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return { outcome: "conflict", reason: "appeared while importing; kept as it is" };
      throw error;
    }
    return { outcome: "created" };
  }
  const untouched = record !== undefined && sha256(disk) === record.sha256;
  if (!untouched && !force) {
    return { outcome: "conflict", reason: record ? "edited since it was imported; kept as it is" : "exists and was not written by an import; kept as it is" };
  }
  writeFileSync(absolute, text);
  return { outcome: untouched ? "updated" : "overwritten" };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const OUTCOMES: Outcome[] = ["created", "updated", "unchanged", "overwritten", "conflict", "skipped"];

/** The end report: counts per outcome and per skip reason, a line per item not created or unchanged, then what was removed and what was left as text. */
export function formatReport(report: ImportReport): string {
  const count = (outcome: Outcome) => report.results.filter((result) => result.outcome === outcome).length;
  const formats = [...new Set(report.formats)].map((format) => FORMAT_NAMES[format]).join(", ");
  const counts = OUTCOMES.filter((outcome) => outcome !== "overwritten" || count(outcome)).map((outcome) =>
    outcome === "conflict" ? plural(count(outcome), "conflict") : `${count(outcome)} ${outcome}`,
  );
  const jekyll = report.formats.includes("jekyll");
  const hugo = report.formats.includes("hugo");
  const lines = [
    ...(report.chosen.length ? [`Source: ${report.chosen.join("; ")}`] : []),
    `Imported ${report.files.join(", ")} (${formats}, ${plural(report.results.length, "item")}) into ${POSTS_DIR}/${report.blog}/:`,
    `  ${counts.join(", ")}`,
  ];
  const reasons = new Map<string, number>();
  for (const result of report.results) if (result.outcome === "skipped") reasons.set(result.category ?? "", (reasons.get(result.category ?? "") ?? 0) + 1);
  if (reasons.size) lines.push(`  skipped: ${[...reasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([reason, n]) => `${n} ${reason}`).join(", ")}`);
  const listed = report.results.filter((result) => result.outcome !== "created" && result.outcome !== "unchanged");
  if (listed.length || report.commentFiles.length) {
    lines.push("Not created or unchanged:");
    for (const result of listed) {
      const what = result.file ?? `item ${result.index + 1} of ${result.source} (${result.kind}${result.title ? ` "${result.title}"` : ""})`;
      lines.push(`  ${what}: ${result.outcome}${result.reason ? `: ${result.reason}` : ""}`);
    }
    for (const file of report.commentFiles) lines.push(`  ${file.file}: ${file.outcome}${file.reason ? `: ${file.reason}` : ""}`);
    if (listed.some((result) => result.outcome === "conflict") || report.commentFiles.some((file) => file.outcome === "conflict")) {
      lines.push("  (run again with --force to replace the conflicts with the imported text)");
    }
  }
  if (report.warnings.length) {
    lines.push("Warnings:");
    for (const warning of report.warnings) lines.push(`  ${warning}`);
  }
  const totals: Removed = new Map();
  for (const { removed } of report.removed) for (const [kind, n] of removed) totals.set(kind, (totals.get(kind) ?? 0) + n);
  lines.push(`Removed from imported content: ${totals.size ? removedText(totals) : "nothing"}`);
  for (const { file, removed } of report.removed) lines.push(`  ${file}: ${removedText(removed)}`);
  const shortcodes = [...report.unknownShortcodes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // WordPress's shortcodes: said for its exports, and for any source where some were found.
  if (shortcodes.length || report.formats.includes("wxr")) {
    lines.push(`Unknown shortcodes (kept as text): ${shortcodes.length ? shortcodes.map(([name, n]) => `[${name}] ${n}`).join(", ") : "none"}`);
  }
  const left = [...report.comments.left].map(([reason, n]) => `${n} ${reason}`);
  lines.push(
    `Comments: ${plural(report.comments.written, "comment")} in ${plural(report.comments.files, "file")}` +
      (left.length ? `; left out ${left.join(", ")}` : ""),
  );
  for (const [shown, template, what] of [[jekyll, "liquid", "Liquid and kramdown syntax"], [hugo, "shortcode", "Shortcodes"]] as const) {
    if (!shown) continue;
    const removed = report.liquid.filter((entry) => entry.template === template);
    const count = template === "liquid" ? removed.length || "none" : removed.length ? plural(removed.length, "shortcode") : "none";
    lines.push(`${what} removed (not drawn by the import): ${count}`);
    for (const entry of removed) lines.push(`  ${entry.source}:${entry.line}: ${entry.text} (${entry.why}) → ${entry.file}`);
  }
  if (jekyll || hugo) {
    lines.push(`Links to pages of the old site that were not imported (kept as absolute links): ${report.oldLinks.length || "none"}`);
    for (const link of report.oldLinks) lines.push(`  ${link.file}: ${link.href}`);
  }
  lines.push(...mediaReportLines(report.media));
  if (report.authorsFile) lines.push(`Authors added to ${report.authorsFile}: ${report.authorsAdded.map((author) => author.id).join(", ")}`);
  if (report.siteFile) lines.push(`Old site added to old_origins in ${report.siteFile}: ${report.originsAdded.join(", ")}`);
  lines.push(`The import's record of what it wrote is ${stateFile(report.blog)}.`);
  return lines.join("\n");
}
