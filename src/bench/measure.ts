/**
 * Runs the real build of a project folder as a child process and measures
 * it: wall time, CPU time (user + sys), peak resident memory, pages
 * written, and the time of each phase the build reports.
 *
 * CPU and memory come from GNU time (`/usr/bin/time -f`) when it exists;
 * otherwise CPU is the growth of this process's reaped-children times
 * (`/proc/self/stat`, cutime + cstime) and peak memory is polled from the
 * child's `/proc/<pid>/status` (VmHWM, a lower bound).
 *
 * Phases come from the build's output:
 * - `[backlist] phase <name> <ms>ms`, printed when `BACKLIST_TIMINGS=1`;
 * - Eleventy's own benchmarks (`DEBUG=Eleventy:Benchmark*`) and its
 *   closing `Wrote N files in X seconds` line.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Phase {
  name: string;
  ms: number;
  /** Who measured it: the build's own `[backlist] phase` lines, or Eleventy. */
  source: "backlist" | "eleventy";
}

export interface BuildMeasure {
  /** Exit status; null when killed by a signal. */
  status: number | null;
  wallMs: number;
  /** User + system CPU time of the build and its children. */
  cpuMs?: number;
  userMs?: number;
  sysMs?: number;
  /** Peak resident set size, KiB. */
  peakKiB?: number;
  /** How CPU and memory were measured. */
  method: "gnu-time" | "proc";
  /** `.html` files in the output folder. */
  pages: number;
  phases: Phase[];
  /** Eleventy's own total, from its closing line. */
  eleventyMs?: number;
  /**
   * CPU time the whole machine spent while the build ran (from /proc/stat),
   * the build's own included: less `cpuMs`, what other processes took.
   */
  machineCpuMs?: number;
  stdout: string;
  stderr: string;
}

const GNU_TIME = "/usr/bin/time";

/** Eleventy's closing line: `[11ty] Copied 1 Wrote 38 files in 0.33 seconds (v3.1.8)`. */
const ELEVENTY_DONE = /Wrote (\d+) files? in ([\d.]+) seconds/;
/** `[backlist] phase content 1234.5ms`; the name may hold spaces. */
const BACKLIST_PHASE = /\[backlist\] phase (.+?) (\d+(?:\.\d+)?) ?ms\b/;
/** `Eleventy:Benchmark Benchmark   9ms   3%   38× (Aggregate) Render` */
const ELEVENTY_BENCHMARK = /Benchmark\s+(\d+(?:\.\d+)?)ms\s+\d+%\s+(\d+)×\s+\((\w+)\)\s+(.+?)\s*$/;

/** Eleventy benchmarks worth a line of the report: its label → ours. */
const ELEVENTY_PHASES: ReadonlyMap<string, string> = new Map([
  ["Searching the file system (templates)", "eleventy: find templates"],
  ["Render", "eleventy: render"],
  ["Template Write", "eleventy: write"],
  ["Passthrough Copy File", "eleventy: copy"],
]);

/** Phases printed by the build and Eleventy, in order; repeated names are summed. */
export function parsePhases(output: string): { phases: Phase[]; eleventyMs?: number } {
  const sums = new Map<string, Phase>();
  let eleventyMs: number | undefined;
  for (const line of output.split("\n")) {
    let m = BACKLIST_PHASE.exec(line);
    if (m) {
      add(sums, m[1] ?? "", Number(m[2]), "backlist");
      continue;
    }
    m = ELEVENTY_BENCHMARK.exec(line);
    if (m) {
      const label = m[4] ?? "";
      const name = m[3] === "Aggregate" ? ELEVENTY_PHASES.get(label) : undefined;
      if (name) add(sums, name, Number(m[1]), "eleventy");
      continue;
    }
    m = ELEVENTY_DONE.exec(line);
    if (m) eleventyMs = Number(m[2]) * 1000;
  }
  return { phases: [...sums.values()], eleventyMs };
}

function add(sums: Map<string, Phase>, name: string, ms: number, source: Phase["source"]): void {
  const key = `${source}\u0000${name}`;
  const seen = sums.get(key);
  if (seen) seen.ms += ms;
  else sums.set(key, { name, ms, source });
}

/** CPU time the machine has spent busy since boot (all cores, from /proc/stat), or undefined. */
export function machineBusyMs(): number | undefined {
  try {
    const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: busy is all but idle and iowait.
    const total = fields.slice(0, 8).reduce((sum, n) => sum + n, 0);
    const ticks = 100; // sysconf(_SC_CLK_TCK) on Linux
    return ((total - (fields[3] ?? 0) - (fields[4] ?? 0)) * 1000) / ticks;
  } catch {
    return undefined;
  }
}

