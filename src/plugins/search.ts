/**
 * Static search (Pagefind): in `npm run build`, each post page goes to the
 * index as it is written and the bundle is written to `<output>/pagefind/`
 * once Eleventy is done; after every rebuild of `npm start`, the written
 * post pages are read from the folder, in the background. The search
 * page (pages/search.11ty.tsx) loads it from there, under the path prefix
 * when there is one. Reported as phase `search index` (src/timings.ts).
 */
import path from "node:path";
import { checkSearchBundle } from "../search/check.ts";
import { BUNDLE_DIR, SearchSession, isMarked, writeSearchIndex } from "../search/index.ts";
import { reportSummary } from "../build/summary.ts";
import { phase, timed } from "../timings.ts";
import type { UserConfig } from "../types.ts";
import { PAGES_EVENT, PAGE_EVENT, type PageEvent, type PagesEvent } from "./direct.ts";

/** What Eleventy 3 passes to `eleventy.after` (the parts used here). */
interface AfterBuild {
  /** Normalized folders; `output` is relative to the working directory, e.g. `./_site/`. */
  directories: { output: string };
  /** `fs` when files were written; `json`/`ndjson` runs write nothing to index. */
  outputMode?: string;
  /** `build`, or `serve`/`watch` for the dev server. */
  runMode?: string;
}

export function searchPlugin(config: UserConfig): void {
  let runMode: string | undefined = "build";
  // `npm run build`: the post pages, indexed as they are written (src/plugins/direct.ts).
  let session: SearchSession | undefined;
  let started = 0;
  // Post pages with the marker in this build.
  let marked = 0;
  let markedBefore = 0;
  config.on("eleventy.before", ({ runMode: mode }: { runMode?: string }) => {
    runMode = mode;
    markedBefore = marked;
    marked = 0;
    session = runMode === undefined || runMode === "build" ? new SearchSession() : undefined;
    started = performance.now();
  });
  // A quick rebuild of `npm start` writes a few pages again; the others, marked or not, stand.
  config.on(PAGES_EVENT, ({ partial }: PagesEvent) => {
    if (partial) marked = markedBefore;
  });
  config.on(PAGE_EVENT, async ({ url, html }: PageEvent) => {
    if (!isMarked(html)) return;
    marked++;
    await session?.add(url, html);
  });
  // Dev-server indexing runs one after another, behind the rebuilds.
  let indexing: Promise<unknown> = Promise.resolve();
  config.on("eleventy.after", async ({ directories, outputMode }: AfterBuild) => {
    if (outputMode !== undefined && outputMode !== "fs") return;
    if (session) {
      const current = session;
      session = undefined;
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
      const wrote = performance.now();
      try {
        await timed("search index", () => current.write(directories.output));
        await checkSearchBundle(path.join(directories.output, BUNDLE_DIR), marked);
        process.off("exit", unfinished);
        // What the build waited for at its end, apart from the indexing done while pages were written.
        reportSummary({ searchIndex: performance.now() - wrote });
        // Pagefind's own process took the pages from the first one written on, beside the build.
        phase("indexing beside the build", wrote - started);
      } catch (error) {
        console.error(`[backlist] ${error instanceof Error ? error.message : String(error)}\nThe site was not replaced.`);
        process.exit(1);
      }
      return;
    }
    // The dev server reloads the edited page without waiting for the index,
    // which follows a moment later (seconds on a large archive).
    const hasBody = marked > 0;
    const run = () => timed("search index", () => writeSearchIndex(directories.output, { hasBody }));
    indexing = indexing.then(run, run).catch((error: unknown) => {
      console.error(`[backlist] search index: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}
