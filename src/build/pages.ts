/**
 * Pages Backlist writes itself: one per post, list page and feed, the bulk
 * of a large archive (which ones: src/plugins/direct.ts).
 *
 * Eleventy keeps every page it renders in memory until its build ends (the
 * rendered text, the text before its transforms, and the result it hands
 * to `eleventy.after`), so an archive's memory grew with its posts. Post
 * pages are written here instead, one after another: rendered, passed
 * through the same transforms Eleventy runs on its own pages (recorded
 * links, the path prefix, the progress line), written to the output
 * folder, handed to `onPage` (the search index), and let go. Lists, tags,
 * feeds and the other pages stay Eleventy templates.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What Eleventy passes a transform as `this` (the parts Backlist's and Eleventy's transforms read). */
export interface TransformContext {
  inputPath: string;
  outputPath: string;
  url: string;
  page: { inputPath: string; outputPath: string; url: string };
}

/** A transform as Eleventy's configuration holds it (`addTransform`). */
export type Transform = (this: TransformContext, content: string, outputPath: string) => unknown;

/** Runs `transforms` in order over `content`, as Eleventy runs them over a page it writes. */
export async function applyTransforms(
  transforms: Readonly<Record<string, Transform>>,
  content: string,
  page: { inputPath: string; outputPath: string; url: string },
): Promise<string> {
  let text = content;
  const context: TransformContext = { ...page, page };
  for (const [name, transform] of Object.entries(transforms)) {
    const result = await transform.call(context, text, page.outputPath);
    if (typeof result !== "string") throw new Error(`the ${name} transform did not return text for ${page.url}`);
    text = result;
  }
  return text;
}

/**
 * The file of the page at `url`: a folder's page is its `index.html`
 * (`/main/2008/06/slug/` → `<output>/main/2008/06/slug/index.html`), a
 * file is itself (`/feed.xml`). A URL that is not a path inside the site is refused.
 */
export function pageFile(output: string, url: string): string {
  const segments = url.split("/");
  if (!url.startsWith("/") || url.includes("\\") || segments.some((s) => s === "." || s === "..") || segments.slice(1, -1).some((s) => s === "")) {
    throw new Error(`${JSON.stringify(url)} is not the URL of a page in the site`);
  }
  return path.join(output, ...segments.filter(Boolean), ...(url.endsWith("/") ? ["index.html"] : []));
}

export interface WritePagesOptions<T> {
  /** The output folder. */
  output: string;
  /** Eleventy's transforms, run over each page. */
  transforms: Readonly<Record<string, Transform>>;
  url(item: T): string;
  /** The source the page is made from, for the transforms and their errors. */
  inputPath(item: T): string;
  render(item: T): string;
  /** Called with each page once written; awaited, so it can hold the writing back. */
  onPage?(url: string, html: string): unknown;
}

/** Writes one page per item; the number written. */
export async function writePages<T>(items: Iterable<T>, options: WritePagesOptions<T>): Promise<number> {
  let written = 0;
  // Folders made so far: one mkdir per folder, not per page (a recursive mkdir per page cost seconds).
  const made = new Set<string>();
  for (const item of items) {
    const url = options.url(item);
    const outputPath = pageFile(options.output, url);
    const html = await applyTransforms(options.transforms, options.render(item), { inputPath: options.inputPath(item), outputPath, url });
    const folder = path.dirname(outputPath);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(outputPath, html);
    written++;
    await options.onPage?.(url, html);
  }
  return written;
}