/** Count `.html` files under `dir`. */
export function countPages(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".html")).length;
}

/** user + sys ms of this process's waited-for children, from /proc/self/stat. */
function childrenCpuMs(): { user: number; sys: number } | undefined {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 16 and 17 of proc(5) (cutime, cstime), counted from `state` (field 3).
    const ticks = 100; // sysconf(_SC_CLK_TCK) on Linux
    return { user: (Number(fields[13]) * 1000) / ticks, sys: (Number(fields[14]) * 1000) / ticks };
  } catch {
    return undefined;
  }
}

function peakOf(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export interface BuildOptions {
  /** The repository whose tsconfig tsx must use. */
  repo: string;
  /** Extra environment for the build. */
  env?: Record<string, string>;
  /** Called with each chunk the build prints (for a live view). */
  onOutput?: (chunk: string) => void;
}

/** Run `node --import tsx node_modules/@11ty/eleventy/cmd.cjs` in `project` and measure it. */
export async function measureBuild(project: string, options: BuildOptions): Promise<BuildMeasure> {
  const useTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(path.join(tmpdir(), "backlist-bench-time-"));
  const timeFile = path.join(scratch, "time.txt");
  const build = [process.execPath, "--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs"];
  const [command, ...args] = useTime ? [GNU_TIME, "-o", timeFile, "-f", "%e %U %S %M", ...build] : build;
  const env = {
    ...process.env,
    TSX_TSCONFIG_PATH: path.join(options.repo, "tsconfig.json"),
    BACKLIST_TIMINGS: "1",
    DEBUG: "Eleventy:Benchmark*",
    ...options.env,
  };

  const cpuBefore = useTime ? undefined : childrenCpuMs();
  const busyBefore = machineBusyMs();
  const start = performance.now();
  const child = spawn(command ?? "", args, { cwd: project, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    options.onOutput?.(chunk);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    options.onOutput?.(chunk);
  });
  let polledPeak: number | undefined;
  const poll = useTime
    ? undefined
    : setInterval(() => {
        const kib = child.pid === undefined ? undefined : peakOf(child.pid);
        if (kib !== undefined) polledPeak = Math.max(polledPeak ?? 0, kib);
      }, 50);
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  }).finally(() => poll && clearInterval(poll));
  const wallMs = performance.now() - start;
  const busyAfter = machineBusyMs();

  let userMs: number | undefined;
  let sysMs: number | undefined;
  let peakKiB: number | undefined;
  if (useTime) {
    // GNU time writes "Command exited with non-zero status N" first when it fails.
    const text = existsSync(timeFile) ? readFileSync(timeFile, "utf8").trim().split("\n").at(-1) ?? "" : "";
    const [, user, sys, rss] = text.split(" ").map(Number);
    if (user !== undefined && Number.isFinite(user)) userMs = user * 1000;
    if (sys !== undefined && Number.isFinite(sys)) sysMs = sys * 1000;
    if (rss !== undefined && Number.isFinite(rss)) peakKiB = rss;
  } else {
    const after = childrenCpuMs();
    if (cpuBefore && after) [userMs, sysMs] = [after.user - cpuBefore.user, after.sys - cpuBefore.sys];
    peakKiB = polledPeak;
  }
  rmSync(scratch, { recursive: true, force: true });

  const { phases, eleventyMs } = parsePhases(`${stdout}\n${stderr}`);
  return {
    status,
    wallMs,
    cpuMs: userMs !== undefined && sysMs !== undefined ? userMs + sysMs : undefined,
    userMs,
    sysMs,
    peakKiB,
    method: useTime ? "gnu-time" : "proc",
    pages: countPages(path.join(project, "_site")),
    phases,
    eleventyMs,
    ...(busyBefore !== undefined && busyAfter !== undefined ? { machineCpuMs: busyAfter - busyBefore } : {}),
    stdout,
    stderr,
  };
}

/** Run a `src/bench/floor.ts` mode in a fresh process; its one JSON line, parsed. */
export async function runWorker<T>(repo: string, args: string[]): Promise<T> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repo, "src/bench/floor.ts"), ...args], {
    cwd: repo,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(repo, "tsconfig.json") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  const line = stdout.trim().split("\n").at(-1) ?? "";
  if (status !== 0 || !line.startsWith("{")) {
    throw new Error(`src/bench/floor.ts ${args[0]} failed (exit ${status}):\n${stderr || stdout}`);
  }
  return JSON.parse(line) as T;
}
