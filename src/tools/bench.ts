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
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus, writeCorpus } from "../bench/corpus.ts";
import type { FloorResult, LoadResult } from "../bench/floor.ts";
import { type BuildMeasure, measureBuild, runWorker } from "../bench/measure.ts";
import { type RunResult, contentPhase, formatRun, formatTable, median, succeeded } from "../bench/report.ts";
import { isMain } from "./command.ts";
import { measureImport, writeWxr } from "../bench/wxr.ts";
import { type DevLoopResult, freePort, measureDevLoop } from "../bench/devloop.ts";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** What a project folder links from the repository: the code and configuration, not the content. */
const LINKED = ["src", "pages", "_includes", "assets", "node_modules", ".eleventy.js", "package.json", "tsconfig.json"];

const USAGE = "usage: npm run bench -- <N>[,<N>…] [--runs <k>] [--edit] [--keep] [--verbose] [--import <N>]";

export const HELP = `${USAGE}

Generates a deterministic archive of N posts (3 blogs, 8 authors, a long tail
of tags, code, replies, footnotes, comments, cross-links), builds it with the
project's real configuration and reports wall and CPU time, peak memory, the
pages written, the time of each phase and the floor (markdown alone) measured
in the same run. Several sizes give a table and the growth.

  <N>[,<N>…]     the archive sizes, e.g. 1000,10000 (1_000 works too)
  --runs <k>     build each archive k times (with the floor after each) and
                 report the median and the spread; a first build, not
                 counted, fills the image cache as a user's first build does
  --edit         then time npm start on the archive: an edit of a post's
                 text until its page shows it, of its title until the home
                 page does, and a new post until its page is served
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
  /** `--runs k`: counted builds of each size. */
  runs: number;
  /** `--edit`: time the dev loop too. */
  edit: boolean;
  help?: boolean;
}

export function parseArgs(argv: readonly string[]): Options | string {
  const options: Options = { sizes: [], keep: false, verbose: false, imports: [], runs: 1, edit: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--import") {
      const n = Number((argv[++i] ?? "").replace(/_/g, ""));
      if (!Number.isInteger(n) || n < 1) return `--import needs a number of posts\n${USAGE}`;
      options.imports.push(n);
    } else if (arg === "--runs" || arg.startsWith("--runs=")) {
      const k = Number(arg.includes("=") ? arg.slice("--runs=".length) : argv[++i]);
      if (!Number.isInteger(k) || k < 1 || k > 20) return `--runs needs a number of builds from 1 to 20\n${USAGE}`;
      options.runs = k;
    } else if (arg === "--keep") options.keep = true;
    else if (arg === "--edit") options.edit = true;
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

  const measure = () =>
    measureBuild(dir, { repo: REPO, onOutput: options.verbose ? (chunk) => process.stderr.write(chunk) : undefined });
  let firstBuild: BuildMeasure | undefined;
  if (options.runs > 1) {
    progress(`${posts} posts: first build (fills the image cache; not counted)`);
    firstBuild = await measure();
  }
  const builds: BuildMeasure[] = [];
  const devLoops: DevLoopResult[] = [];
  const floors: number[] = [];
  const loads: number[] = [];
  for (let round = 1; round <= options.runs; round++) {
    const of = options.runs > 1 ? ` ${round}/${options.runs}` : "";
    loads.push(loadAverage());
    progress(`${posts} posts: building${of}`);
    builds.push(await measure());
    progress(`${posts} posts: floor${of}`);
    const floorOut = mkdtempSync(path.join(tmpdir(), `backlist-bench-floor-${posts}-`));
    try {
      floors.push((await runWorker<FloorResult>(REPO, ["floor", dir, floorOut])).ms);
    } catch (error) {
      progress(String(error instanceof Error ? error.message : error));
    } finally {
      rmSync(floorOut, { recursive: true, force: true });
    }
  }
  if (options.edit) {
    progress(`${posts} posts: npm start, then an edit of a post's text, of its title, and a new post`);
    const devLoop = await measureDevLoop(dir, REPO, await freePort());
    if (devLoop.error) progress(`dev loop: ${devLoop.error}`);
    devLoops.push(devLoop);
  }
  const build = medianBuild(builds);
  const floorMs = median(floors);

  const result: RunResult = {
    posts,
    dir,
    kept: false,
    corpusFiles,
    corpusBytes,
    generateMs,
    build,
    floorMs,
    ...(builds.length > 1 ? { builds, floors } : {}),
    ...(firstBuild ? { firstBuild } : {}),
    ...(devLoops[0] ? { devLoop: devLoops[0] } : {}),
    load: { min: Math.min(...loads), max: Math.max(...loads), cores: availableParallelism() },
  };
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

/** The 1-minute load average of the machine (how busy it was), or NaN where /proc is not there. */
function loadAverage(): number {
  try {
    return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
  } catch {
    return Number.NaN;
  }
}

/** The build with the median wall time: its phases and figures are the ones reported. */
function medianBuild(builds: readonly BuildMeasure[]): BuildMeasure {
  const sorted = [...builds].sort((a, b) => a.wallMs - b.wallMs);
  const picked = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!picked) throw new Error("no build was measured");
  // A failed build is never hidden behind a median.
  return builds.find((b) => b.status !== 0) ?? picked;
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
