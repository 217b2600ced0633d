/**
 * Static search (Pagefind): after Eleventy has written the site, in
 * `npm run build` and after every rebuild of `npm start`, index the built
 * pages and write the search bundle to `<output>/pagefind/`. The search
 * page (pages/search.11ty.tsx) loads it from there, under the path prefix
 * when there is one. Reported as phase `search index` (src/timings.ts).
 */
import { BODY_MARKER, writeSearchIndex } from "../search/index.ts";
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
}

export function searchPlugin(config: UserConfig): void {
  config.on("eleventy.after", async ({ directories, outputMode, incremental, results }: AfterBuild) => {
    if (outputMode !== undefined && outputMode !== "fs") return;
    // Does any page carry the marker? Known from a full build's pages; an
    // incremental one holds only the changed pages: then index without the check.
    const hasBody =
      incremental || !results
        ? undefined
        : results.some((page) => typeof page.content === "string" && page.content.includes(BODY_MARKER));
    await timed("search index", () => writeSearchIndex(directories.output, { hasBody }));
  });
}
