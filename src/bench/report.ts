/**
 * How benchmark results are printed: a block per size, and for several
 * sizes a markdown table and the growth from the smallest to the largest.
 */
import type { BuildMeasure, Phase } from "./measure.ts";
import type { DevLoopResult } from "./devloop.ts";

export interface RunResult {
  posts: number;
  /** Corpus folder (deleted afterwards unless kept). */
  dir: string;
  kept: boolean;
  corpusFiles: number;
  corpusBytes: number;
  generateMs: number;
  build: BuildMeasure;
  floorMs?: number;
  /** Content load: the build's own phase, else a replay of the loader alone. */
  contentLoad?: { ms: number; from: "build" | "replay"; ok: boolean; phases?: string[] };
  /** The loader's report when the replay found content errors. */
  loadError?: string;
  /** With `--runs k` (k > 1): every counted build and floor; `build` and `floorMs` are their medians. */
  builds?: BuildMeasure[];
  floors?: number[];
  /** With `--runs k` (k > 1): the first build, which filled the image cache, not counted. */
  firstBuild?: BuildMeasure;
  /** `--edit`: the dev server's times. */
  devLoop?: DevLoopResult;
  /** The machine's 1-minute load average before each counted build, lowest and highest, and its cores. */
  load?: { min: number; max: number; cores: number };
}

/** Phases the report always lists, `n/a` until the build measures them. */
const NAMED = [
  { label: "feeds", match: /feed/i },
  { label: "search index", match: /search/i },
] as const;

/**
 * The build's content-load time from its `[backlist] phase` lines: a phase
 * named `content`, `load` or `content load` (any separator) if there is
 * one, else the sum of every phase whose name mentions content or load.
 */
export function contentPhase(phases: readonly Phase[]): { ms: number; names: string[] } | undefined {
  const own = phases.filter((p) => p.source === "backlist");
  const exact = own.find((p) => /^(content|load|content[\s_-]*load)$/i.test(p.name));
  const picked = exact ? [exact] : own.filter((p) => /content|load/i.test(p.name));
  if (picked.length === 0) return undefined;
  return { ms: picked.reduce((sum, p) => sum + p.ms, 0), names: picked.map((p) => p.name) };
}

const s = (ms: number | undefined): string => (ms === undefined ? "n/a" : (ms / 1000).toFixed(2));
const mib = (kib: number | undefined): string => (kib === undefined ? "n/a" : (kib / 1024).toFixed(1));
const times = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || b === 0 ? "n/a" : `×${(a / b).toFixed(2)}`;

/** Time of the search index phase: the issue reports it as its own figure, apart from the build. */
export function searchMs(build: BuildMeasure): number | undefined {
  return build.phases.find((p) => p.source === "backlist" && /search/i.test(p.name))?.ms;
}

/** Wall time of the build without the search index. */
export function wallWithoutSearch(build: BuildMeasure): number {
  return build.wallMs - (searchMs(build) ?? 0);
}

export function succeeded(run: RunResult): boolean {
  return run.build.status === 0;
}

/** The lines of the build's output that say what went wrong. */
export function failureExcerpt(build: BuildMeasure, max = 40): string[] {
  const lines = `${build.stderr}\n${build.stdout}`
    .split("\n")
    .filter((line) => line.trim() && !/Eleventy:Benchmark|\[backlist\] phase /.test(line));
  const start = lines.findIndex((line) => /\[backlist\]|Error|error/.test(line));
  return lines.slice(Math.max(0, start), Math.max(0, start) + max);
}

/** The median of some numbers (the lower middle one of an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** `median (min–max)` of the known values, in seconds; the one value alone for a single run. */
export function spread(values: readonly (number | undefined)[]): string {
  const known = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  const mid = median(known);
  if (mid === undefined) return "n/a";
  return known.length === 1 ? s(mid) : `${s(mid)} (${s(known[0])}–${s(known.at(-1))})`;
}

