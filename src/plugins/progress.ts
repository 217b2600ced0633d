/**
 * A long `npm run build` shows how far it is, on a terminal only: one line
 * on standard error counting the pages as they are written
 * (`Writing pages [########----] 9,000/16,628`), cleared when the pages are
 * done. Piped output, CI (`CI` set) and the dev server get nothing.
 */
import { type Progress, progress } from "../import/progress.ts";
import type { UserConfig } from "../types.ts";

export function progressPlugin(config: UserConfig): void {
  let runMode = "build";
  let bar: Progress | undefined;
  let written = 0;
  let total = 0;
  config.on("eleventy.before", ({ runMode: mode }: { runMode: string }) => {
    runMode = mode;
  });
  config.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: Record<string, unknown> }) => {
    if (runMode !== "build" || process.env.CI) return;
    // Every URL is a page to write (a paginated template has several).
    total = Object.keys(urlToInputPath).length;
    bar = progress("Writing pages", total);
    written = 0;
  });
  config.addTransform("backlist-progress", (content: string) => {
    bar?.update(Math.min(++written, total));
    return content;
  });
  config.on("eleventy.after", () => {
    bar?.done();
    bar = undefined;
  });
}
