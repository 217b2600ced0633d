/**
 * A long `npm run build` shows how far it is, on a terminal only: one line
 * on standard error counting the pages as they are written
 * (`Writing pages [########----] 9,000/16,628`), cleared when the pages are
 * done. Piped output, CI (`CI` set) and the dev server get nothing.
 */
import { type Progress, progress } from "../progress.ts";
import type { UserConfig } from "../types.ts";
import { PAGES_EVENT, type PagesEvent } from "./direct.ts";

export function progressPlugin(config: UserConfig): void {
  let runMode = "build";
  let bar: Progress | undefined;
  let written = 0;
  let total = 0;
  let posts = 0;
  let shown = false;
  config.on("eleventy.before", ({ runMode: mode }: { runMode: string }) => {
    runMode = mode;
    shown = runMode === "build" && !process.env.CI;
    [written, total, posts] = [0, 0, 0];
  });
  // Every URL Eleventy knows is a page to write (a paginated template has
  // several); the pages Backlist writes itself (src/plugins/direct.ts) come on top.
  config.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: Record<string, unknown> }) => {
    total = Object.keys(urlToInputPath).length;
  });
  config.on(PAGES_EVENT, ({ count }: PagesEvent) => {
    posts = count;
  });
  config.addTransform("backlist-progress", (content: string) => {
    // Made at the first page, once both counts are in.
    if (shown) bar ??= progress("Writing pages", total + posts);
    bar?.update(Math.min(++written, total + posts));
    return content;
  });
  config.on("eleventy.after", () => {
    bar?.done();
    bar = undefined;
  });
}
