/**
 * The download engine of the importers: bringing the files an imported
 * post references home, into the post's own folder
 * (`posts/<blog>/<year>/<slug>/`, see src/media/folder.ts). For each URL:
 *
 * 1. with a local copy of the old uploads folder (`--media <folder>`), the
 *    file found there by its URL path (`/wp-content/uploads/2008/06/x.png`
 *    → `<folder>/2008/06/x.png`, trying shorter tails of the path);
 * 2. else, when downloads are on (`--fetch-media`), the old host
 *    (src/media/fetch.ts: timeouts, redirects, a size cap, content types);
 * 3. when the host fails (404, 410, DNS, timeout, a web page instead of
 *    the file), the web archive's snapshot nearest the post's date
 *    (src/media/wayback.ts);
 *
 * and an outcome for each: `local`, `downloaded`, `archived` (with the
 * snapshot's date), `kept` (already there from an earlier run) or `missing`
 * (with the reason). File names are sanitised and every write is confined
 * to the post's folder (src/confine.ts). A URL is fetched at most once per
 * run, however many posts use it (each post folder gets its own copy). Where
 * each file came from is recorded beside it, in the folder's
 * `.sources.yaml`, which the build never publishes.
 */
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { CORE_SCHEMA, dump, load } from "js-yaml";
import { confine } from "../confine.ts";
import { limitedByHost } from "../links/check.ts";
import { WAYBACK_ENDPOINT } from "../links/wayback.ts";
import { ACCEPTED_TYPES, DOWNLOAD_DEFAULTS, type DownloadOptions, acceptedType, download, extensionOf } from "./fetch.ts";
import { downloadArchived } from "./wayback.ts";

export interface FetchMediaOptions {
  /** A local copy of the old uploads folder (`--media`), or none. */
  mediaDir?: string;
  /** Files of the old site by their address (`sameFileKey`), absolute paths already confined to the site (a Hugo page bundle's): looked up first. */
  localFiles?: ReadonlyMap<string, string>;
  /** Download from the old host and the web archive (`--fetch-media`). */
  fetch: boolean;
  /** Ask the web archive when the old host fails. */
  archive: boolean;
  /** The availability API's endpoint (BACKLIST_ARCHIVE_ENDPOINT). */
  archiveEndpoint: string;
  download: Partial<DownloadOptions>;
  /** Downloads at a time to one host, and overall. */
  perHost: number;
  total: number;
  /** The current moment, epoch ms, for the record. */
  now: () => number;
}

export const FETCH_MEDIA_DEFAULTS: FetchMediaOptions = Object.freeze({
  fetch: false,
  archive: true,
  archiveEndpoint: WAYBACK_ENDPOINT,
  download: {},
  perHost: 2,
  total: 6,
  now: () => Date.now(),
});

/** One file a post references. */
export interface MediaRequest {
  /** The URL as the post has it, absolute (made absolute against the post's old address by the importer). */
  url: string;
  /** The post's date, epoch ms: the archive's snapshot nearest it is taken. */
  postDate?: number;
  /** The post's folder, absolute (`…/posts/main/2008/xen`); created when a file is written. */
  folder: string;
  /** The folder every write must stay in (the project's `posts/`); the post's folder is checked against it. */
  within: string;
}

export type MediaOutcome =
  | { url: string; status: "local"; file: string; reference: string; from: string }
  | { url: string; status: "downloaded"; file: string; reference: string }
  | { url: string; status: "archived"; file: string; reference: string; snapshot: { url: string; date: string } }
  | { url: string; status: "kept"; file: string; reference: string }
  | {
      url: string;
      status: "missing";
      reason: string;
      /** The old host (or the archive) was asked and could not give the file: worth remembering, so a re-run need not ask again. */
      asked?: boolean;
    };

