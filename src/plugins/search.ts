/**
 * Static search (Pagefind): after Eleventy has written the site, in
 * `npm run build` and after every rebuild of `npm start`, index the built
 * pages and write the search bundle to `<output>/pagefind/`. The search
 * page (pages/search.11ty.tsx) loads it from there, under the path prefix
 * when there is one. Reported as phase `search index` (src/timings.ts).
 */
import { BODY_MARKER, writeSearchIndex } from "../search/index.ts";
import { reportSummary } from "../build/summary.ts";
import { timed } from "../timings.ts";
import type { UserConfig } from "../types.ts";

/** What Eleventy 3 passes to `eleventy.after` (the parts used here). */
interface AfterBuild {
  /** Normalized folders; `output` is relative to the working directory, e.g. `./_site/`. */
  directories: { output: string };
  /** `fs` when files were written; `json`/`ndjson` runs write nothing to index. */
  outputMode?: string;
  /** Whether only changed pages were rebuilt (`--incremental`). */
  incremental?: boolean;
  /** The pages of this build, with their rendered content. */
  results?: { content?: unknown }[];
  /** `build`, or `serve`/`watch` for the dev server. */
  runMode?: string;
}

export function searchPlugin(config: UserConfig): void {
  // Dev-server indexing runs one after another, behind the rebuilds.
  let indexing: Promise<unknown> = Promise.resolve();
  config.on("eleventy.after", async ({ directories, outputMode, incremental, results, runMode }: AfterBuild) => {
    if (outputMode !== undefined && outputMode !== "fs") return;
    // Does any page carry the marker? Known from a full build's pages; an
    // incremental one holds only the changed pages: then index without the check.
    const hasBody =
      incremental || !results
        ? undefined
        : results.some((page) => typeof page.content === "string" && page.content.includes(BODY_MARKER));
    const run = () => timed("search index", () => writeSearchIndex(directories.output, { hasBody }));
    if (runMode === undefined || runMode === "build") {
      const start = performance.now();
      await run();
      reportSummary({ searchIndex: performance.now() - start });
      return;
    }
    // The dev server reloads the edited page without waiting for the index,
    // which follows a moment later (seconds on a large archive).
    indexing = indexing.then(run, run).catch((error: unknown) => {
      console.error(`[backlist] search index: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}
