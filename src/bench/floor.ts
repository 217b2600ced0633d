/**
 * Baselines the build is compared with, each run in a fresh process so
 * that neither warms the other's JIT or caches:
 *
 * - the floor: read every post, split off its front matter, render the
 *   body with the project's markdown-it, write one HTML file per post.
 *   No site generator can do much less work for the same posts.
 * - the content load replay: the project's loader (validation, markdown
 *   with cross-links, indexes) as the content plugin calls it, timed
 *   alone. Used when the build does not print its own phase timings.
 *
 *   node --import tsx src/bench/floor.ts floor <project> <out-dir>
 *   node --import tsx src/bench/floor.ts load <project>
 *
 * Each prints one JSON line on stdout.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { splitFrontMatter } from "../content/source.ts";
import { createMarkdown } from "../markdown/index.ts";

export interface FloorResult {
  ms: number;
  posts: number;
  /** Bytes of HTML written. */
  bytes: number;
}

export interface LoadResult {
  ms: number;
  ok: boolean;
  posts: number;
  /** The loader's report when the content has errors. */
  error?: string;
}

/** Markdown files under `dir`, sorted. */
export function postFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Render every post of `project` to `outDir`, one HTML file each; timed from the first read to the last write. */
export function floor(project: string, outDir: string): FloorResult {
  const md = createMarkdown();
  const start = performance.now();
  const files = postFiles(path.join(project, "posts"));
  mkdirSync(outDir, { recursive: true });
  let bytes = 0;
  files.forEach((file, i) => {
    const { body } = splitFrontMatter(readFileSync(file, "utf8"));
    const html = md.render(body);
    bytes += Buffer.byteLength(html);
    writeFileSync(path.join(outDir, `${i}.html`), html);
  });
  return { ms: performance.now() - start, posts: files.length, bytes };
}

/** Load `project` with the project's loader, as a production build does. */
export async function replayLoad(project: string): Promise<LoadResult> {
  const [{ loadArchive }, { crossLinks }] = await Promise.all([import("../content/load.ts"), import("../content/links.ts")]);
  const markdown = createMarkdown({ plugins: [crossLinks] });
  const start = performance.now();
  try {
    const archive = await loadArchive({ root: project, postsDir: "posts", dataDir: "_data", includeDrafts: false, markdown });
    return { ms: performance.now() - start, ok: true, posts: archive.posts.length };
  } catch (error) {
    return { ms: performance.now() - start, ok: false, posts: 0, error: error instanceof Error ? error.message : String(error) };
  }
}

async function main(argv: string[]): Promise<void> {
  const [mode, project, out] = argv;
  if (mode === "floor" && project && out) {
    console.log(JSON.stringify(floor(path.resolve(project), path.resolve(out))));
  } else if (mode === "load" && project) {
    console.log(JSON.stringify(await replayLoad(path.resolve(project))));
  } else {
    console.error("usage: floor.ts floor <project> <out-dir> | floor.ts load <project>");
    process.exitCode = 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
