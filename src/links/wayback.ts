/**
 * Asking a web archive for the copy of a page nearest a date, through the
 * Wayback Machine's availability API
 * (https://archive.org/help/wayback_api.php):
 *
 *   GET <endpoint>?url=<page>&timestamp=YYYYMMDDhhmmss
 *   → {"archived_snapshots": {"closest": {"available": true, "status": "200",
 *        "url": "http://web.archive.org/web/20080624…/http://…", "timestamp": "20080624…"}}}
 *
 * and `{"archived_snapshots": {}}` when it has none. Any service answering
 * the same way can stand in: the endpoint is an option (`--archive-endpoint`,
 * `BACKLIST_ARCHIVE_ENDPOINT`), which is how the tests use a local server.
 */
import http from "node:http";
import https from "node:https";
import type { Snapshot } from "./model.ts";

export const WAYBACK_ENDPOINT = "https://archive.org/wayback/available";

export interface ArchiveOptions {
  endpoint: string;
  timeout: number;
  userAgent: string;
}

/** `YYYYMMDDhhmmss` of an instant, in UTC, as the API takes it. */
export function waybackTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/** `20080624101500` → `2008-06-24T10:15:00Z`; undefined when it is not such a timestamp. */
export function timestampToIso(timestamp: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?$/.exec(timestamp);
  if (!m) return undefined;
  const [, y, mo, d, h = "00", mi = "00", s = "00"] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

function getJson(url: URL, options: ArchiveOptions): Promise<unknown> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, { headers: { "user-agent": options.userAgent, accept: "application/json" }, agent: false }, (res) => {
      if ((res.statusCode ?? 0) >= 400) {
        res.resume();
        return reject(new Error(`the archive answered HTTP ${res.statusCode}`));
      }
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        } catch {
          reject(new Error("the archive's answer is not JSON"));
        }
      });
      res.on("error", reject);
    });
    req.setTimeout(options.timeout, () => req.destroy(new Error("the archive did not answer in time")));
    req.on("error", reject);
  });
}

/**
 * The archived copy of `page` nearest `near` (epoch ms; the latest copy when
 * undefined), or undefined when the archive has none that is a page (a copy
 * of an error page does not count). Network errors are thrown.
 */
export async function findSnapshot(page: string, near: number | undefined, options: ArchiveOptions): Promise<Snapshot | undefined> {
  const url = new URL(options.endpoint);
  url.searchParams.set("url", page);
  if (near !== undefined) url.searchParams.set("timestamp", waybackTimestamp(near));
  const answer = (await getJson(url, options)) as { archived_snapshots?: { closest?: Record<string, unknown> } } | null;
  const closest = answer?.archived_snapshots?.closest;
  if (!closest || closest.available === false) return undefined;
  const status = String(closest.status ?? "200");
  if (!/^[23]\d\d$/.test(status)) return undefined;
  const date = typeof closest.timestamp === "string" ? timestampToIso(closest.timestamp) : undefined;
  if (typeof closest.url !== "string" || !date) return undefined;
  let snapshot: URL;
  try {
    snapshot = new URL(closest.url);
  } catch {
    return undefined;
  }
  if (snapshot.protocol !== "http:" && snapshot.protocol !== "https:") return undefined;
  // The Wayback Machine answers with http:// addresses it serves over https too.
  if (snapshot.protocol === "http:" && snapshot.hostname === "web.archive.org") snapshot.protocol = "https:";
  return { url: snapshot.href, date };
}
