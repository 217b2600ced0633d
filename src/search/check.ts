/**
 * The written search bundle, checked before a build may report success: a
 * Pagefind that failed half-way (it has panicked on a full disk and still
 * exited cleanly) leaves empty or missing files, and a site whose
 * `pagefind.js` is 0 bytes must never replace the last good one.
 *
 * Checked: the files the search page and Pagefind's script load exist and
 * are not empty, no file of the bundle is empty, `pagefind-entry.json` is
 * valid, and it counts as many pages as the build marked for the index.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";

/** Files the search page loads (pages/search.11ty.tsx) and that Pagefind's script needs first. */
export const REQUIRED_FILES = ["pagefind.js", "pagefind-entry.json", "pagefind-ui.js", "pagefind-ui.css", "pagefind-worker.js"];

export class SearchBundleError extends Error {
  constructor(problems: readonly string[]) {
    super(`search index: the written bundle is broken, so the site was not replaced:\n  ${problems.join("\n  ")}`);
    this.name = "SearchBundleError";
  }
}

/**
 * Problems of the bundle in `bundleDir` (empty when it is sound). `expectedPages`,
 * when known, is how many pages of the build carry the index marker.
 */
export async function searchBundleProblems(bundleDir: string, expectedPages?: number): Promise<string[]> {
  const problems: string[] = [];
  const name = (file: string) => path.join(path.basename(bundleDir), path.relative(bundleDir, file));
  const entries = await readdir(bundleDir, { recursive: true, withFileTypes: true }).catch(() => undefined);
  if (!entries) return [`${path.basename(bundleDir)}/ was not written`];
  for (const required of REQUIRED_FILES) {
    if (!entries.some((entry) => entry.isFile() && entry.parentPath === bundleDir && entry.name === required)) {
      problems.push(`${name(path.join(bundleDir, required))} is missing`);
    }
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await stat(file)).size === 0) problems.push(`${name(file)} is empty (0 bytes)`);
  }
  const entryFile = path.join(bundleDir, "pagefind-entry.json");
  const text = await readFile(entryFile, "utf8").catch(() => undefined);
  if (text) {
    let indexed: number | undefined;
    try {
      const entry = JSON.parse(text) as { languages?: Record<string, { page_count?: unknown }> };
      indexed = Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (typeof language.page_count === "number" ? language.page_count : 0), 0);
    } catch {
      problems.push(`${name(entryFile)} is not valid JSON`);
    }
    if (indexed !== undefined && expectedPages !== undefined && indexed !== expectedPages) {
      problems.push(`${name(entryFile)} counts ${indexed} pages, but the build marked ${expectedPages} for the index`);
    }
  }
  return problems;
}

/** Throws `SearchBundleError` listing every problem of the bundle. */
export async function checkSearchBundle(bundleDir: string, expectedPages?: number): Promise<void> {
  const problems = await searchBundleProblems(bundleDir, expectedPages);
  if (problems.length) throw new SearchBundleError(problems);
}