/** One entry of a post folder's `.sources.yaml`. */
export interface SourceRecord {
  file: string;
  url: string;
  from: "local" | "host" | "archive";
  /** The archive's snapshot the bytes came from. */
  snapshot?: string;
  snapshot_date?: string;
  /** When the file was brought home (ISO 8601, UTC). */
  fetched: string;
}

export const SOURCES_FILE = ".sources.yaml";

type Got =
  | { ok: true; bytes: Buffer; contentType: string; from: "local"; path: string }
  | { ok: true; bytes: Buffer; contentType: string; from: "host" }
  | { ok: true; bytes: Buffer; contentType: string; from: "archive"; snapshot: { url: string; date: string } }
  | { ok: false; reason: string; asked?: boolean };

/** Extensions of files whose address names them whatever the query (`x.png?ver=2` is `x.png`). */
const FILE_EXTENSIONS = new Set([...Object.values(ACCEPTED_TYPES), "jpeg"]);

/**
 * The key under which a URL is fetched once per run and found in a folder's
 * record: `http:` and `https:` of one address are one file, the host's case
 * does not count (`HTTP://Old.Example.com/x.png` = `https://old.example.com/x.png`),
 * and neither does the query of a path that names a file by its extension
 * (WordPress's `?ver=2`, `?w=300`: a static file's server ignores it).
 */
export function sameFileKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = "";
    if (FILE_EXTENSIONS.has(extensionOf(parsed))) parsed.search = "";
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href.slice(parsed.protocol.length) : parsed.href;
  } catch {
    return url;
  }
}

/**
 * A safe file name for `url` in a post's folder: its last path segment,
 * decoded, cut to letters, digits, `.`, `_` and `-`, no leading dot, at
 * most 100 characters, with the extension of its content type when it has
 * none (`photo` served as image/jpeg → `photo.jpg`).
 */
export function fileNameFor(url: string, contentType = ""): string {
  let last = "";
  try {
    last = new URL(url).pathname.split("/").filter(Boolean).pop() ?? "";
  } catch {
    last = "";
  }
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // Kept as written; the characters are cut below.
  }
  // `%2e%2e%2fx.png` decodes to `../x.png`: only what follows the last separator is a name.
  decoded = decoded.split(/[\\/]/).pop() ?? "";
  let name = decoded
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[.-]+/, "")
    .replace(/-+(\.[A-Za-z0-9]+)$/, "$1")
    .replace(/[.-]+$/, "");
  const typeExtension = ACCEPTED_TYPES[contentType];
  if (!name) name = "file";
  if (!/\.[A-Za-z0-9]{1,8}$/.test(name) && typeExtension) name = `${name}.${typeExtension}`;
  if (name.length > 100) {
    const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? "";
    name = name.slice(0, 100 - ext.length) + ext;
  }
  return name;
}

/** Paths inside a local uploads folder to try for a URL: its whole path, then shorter tails (at least two segments, or the one it has). */
export function localCandidates(url: string): string[] {
  let segments: string[];
  try {
    segments = new URL(url).pathname.split("/").filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    return [];
  }
  const out: string[] = [];
  const shortest = Math.min(2, segments.length);
  for (let start = 0; segments.length - start >= shortest && segments.length - start > 0; start++) out.push(segments.slice(start).join("/"));
  return out;
}

const SOURCE_ORDER = (a: SourceRecord, b: SourceRecord) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** The engine for one import run. */
export class MediaFetcher {
  readonly options: FetchMediaOptions;
  /** URL → what was got, shared by every post of the run. */
  #got = new Map<string, Promise<Got>>();
  /** Requests sent to old hosts and the archive, counted for the report and the tests. */
  downloads = 0;

  constructor(options: Partial<FetchMediaOptions> = {}) {
    this.options = { ...FETCH_MEDIA_DEFAULTS, ...options, download: { ...DOWNLOAD_DEFAULTS, ...options.download } };
  }