/** A dev-loop edit's times: `median (min–max) s of k`, or "n/a". */
function edits(values: readonly number[]): string {
  return values.length ? `${spread(values)} s of ${values.length}` : "n/a";
}

/** The lines saying how many builds were counted, their spread, and how busy the machine was. */
function roundsLines(run: RunResult): string[] {
  const out: string[] = [];
  const builds = run.builds ?? [];
  if (builds.length > 1) {
    out.push(
      `  runs          ${builds.length} builds, median (min–max) s: wall ${spread(builds.map((b) => b.wallMs))}, ` +
        `without search ${spread(builds.map(wallWithoutSearch))}, search ${spread(builds.map(searchMs))}, ` +
        `CPU ${spread(builds.map((b) => b.cpuMs))}, floor ${spread(run.floors ?? [])}; ` +
        `peak RSS ${mib(Math.min(...builds.map((b) => b.peakKiB ?? Infinity)))}–${mib(Math.max(...builds.map((b) => b.peakKiB ?? 0)))} MiB`,
    );
  }
  const first = run.firstBuild;
  if (first) {
    const images = first.phases.find((p) => p.source === "backlist" && p.name === "images")?.ms;
    out.push(`  first build   ${s(first.wallMs)} s wall, images ${s(images)} s, peak RSS ${mib(first.peakKiB)} MiB (empty image cache; not counted)`);
  }
  const dev = run.devLoop;
  if (dev) {
    out.push(
      `  dev loop      npm start's first build ${s(dev.firstBuildMs)} s; text edit → its page ${edits(dev.textEditMs)}; ` +
        `title edit → the home page ${edits(dev.titleEditMs)}; new post → its page ${s(dev.newPostMs)} s${dev.error ? " (did not finish)" : ""}; ` +
        `${dev.quickRebuilds} quick rebuilds${dev.fullReasons.length ? `, full ones: ${dev.fullReasons.join("; ")}` : ""}`,
    );
  }
  if (run.load) {
    const load = run.load;
    const counted = run.builds ?? [run.build];
    const others = counted.map((b) => (b.machineCpuMs === undefined || b.cpuMs === undefined ? undefined : Math.max(0, b.machineCpuMs - b.cpuMs)));
    out.push(
      `  machine       ${load.cores} cores; 1-minute load average ${load.min.toFixed(2)}${load.max > load.min ? `–${load.max.toFixed(2)}` : ""} before the builds ` +
        `(the previous build's threads count in it); other processes' CPU during the builds ${spread(others)} s`,
    );
  }
  return out;
}

/** A readable block for one size. */
export function formatRun(run: RunResult): string {
  const b = run.build;
  const out: string[] = [];
  out.push(`Backlist build benchmark: ${run.posts} posts`);
  out.push(
    `  corpus        ${run.corpusFiles} files, ${(run.corpusBytes / 1048576).toFixed(1)} MiB, generated in ${s(run.generateMs)} s` +
      (run.kept ? `\n  kept at       ${run.dir}` : ""),
  );
  out.push(`  build         ${b.status === 0 ? "ok" : `FAILED (exit ${b.status ?? "signal"})`}`);
  out.push(`  wall          ${s(b.wallMs)} s (${s(wallWithoutSearch(b))} s without the search index)`);
  out.push(`  CPU           ${s(b.cpuMs)} s (user ${s(b.userMs)} + sys ${s(b.sysMs)}; ${b.method === "gnu-time" ? "GNU time" : "/proc"})`);
  out.push(`  peak RSS      ${mib(b.peakKiB)} MiB`);
  out.push(`  pages         ${b.pages} .html files`);
  out.push("  phases");
  const phase = (label: string, ms: number | undefined, note = "") =>
    out.push(`    ${label.padEnd(26)}${s(ms).padStart(8)}${ms === undefined ? "  " : " s"}${note ? `  ${note}` : ""}`);
  const load = run.contentLoad;
  phase(
    "content load",
    load?.ms,
    load?.from === "replay"
      ? `(the loader alone in a fresh process${load.ok ? "" : ", content errors"})`
      : load?.phases && load.phases.length > 1
        ? `(${load.phases.join(" + ")})`
        : "",
  );
  const own = b.phases.filter((p) => p.source === "backlist");
  for (const p of own) if (!load?.phases?.includes(p.name)) phase(p.name, p.ms);
  for (const named of NAMED) if (!own.some((p) => named.match.test(p.name))) phase(named.label, undefined);
  for (const p of b.phases.filter((x: Phase) => x.source === "eleventy")) phase(p.name, p.ms);
  phase("eleventy: total", b.eleventyMs);
  out.push(`  floor         ${s(run.floorMs)}${run.floorMs === undefined ? "" : " s"} (read, split front matter, createMarkdown().render, write; one file per post)`);
  out.push(`  ratio         ${times(wallWithoutSearch(b), run.floorMs)} wall without search / floor`);
  out.push(...roundsLines(run));
  if (b.status !== 0) {
    out.push("  build output (excerpt):");
    for (const line of failureExcerpt(b)) out.push(`    ${line}`);
  }
  if (run.loadError) {
    out.push("  content load replay reported:");
    for (const line of run.loadError.split("\n").slice(0, 30)) out.push(`    ${line}`);
  }
  return out.join("\n");
}

