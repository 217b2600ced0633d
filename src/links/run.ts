/**
 * One run of `npm run links`: which links are due (never checked, or
 * checked longer ago than `olderThan`), checking those once each (per-host
 * concurrency limit), asking the web archive for a copy of the dead ones
 * (or of every link, with `archiveAll`), and the new list of records,
 * sorted by URL so that re-runs diff cleanly. Links no longer cited anywhere
 * are dropped from the list.
 */
import { type CheckOptions, type CheckResult, checkLink, limitedByHost } from "./check.ts";
import { citationDate } from "./collect.ts";
import type { LinkCitations, LinkRecord, Snapshot } from "./model.ts";
import { type ArchiveOptions, WAYBACK_ENDPOINT, findSnapshot } from "./wayback.ts";

export interface RunOptions {
  /** The current moment, epoch ms. */
  now: number;
  /** A link checked less than this long ago (ms) is not checked again. */
  olderThan: number;
  check: Partial<CheckOptions> & Pick<CheckOptions, "userAgent">;
  /** Requests at a time to one host, and overall. */
  perHost: number;
  total: number;
  archive: {
    /** Ask the web archive at all. */
    enabled: boolean;
    /** Ask for every link checked, not only the dead ones. */
    all: boolean;
    endpoint: string;
  };
  /** Epoch ms of the archive's first post: the date to ask copies of undated data links for. */
  archiveStart?: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

export const RUN_DEFAULTS = {
  olderThan: 90 * 24 * 3600 * 1000,
  perHost: 2,
  total: 8,
  archive: { enabled: true, all: false, endpoint: WAYBACK_ENDPOINT },
} as const;

export interface RunSummary {
  records: LinkRecord[];
  /** Links checked in this run. */
  checked: number;
  /** Links whose record was recent enough to keep. */
  fresh: number;
  /** Records dropped because nothing cites their URL any more. */
  forgotten: number;
  /** Questions put to the web archive. */
  archiveAsked: number;
}

/** `90d`, `12w`, `6h`, `30m`, `0` → milliseconds; undefined when it is none of these. */
export function parseAge(text: string): number | undefined {
  const m = /^\s*(\d+)\s*([mhdw]?)\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? "").toLowerCase();
  if (unit === "" && n !== 0) return undefined;
  const ms = { "": 0, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 }[unit] ?? 0;
  return n * ms;
}

/** ISO 8601 in UTC to the second, as the data file writes instants. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function isDue(record: LinkRecord | undefined, options: RunOptions): boolean {
  if (!record?.checked) return true;
  return options.now - Date.parse(record.checked) >= options.olderThan;
}

function recordOf(result: CheckResult, checked: string): LinkRecord {
  return {
    url: result.url,
    status: result.status,
    checked,
    ...(result.code !== undefined ? { code: result.code } : {}),
    ...(result.error !== undefined ? { error: result.error } : {}),
    ...(result.finalUrl !== undefined && result.finalUrl !== result.url ? { final_url: result.finalUrl } : {}),
  };
}

/** Key order of a record in the file, whatever order it was built in. */
function tidy(record: LinkRecord): LinkRecord {
  const { url, status, checked, code, error, final_url, archived, archive_checked } = record;
  return Object.fromEntries(
    Object.entries({ url, status, checked, code, error, final_url, archived, archive_checked }).filter(([, v]) => v !== undefined),
  ) as LinkRecord;
}

export async function runLinks(citations: LinkCitations, previous: readonly LinkRecord[], options: RunOptions): Promise<RunSummary> {
  const log = options.log ?? (() => {});
  const before = new Map(previous.map((record) => [record.url, record]));
  const urls = [...citations.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const due = urls.filter((url) => isDue(before.get(url), options));
  const checkedAt = isoInstant(options.now);
  const archiveOptions: ArchiveOptions = {
    endpoint: options.archive.endpoint,
    timeout: options.check.timeout ?? 15_000,
    userAgent: options.check.userAgent,
  };
  let done = 0;
  let archiveAsked = 0;

  const results = await limitedByHost(
    due,
    (url) => new URL(url).host,
    async (url) => {
      const result = await checkLink(url, options.check);
      log(`[${++done}/${due.length}] ${result.status.padEnd(9)} ${url}${result.code ? ` (${result.code})` : ""}${result.error ? ` (${result.error})` : ""}`);
      return result;
    },
    { perHost: options.perHost, total: options.total },
  );
  const fresh = new Map(results.map((result) => [result.url, recordOf(result, checkedAt)]));

  // Archived copies: for dead links (or all, with `all`) that have none recorded and were
  // checked now, or whose last question to the archive failed. One archive, so one at a time per host limit.
  const wanted = urls.filter((url) => {
    const record = fresh.get(url) ?? before.get(url);
    if (!options.archive.enabled || !record) return false;
    if (before.get(url)?.archived) return false;
    if (record.status !== "dead" && !options.archive.all) return false;
    return fresh.has(url) || !before.get(url)?.archive_checked;
  });
  const snapshots = new Map<string, { snapshot?: Snapshot; asked?: string }>();
  await limitedByHost(
    wanted,
    () => options.archive.endpoint,
    async (url) => {
      archiveAsked++;
      try {
        const snapshot = await findSnapshot(url, citationDate(citations.get(url) ?? [], options.archiveStart), archiveOptions);
        snapshots.set(url, { snapshot, asked: checkedAt });
        log(`archive: ${snapshot ? `copy of ${snapshot.date.slice(0, 10)}` : "no copy"} for ${url}`);
      } catch (error) {
        snapshots.set(url, {});
        log(`archive: could not ask about ${url}: ${(error as Error).message}`);
      }
    },
    { perHost: options.perHost, total: options.perHost },
  );

  const records = urls.map((url) => {
    const old = before.get(url);
    let record: LinkRecord = fresh.get(url) ?? old ?? { url, status: "unchecked" };
    if (old?.archived) record = { ...record, archived: old.archived, archive_checked: old.archive_checked };
    else if (!fresh.has(url) && old?.archive_checked) record = { ...record, archive_checked: old.archive_checked };
    const found = snapshots.get(url);
    if (found?.snapshot) record = { ...record, archived: found.snapshot };
    if (found?.asked) record = { ...record, archive_checked: found.asked };
    return tidy(record);
  });
  return {
    records,
    checked: due.length,
    fresh: urls.length - due.length,
    forgotten: previous.filter((record) => !citations.has(record.url)).length,
    archiveAsked,
  };
}
