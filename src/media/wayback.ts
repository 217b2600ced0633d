/**
 * A file the old host lost, from a web archive: the snapshot nearest the
 * post's date, found through the availability API the link checker uses
 * (src/links/wayback.ts: the Wayback Machine by default, any endpoint
 * answering the same way), and its original bytes, not the archive's
 * replay page: the Wayback Machine serves those at the snapshot's address
 * with `id_` after the timestamp
 * (`/web/20080624101500id_/http://old.example.com/x.png`).
 */
import type { Snapshot } from "../links/model.ts";
import { type ArchiveOptions, findSnapshot } from "../links/wayback.ts";
import { type Download, type DownloadOptions, download } from "./fetch.ts";

/** The address of a snapshot's original bytes: `…/web/<timestamp>id_/<url>`; unchanged when it has no such form. */
export function originalBytesUrl(snapshotUrl: string): string {
  return snapshotUrl.replace(/\/web\/(\d{1,14})(?:[a-z]{2}_)?\//, "/web/$1id_/");
}

export type ArchivedDownload = (Download & { ok: true; snapshot: Snapshot }) | { ok: false; reason: string };

/** The archived copy of `url` nearest `near` (epoch ms), downloaded; or why there is none. */
export async function downloadArchived(
  url: string,
  near: number | undefined,
  archive: ArchiveOptions,
  options: Partial<DownloadOptions>,
): Promise<ArchivedDownload> {
  let snapshot: Snapshot | undefined;
  try {
    snapshot = await findSnapshot(url, near, archive);
  } catch (error) {
    return { ok: false, reason: `the web archive could not be asked: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!snapshot) return { ok: false, reason: "no archived copy" };
  const got = await download(originalBytesUrl(snapshot.url), options);
  if (!got.ok) return { ok: false, reason: `the archived copy of ${snapshot.date.slice(0, 10)} could not be had: ${got.reason}` };
  return { ...got, snapshot };
}
