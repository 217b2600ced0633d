/**
 * Build benchmark: generates an archive of N posts (src/bench/corpus.ts)
 * in the OS temp folder, builds it with the project's real configuration,
 * and compares the build with the floor (markdown alone).
 *
 *   npm run bench -- 1000               one size: a readable block
 *   npm run bench -- 1000,4000,10000    several: a block each, then a table and the growth
 *   npm run bench -- 1000 --keep        keep the generated project and print its path
 *   npm run bench -- 1000 --verbose     also stream the build's output
 *   npm run bench -- --import 20000     import a generated N-post WordPress export (src/bench/wxr.ts)
 *
 * The corpus folder is deleted afterwards unless `--keep` is given or the
 * build failed (then its path is printed, to look into). Exits non-zero
 * when a build fails.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus, writeCorpus } from "../bench/corpus.ts";
import type { FloorResult, LoadResult } from "../bench/floor.ts";
import { measureBuild, runWorker } from "../bench/measure.ts";
import { type RunResult, contentPhase, formatRun, formatTable, succeeded } from "../bench/report.ts";
import { isMain } from "./command.ts";
import { measureImport, writeWxr } from "../bench/wxr.ts";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** What a project folder links from the repository: the code and configuration, not the content. */
const LINKED = ["src", "pages", "_includes", "assets", "node_modules", ".eleventy.js", "package.json", "tsconfig.json"];

const USAGE = "usage: npm run bench -- <N>[,<N>…] [--keep] [--verbose] [--import <N>]";

export const HELP = `${USAGE}

Generates a deterministic archive of N posts (3 blogs, 8 authors, a long tail
of tags, code, replies, footnotes, comments, cross-links), builds it with the
project's real configuration and reports wall and CPU time, peak memory, the
pages written, the time of each phase and the floor (markdown alone) measured
in the same run. Several sizes give a table and the growth.

  <N>[,<N>…]     the archive sizes, e.g. 1000,10000 (1_000 works too)
  --import <N>   also time importing a generated N-post WordPress export
  --keep         keep the generated project and print its path
  --verbose      stream the build's own output
  --help         this text`;

interface Options {
  sizes: number[];
  keep: boolean;
  verbose: boolean;
  /** `--import N`: the import benchmark's number of posts. */
  imports: number[];
  help?: boolean;
}

export function parseArgs(argv: readonly string[]): Options | string {
  const options: Options = { sizes: [], keep: false, verbose: false, imports: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--import") {
      const n = Number((argv[++i] ?? "").replace(/_/g, ""));
      if (!Number.isInteger(n) || n < 1) return `--import needs a number of posts\n${USAGE}`;
      options.imports.push(n);
    } else if (arg === "--keep") options.keep = true;
    else if (arg === "--verbose") options.verbose = true;
    else if (arg === "--help" || arg === "-h") return { ...options, help: true };
    else if (arg.startsWith("-")) return `unknown option ${arg}\n${USAGE}`;
    else {
      for (const part of arg.split(",").filter(Boolean)) {
        const n = Number(part.replace(/_/g, ""));
        if (!Number.isInteger(n) || n < 1) return `"${part}" is not a number of posts\n${USAGE}`;
        options.sizes.push(n);
      }
    }
  }
  return options.sizes.length > 0 || options.imports.length > 0 ? options : USAGE;
}

const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);

async function run(posts: number, options: Options): Promise<RunResult> {
  const dir = mkdtempSync(path.join(tmpdir(), `backlist-bench-${posts}-`));
  progress(`${posts} posts: generating in ${dir}`);
  const start = performance.now();
  const corpus = generateCorpus(posts);
  const corpusFiles = writeCorpus(dir, corpus);
  let corpusBytes = 0;
  for (const text of corpus.files.values()) corpusBytes += Buffer.byteLength(text);
  const generateMs = performance.now() - start;
  for (const name of LINKED) symlinkSync(path.join(REPO, name), path.join(dir, name));

  progress(`${posts} posts: building`);
  const build = await measureBuild(dir, {
    repo: REPO,
    onOutput: options.verbose ? (chunk) => process.stderr.write(chunk) : undefined,
  });

  progress(`${posts} posts: floor`);
  const floorOut = mkdtempSync(path.join(tmpdir(), `backlist-bench-floor-${posts}-`));
  let floorMs: number | undefined;
  try {
    floorMs = (await runWorker<FloorResult>(REPO, ["floor", dir, floorOut])).ms;
  } catch (error) {
    progress(String(error instanceof Error ? error.message : error));
  } finally {
    rmSync(floorOut, { recursive: true, force: true });
  }

  const result: RunResult = { posts, dir, kept: false, corpusFiles, corpusBytes, generateMs, build, floorMs };
  const own = contentPhase(build.phases);
  if (own) {
    result.contentLoad = { ms: own.ms, from: "build", ok: build.status === 0, phases: own.names };
  } else {
    progress(`${posts} posts: content load replay`);
    try {
      const load = await runWorker<LoadResult>(REPO, ["load", dir]);
      result.contentLoad = { ms: load.ms, from: "replay", ok: load.ok };
      if (!load.ok) result.loadError = load.error;
    } catch (error) {
      progress(String(error instanceof Error ? error.message : error));
    }
  }

  result.kept = options.keep || !succeeded(result);
  if (!result.kept) rmSync(dir, { recursive: true, force: true });
  return result;
}

/** The import benchmark: a generated export of `posts` posts imported into a fresh project. */
function runImportBench(posts: number, options: Options): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), `backlist-bench-import-${posts}-`));
  for (const name of LINKED) symlinkSync(path.join(REPO, name), path.join(dir, name));
  mkdirSync(path.join(dir, "_data"));
  writeFileSync(path.join(dir, "_data/site.yaml"), "title: Bench\nurl: https://example.org\ntimezone: America/New_York\npublisher: Bench\n");
  writeFileSync(path.join(dir, "_data/blogs.yaml"), "bench:\n  title: Bench Blog\n");
  const file = path.join(dir, "export.xml");
  progress(`import of ${posts} posts: generating ${file}`);
  const bytes = writeWxr(file, posts);
  progress(`import of ${posts} posts: importing`);
  const measure = measureImport(dir, file, REPO);
  const mib = (kib: number) => `${Math.round(kib / 1024).toLocaleString("en")} MiB`;
  const lines = [
    `Import of a ${posts.toLocaleString("en")}-post WordPress export (${(bytes / 1024 / 1024).toFixed(1)} MB)`,
    `  wall ${(measure.wallMs / 1000).toFixed(1)} s${measure.cpuMs === undefined ? "" : `, CPU ${(measure.cpuMs / 1000).toFixed(1)} s`}${measure.peakKiB === undefined ? "" : `, peak memory ${mib(measure.peakKiB)}`}`,
    ...measure.output.split("\n").slice(0, 3).map((line) => `  ${line}`),
  ];
  console.log(`${lines.join("\n")}\n`);
  const ok = measure.status === 0;
  if (options.keep || !ok) progress(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  return ok;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === "string") {
    console.error(options);
    return 2;
  }
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  const runs: RunResult[] = [];
  for (const size of options.sizes) {
    const result = await run(size, options);
    runs.push(result);
    console.log(`${formatRun(result)}\n`);
  }
  if (runs.length > 1) console.log(formatTable(runs));
  const imports = options.imports.map((posts) => runImportBench(posts, options));
  return runs.every(succeeded) && imports.every(Boolean) ? 0 : 1;
}

if (isMain(import.meta.url)) {
  process.exitCode = await main();
}
