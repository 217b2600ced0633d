/**
 * The import's media step: every image and file the placed posts reference
 * (src/import/media.ts) handed to the download engine (src/media/store.ts),
 * one request per post and URL, into the post's folder
 * (`posts/<blog>/<year>/<slug>/`); and the report's lines for them.
 *
 * A file the old host and the web archive were asked for and could not
 * give is remembered in the import's state, so a re-import asks no one for
 * it again (`--retry-missing` does); a file already brought home is kept
 * without a request (the engine reads the folder's `.sources.yaml`).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { mediaFolderOf } from "../media/folder.ts";
import { type FetchMediaOptions, type MediaOutcome, type MediaRequest, MediaFetcher, SOURCES_FILE, sameFileKey } from "../media/store.ts";
import type { MediaRefs } from "./media.ts";
import type { MissingRecord } from "./state.ts";

export interface MediaSettings {
  /** A local copy of the old uploads folder (`--media`), absolute. */
  mediaDir?: string;
  /** The site's own files by their old address (`sameFileKey`), absolute (a Hugo page bundle's). */
  localFiles?: ReadonlyMap<string, string>;
  /** `--fetch-media`. */
  fetch: boolean;
  /** Ask the web archive when the old host fails (`--no-archive` turns it off). */
  archive: boolean;
  archiveEndpoint?: string;
  /** Milliseconds one download may take. */
  timeout?: number;
  /** Largest file accepted, in bytes. */
  maxBytes?: number;
  /** Ask again for the files earlier imports could not get. */
  retryMissing?: boolean;
  /** The current moment, epoch ms (tests fix it). */
  now?: () => number;
}

/** Told how many of the files were done, as they are (a progress bar). */
export interface MediaProgress {
  start(total: number): { update(done: number): void; done(): void };
}

/** One post's files: the post, and each URL's outcome in the order the post references them. */
export interface PostMedia {
  /** The post's file, relative to the project root. */
  file: string;
  outcomes: MediaOutcome[];
}

export interface MediaStep {
  posts: PostMedia[];
  /** The reference each post should write for a URL (absent: keep the URL). */
  referenceOf: (file: string, url: string) => string | undefined;
  /** What to remember as missing, by URL. */
  missing: Record<string, MissingRecord>;
  /** Whether this run could bring anything home (`--media` or `--fetch-media`). */
  active: boolean;
}

export interface PlacedPost {
  /** Relative to the project root: `posts/main/2008/xen.md`. */
  file: string;
  body: string;
  /** Epoch ms of the post's date: the archive's snapshot nearest it is taken. */
  date: number;
  /** Old addresses of files that are the post's own whether its body names them or not (a Hugo page bundle's). */
  extra?: readonly string[];
}

/** The URLs a post's files come from: those its body names, then its own others, each once. */
function postUrls(refs: MediaRefs, post: PlacedPost): string[] {
  const urls = refs.urlsIn(post.body);
  if (!post.extra?.length) return urls;
  const seen = new Set(urls.map(sameFileKey));
  for (const url of post.extra) {
    const key = sameFileKey(url);
    if (seen.has(key)) continue;
    seen.add(key);
    urls.push(url);
  }
  return urls;
}

