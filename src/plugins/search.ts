/**
 * Static search (Pagefind): after Eleventy has written the site, in
 * `npm run build` and after every rebuild of `npm start`, index the built
 * pages and write the search bundle to `<output>/pagefind/`. The search
 * page (pages/search.11ty.tsx) loads it from there, under the path prefix
 * when there is one. Reported as phase `search index` (src/timings.ts).
 */
import path from "node:path";
import { checkSearchBundle } from "../search/check.ts";
import { BODY_MARKER, BUNDLE_DIR, writeSearchIndex } from "../search/index.ts";
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
  results?: { content?: unknown; url?: unknown }[];
  /** `build`, or `serve`/`watch` for the dev server. */
  runMode?: string;
}

/** A post page (`/<blog>/<yyyy>/<mm>/<slug>/`) whose markup carries the index marker as an attribute. */
const POST_URL = /^\/[^/]+\/\d{4}\/\d{2}\/[^/]+\/$/;
const MARKER_ATTRIBUTE = new RegExp(`<[^>]*\\s${BODY_MARKER}[\\s=>]`);
function isMarkedPostPage(page: { content?: unknown; url?: unknown }): boolean {
  return typeof page.url === "string" && POST_URL.test(page.url) && typeof page.content === "string" && MARKER_ATTRIBUTE.test(page.content);
}

export function searchPlugin(config: UserConfig): void {
  // Dev-server indexing runs one after another, behind the rebuilds.
  let indexing: Promise<unknown> = Promise.resolve();
  config.on("eleventy.after", async ({ directories, outputMode, incremental, results, runMode }: AfterBuild) => {
    if (outputMode !== undefined && outputMode !== "fs") return;
    // Does any page carry the marker? Known from a full build's pages; an
    // incremental one holds only the changed pages: then index without the check.
    const marked = incremental || !results ? undefined : results.filter(isMarkedPostPage).length;
    const hasBody = marked === undefined ? undefined : marked > 0;
    const run = () => timed("search index", () => writeSearchIndex(directories.output, { hasBody }));
    if (runMode === undefined || runMode === "build") {
      // All or nothing: a failed or half-written index fails the build, so
      // the last good site stays (src/tools/build.ts swaps only on success).
      // Pagefind's process can die mid-write (a full disk) leaving the
      // promise unsettled: Node would then run out of work and exit 0 with
      // a half-written bundle. Exiting before the check has passed is a failure.
      const unfinished = (code: number) => {
        if (code !== 0) return;
        console.error("[backlist] search index: the indexer stopped before the index was written; the site was not replaced.");
        process.exitCode = 1;
      };
      process.once("exit", unfinished);
      const start = performance.now();
      try {
        await run();
        await checkSearchBundle(path.join(directories.output, BUNDLE_DIR), marked);
        process.off("exit", unfinished);
        reportSummary({ searchIndex: performance.now() - start });
      } catch (error) {
        console.error(`[backlist] ${error instanceof Error ? error.message : String(error)}\nThe site was not replaced.`);
        process.exit(1);
      }
      return;
    }
    // The dev server reloads the edited page without waiting for the index,
    // which follows a moment later (seconds on a large archive).
    indexing = indexing.then(run, run).catch((error: unknown) => {
      console.error(`[backlist] search index: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}