/** A markdown table, one row per size, and the growth from the smallest size to the largest. */
export function formatTable(runs: readonly RunResult[]): string {
  const out = [
    "| N | build | pages | wall s | search index s | wall without search s | CPU s | peak MiB | content load s | floor s | (wall − search)/floor | ms/post without search |",
    "|---:|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const run of runs) {
    const b = run.build;
    const all = run.builds ?? [b];
    out.push(
      `| ${run.posts} | ${b.status === 0 ? "ok" : "failed"} | ${b.pages} | ${spread(all.map((x) => x.wallMs))} | ${spread(all.map(searchMs))} | ${spread(all.map(wallWithoutSearch))} | ` +
        `${spread(all.map((x) => x.cpuMs))} | ${mib(b.peakKiB)} | ${s(run.contentLoad?.ms)}${run.contentLoad?.from === "replay" ? "*" : ""} | ${spread(run.floors ?? [run.floorMs])} | ` +
        `${times(wallWithoutSearch(b), run.floorMs)} | ${(wallWithoutSearch(b) / run.posts).toFixed(2)} |`,
    );
  }
  if (runs.some((run) => run.contentLoad?.from === "replay")) {
    out.push("", "\\* the project's loader replayed alone in a fresh process; the build printed no content phase.");
  }
  const ok = runs.filter(succeeded);
  const sorted = [...ok].sort((a, b) => a.posts - b.posts);
  const small = sorted[0];
  const large = sorted.at(-1);
  if (small && large && large.posts > small.posts) {
    const linear = large.posts / small.posts;
    const growth = (pick: (run: RunResult) => number | undefined) => {
      const [a, b] = [pick(large), pick(small)];
      if (a === undefined || b === undefined || b === 0) return "n/a";
      const factor = a / b;
      return `×${factor.toFixed(2)} (${(factor / linear).toFixed(2)} × the linear factor)`;
    };
    out.push(
      "",
      `Growth from ${small.posts} to ${large.posts} posts (ideal linear ×${linear.toFixed(2)}):`,
      `- wall: ${growth((r) => r.build.wallMs)}`,
      `- wall without the search index: ${growth((r) => wallWithoutSearch(r.build))}`,
      `- search index: ${growth((r) => searchMs(r.build))}`,
      `- CPU: ${growth((r) => r.build.cpuMs)}`,
      `- peak RSS: ${growth((r) => r.build.peakKiB)}`,
      `- Eleventy total: ${growth((r) => r.build.eleventyMs)}`,
      `- content load: ${growth((r) => r.contentLoad?.ms)}`,
      `- floor: ${growth((r) => r.floorMs)}`,
    );
  }
  return out.join("\n");
}