  /** Every request, with the concurrency limits; outcomes in the requests' order. */
  async fetchAll(requests: readonly MediaRequest[], onOutcome?: (outcome: MediaOutcome) => void): Promise<MediaOutcome[]> {
    const hostOf = (r: MediaRequest) => {
      try {
        return new URL(r.url).host;
      } catch {
        return "";
      }
    };
    const task = async (r: MediaRequest) => {
      const outcome = await this.fetch(r);
      onOutcome?.(outcome);
      return outcome;
    };
    return limitedByHost(requests, hostOf, task, { perHost: this.options.perHost, total: this.options.total });
  }

  /** One file into one post's folder. */
  async fetch(request: MediaRequest): Promise<MediaOutcome> {
    const { url } = request;
    const folder = confine(request.within, path.relative(request.within, request.folder).split(path.sep).join("/"));
    if (folder instanceof Error) return { url, status: "missing", reason: `the post's folder ${folder.message}` };
    let records: SourceRecord[];
    try {
      records = await readSources(folder);
    } catch (error) {
      return { url, status: "missing", reason: `${path.basename(folder)}/${SOURCES_FILE} cannot be read: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
    }
    const key = sameFileKey(url);
    const known = records.find((r) => sameFileKey(r.url) === key);
    // The record is data like any other: a file it names must be in the folder.
    const keptFile = known ? confine(folder, known.file) : undefined;
    if (known && typeof keptFile === "string" && existsSync(keptFile) && statSync(keptFile).isFile()) {
      return { url, status: "kept", file: keptFile, reference: reference(folder, known.file) };
    }
    let got = this.#got.get(key);
    if (!got) {
      // A local file that cannot be read is one outcome, never the end of the import.
      got = this.#obtain(request).catch((error: unknown): Got => ({ ok: false, reason: `cannot be read: ${error instanceof Error ? error.message : String(error)}` }));
      this.#got.set(key, got);
    }
    const result = await got;
    if (!result.ok) return { url, status: "missing", reason: result.reason, ...(result.asked ? { asked: true } : {}) };
    // One writer at a time per folder: two URLs may want the same name.
    const name = await this.#inFolder(folder, async (): Promise<string | Error> => {
      const written = await this.#write(folder, fileNameFor(url, result.contentType), result.bytes);
      if (written instanceof Error) return written;
      await this.#record(folder, {
        file: written,
        url,
        from: result.from,
        ...(result.from === "archive" ? { snapshot: result.snapshot.url, snapshot_date: result.snapshot.date } : {}),
        fetched: new Date(this.options.now()).toISOString().replace(/\.\d{3}Z$/, "Z"),
      });
      return written;
    }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    if (name instanceof Error) return { url, status: "missing", reason: `cannot be written: ${name.message}` };
    const file = path.join(folder, name);
    const ref = reference(folder, name);
    if (result.from === "local") return { url, status: "local", file, reference: ref, from: result.path };
    if (result.from === "archive") return { url, status: "archived", file, reference: ref, snapshot: result.snapshot };
    return { url, status: "downloaded", file, reference: ref };
  }

  async #obtain(request: MediaRequest): Promise<Got> {
    const local = await this.#fromLocal(request.url);
    if (local) return local;
    if (!this.options.fetch) return { ok: false, reason: this.options.mediaDir ? "not in the media folder (downloads are off)" : "downloads are off" };
    this.downloads++;
    const got = await download(request.url, this.options.download);
    if (got.ok) return { ok: true, bytes: got.bytes, contentType: got.contentType, from: "host" };
    if (!got.hostFailed || !this.options.archive) return { ok: false, reason: got.reason, asked: true };
    this.downloads++;
    const archived = await downloadArchived(request.url, request.postDate, { endpoint: this.options.archiveEndpoint, timeout: this.options.download.timeout ?? DOWNLOAD_DEFAULTS.timeout, userAgent: this.options.download.userAgent ?? DOWNLOAD_DEFAULTS.userAgent }, this.options.download);
    if (!archived.ok) return { ok: false, reason: `${got.reason}; ${archived.reason}`, asked: true };
    return { ok: true, bytes: archived.bytes, contentType: archived.contentType, from: "archive", snapshot: archived.snapshot };
  }

  async #fromLocal(url: string): Promise<Got | undefined> {
    const own = this.options.localFiles?.get(sameFileKey(url));
    if (own !== undefined && existsSync(own) && statSync(own).isFile()) {
      const ext = extensionOf(new URL(`file:///${path.basename(own)}`));
      const type = Object.entries(ACCEPTED_TYPES).find(([, e]) => e === ext || (ext === "jpeg" && e === "jpg"))?.[0] ?? "";
      if (acceptedType(type, new URL(`file:///${encodeURIComponent(path.basename(own))}`))) return { ok: true, bytes: await readFile(own), contentType: type, from: "local", path: own };
    }
    const dir = this.options.mediaDir;
    if (!dir) return undefined;
    for (const candidate of localCandidates(url)) {
      const file = confine(dir, candidate);
      if (file instanceof Error || !existsSync(file) || !statSync(file).isFile()) continue;
      const ext = extensionOf(candidate);
      const type = Object.entries(ACCEPTED_TYPES).find(([, e]) => e === ext || (ext === "jpeg" && e === "jpg"))?.[0] ?? "";
      if (!acceptedType(type, new URL(`file:///${candidate}`))) continue;
      return { ok: true, bytes: await readFile(file), contentType: type, from: "local", path: file };
    }
    return undefined;
  }

  /** Write `bytes` as `name` in `folder` (or `name-2`… when another file has the name), confined to it. */
  async #write(folder: string, name: string, bytes: Buffer): Promise<string | Error> {
    const dot = name.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    for (let n = 1; n < 1000; n++) {
      const candidate = n === 1 ? name : `${stem}-${n}${ext}`;
      const target = confine(folder, candidate);
      if (target instanceof Error) return target;
      if (existsSync(target)) {
        if ((await readFile(target)).equals(bytes)) return candidate;
        continue;
      }
      await mkdir(folder, { recursive: true });
      await writeFile(target, bytes, { flag: "wx" });
      return candidate;
    }
    return new Error(`too many files named like ${name}`);
  }

