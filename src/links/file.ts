/**
 * `_data/links.yaml` as text: a header saying what wrote it, then one entry
 * per URL in URL order with its keys in a fixed order, so that a re-run that
 * finds nothing new changes nothing, and one that does changes only the
 * lines of the links concerned.
 */
import { readdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import type { LinkRecord } from "./model.ts";

export const HEADER = [
  "# The archive's external links as last checked, written by `npm run links`",
  "# (see README.md, \"External links\"). The build reads this file and never",
  "# the network: dead links go to their archived copy. Edit by hand only to",
  "# correct a record; the next run keeps what is recent enough.",
  "",
].join("\n");

export function linksYaml(records: readonly LinkRecord[]): string {
  const sorted = [...records].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  if (sorted.length === 0) return `${HEADER}[]\n`;
  return HEADER + stringify(sorted, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
}

/** The data file to write: an existing `links.yaml`, `.yml` or `.json` of `dataDir`, else `links.yaml`. */
export async function linksFilePath(root: string, dataDir: string): Promise<string> {
  const names = new Set(await readdir(path.join(root, dataDir)).catch(() => [] as string[]));
  const name = ["links.yaml", "links.yml", "links.json"].find((candidate) => names.has(candidate)) ?? "links.yaml";
  return path.join(root, dataDir, name);
}

/** Write the records, whole or not at all (a temporary file renamed over the old one). */
export async function writeLinksFile(file: string, records: readonly LinkRecord[]): Promise<void> {
  const text = file.endsWith(".json")
    ? `${JSON.stringify([...records].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)), null, 2)}\n`
    : linksYaml(records);
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
