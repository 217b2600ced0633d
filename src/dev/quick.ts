/**
 * Which saved files a quick rebuild of `npm start` can take
 * (src/content/reload.ts): posts only. Any other file saved — a data file,
 * a comments file, a post's image, a standalone page, the file that stands
 * for a deletion — needs the whole archive loaded again.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isPageSource } from "../content/pages.ts";
import type { SavedPost } from "../content/reload.ts";

/**
 * The saved posts of Eleventy's watch queue (paths as it gives them,
 * `./posts/main/2008/xen.md`), read; undefined when anything else is in
 * the queue, or it is empty.
 */
export function quickSources(queue: readonly string[], root: string, postsDir: string): SavedPost[] | undefined {
  if (queue.length === 0) return undefined;
  const posts = `${path.posix.normalize(postsDir.split(path.sep).join("/")).replace(/\/$/, "")}/`;
  const saved: SavedPost[] = [];
  const sources = new Set(queue.map((entry) => path.relative(root, path.resolve(root, entry)).split(path.sep).join("/")));
  for (const source of sources) {
    if (!source.startsWith(posts) || !source.endsWith(".md") || isPageSource(source, postsDir)) return undefined;
    const file = path.join(root, source);
    if (!existsSync(file)) return undefined;
    saved.push({ source, bytes: readFileSync(file) });
  }
  return saved;
}