  #queues = new Map<string, Promise<unknown>>();
  /** Run `task` after every earlier task of `folder`. */
  #inFolder<T>(folder: string, task: () => Promise<T>): Promise<T> {
    const next = (this.#queues.get(folder) ?? Promise.resolve()).then(task);
    this.#queues.set(folder, next.catch(() => undefined));
    return next;
  }

  /** Add `record` to the folder's `.sources.yaml`. */
  async #record(folder: string, record: SourceRecord): Promise<void> {
    {
      const key = sameFileKey(record.url);
      const records = (await readSources(folder)).filter((r) => sameFileKey(r.url) !== key);
      records.push(record);
      records.sort(SOURCE_ORDER);
      const target = confine(folder, SOURCES_FILE);
      if (target instanceof Error) throw target;
      const header = "# Where each file of this post came from, written by the import (see README, Images and files).\n";
      await writeFile(`${target}.tmp`, header + dump(records, { schema: CORE_SCHEMA, lineWidth: -1 }));
      await rename(`${target}.tmp`, target);
    }
  }
}

/** The reference a post writes for a file of its folder: `<slug>/<name>`. */
function reference(folder: string, name: string): string {
  return `${encodeURI(path.basename(folder))}/${encodeURI(name)}`;
}

/** A post folder's `.sources.yaml`, or none. */
export async function readSources(folder: string): Promise<SourceRecord[]> {
  const file = path.join(folder, SOURCES_FILE);
  if (!existsSync(file)) return [];
  const value = load(await readFile(file, "utf8"), { schema: CORE_SCHEMA });
  return Array.isArray(value) ? (value.filter((r) => r && typeof r === "object" && typeof r.url === "string" && typeof r.file === "string") as SourceRecord[]) : [];
}