/** The media step for every placed post; `within` is the folder no write may leave (`<root>/posts/<blog>`). */
export async function bringMediaHome(
  root: string,
  within: string,
  posts: readonly PlacedPost[],
  refs: MediaRefs,
  settings: MediaSettings,
  recordedMissing: Readonly<Record<string, MissingRecord>> = {},
  progress?: MediaProgress,
): Promise<MediaStep> {
  const now = settings.now ?? (() => Date.now());
  const common: Partial<FetchMediaOptions> = {
    ...(settings.mediaDir ? { mediaDir: settings.mediaDir } : {}),
    ...(settings.localFiles?.size ? { localFiles: settings.localFiles } : {}),
    archive: settings.archive,
    ...(settings.archiveEndpoint ? { archiveEndpoint: settings.archiveEndpoint } : {}),
    download: { ...(settings.timeout ? { timeout: settings.timeout } : {}), ...(settings.maxBytes ? { maxBytes: settings.maxBytes } : {}) },
    now,
  };
  const online = new MediaFetcher({ ...common, fetch: settings.fetch });
  // Files no one could give last time: the local folder is still looked in, no one is asked.
  const offline = new MediaFetcher({ ...common, fetch: false });
  const known = new Map(Object.entries(recordedMissing).map(([url, record]) => [sameFileKey(url), record]));
  const recalled = (url: string) => (settings.fetch && !settings.retryMissing ? known.get(sameFileKey(url)) : undefined);

  const active = settings.fetch || settings.mediaDir !== undefined || (settings.localFiles?.size ?? 0) > 0;
  const asked: { post: number; request: MediaRequest }[] = [];
  const remembered: { post: number; request: MediaRequest; record: MissingRecord }[] = [];
  // With nothing to bring home, only a folder an earlier import wrote to can have a file: the others need no look.
  const untouched: { post: number; url: string }[] = [];
  posts.forEach((post, index) => {
    const urls = postUrls(refs, post);
    if (urls.length === 0) return;
    const folder = path.join(root, mediaFolderOf(post.file));
    const looked = active || existsSync(path.join(folder, SOURCES_FILE));
    for (const url of urls) {
      const request: MediaRequest = { url, postDate: post.date, folder, within };
      const record = recalled(url);
      if (!looked) untouched.push({ post: index, url });
      else if (record) remembered.push({ post: index, request, record });
      else asked.push({ post: index, request });
    }
  });
  const bar = progress?.start(asked.length + remembered.length);
  let done = 0;
  const tick = () => bar?.update(++done);
  const [fromOnline, fromOffline] = await Promise.all([
    online.fetchAll(asked.map((a) => a.request), tick),
    offline.fetchAll(remembered.map((r) => r.request), tick),
  ]);
  bar?.done();
  const outcomes = new Map<number, Map<string, MediaOutcome>>();
  const put = (post: number, outcome: MediaOutcome) => {
    let map = outcomes.get(post);
    if (!map) outcomes.set(post, (map = new Map()));
    map.set(outcome.url, outcome);
  };
  for (const { post, url } of untouched) put(post, { url, status: "missing", reason: "downloads are off" });
  const missing: Record<string, MissingRecord> = Object.create(null) as Record<string, MissingRecord>;
  const checked = new Date(now()).toISOString().replace(/\.\d{3}Z$/, "Z");
  asked.forEach((a, i) => {
    const outcome = fromOnline[i]!;
    put(a.post, outcome);
    if (outcome.status === "missing" && outcome.asked) missing[outcome.url] ??= { reason: outcome.reason, checked };
  });
  remembered.forEach((r, i) => {
    const outcome = fromOffline[i]!;
    if (outcome.status === "missing") {
      put(r.post, { url: outcome.url, status: "missing", reason: `${r.record.reason} (asked ${r.record.checked.slice(0, 10)}; --retry-missing asks again)`, asked: true });
      missing[outcome.url] ??= r.record;
    } else put(r.post, outcome);
  });
  // Still missing, and not asked for this run (downloads off): remembered as it was.
  for (const map of outcomes.values()) {
    for (const outcome of map.values()) {
      const record = known.get(sameFileKey(outcome.url));
      if (outcome.status === "missing" && record && !missing[outcome.url]) missing[outcome.url] = record;
    }
  }

  const result: PostMedia[] = [];
  posts.forEach((post, index) => {
    const map = outcomes.get(index);
    if (map?.size) result.push({ file: post.file, outcomes: postUrls(refs, post).map((url) => map.get(url)!).filter(Boolean) });
  });
  const byFile = new Map(result.map((p) => [p.file, new Map(p.outcomes.map((o) => [o.url, o]))]));
  return {
    posts: result,
    referenceOf: (file, url) => {
      const outcome = byFile.get(file)?.get(url);
      return outcome && "reference" in outcome ? outcome.reference : undefined;
    },
    missing,
    active,
  };
}

/**
 * Text safe to print and to read: control characters, line and paragraph
 * separators and bidirectional controls (which could hide or reorder what
 * a URL from an export says) written as `\u{…}` escapes.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

const LABELS: Record<MediaOutcome["status"], string> = {
  local: "local",
  downloaded: "downloaded",
  archived: "archived",
  kept: "kept",
  missing: "missing",
};

/** The report's lines for the media step: counts, then every file of every post with its outcome. */
export function mediaReportLines(step: Pick<MediaStep, "posts" | "active">): string[] {
  const all = step.posts.flatMap((post) => post.outcomes);
  if (all.length === 0) return [];
  const count = (status: MediaOutcome["status"]) => all.filter((o) => o.status === status).length;
  const posts = `${all.length} ${all.length === 1 ? "file" : "files"} in ${step.posts.length} ${step.posts.length === 1 ? "post" : "posts"}`;
  if (!step.active && count("kept") === 0) {
    return [`Images and files: ${posts}, left at their old addresses (--media <folder> or --fetch-media brings them home)`];
  }
  const lines = [
    `Images and files: ${posts}: ${count("local")} local, ${count("downloaded")} downloaded, ${count("archived")} from the web archive, ${count("kept")} already there, ${count("missing")} missing`,
  ];
  for (const post of step.posts) {
    lines.push(`  ${printable(post.file)}:`);
    for (const outcome of post.outcomes) {
      const url = printable(outcome.url);
      const label = LABELS[outcome.status].padEnd(10);
      switch (outcome.status) {
        case "missing":
          lines.push(`    ${label} ${url}: ${printable(outcome.reason)}`);
          break;
        case "archived":
          lines.push(`    ${label} ${printable(outcome.reference)} ← ${url} (snapshot of ${printable(outcome.snapshot.date)}: ${printable(outcome.snapshot.url)})`);
          break;
        default:
          lines.push(`    ${label} ${printable(outcome.reference)} ← ${url}`);
      }
    }
  }
  if (count("missing")) lines.push(`  (a missing file keeps its absolute URL in the post)`);
  lines.push(`  (where each file came from is in its post folder's ${SOURCES_FILE})`);
  return lines;
}
