/**
 * The production build, `npm run build`: Eleventy writes the whole site
 * (pages, feeds, copied assets, and whatever `eleventy.after` handlers add,
 * such as the search index) into a fresh folder next to the output, and only
 * when it all succeeded does that folder replace the output:
 *
 *     _site.tmp-<pid>   written by Eleventy
 *     _site             → _site.old-<pid>   (when there is one)
 *     _site.tmp-<pid>   → _site
 *     _site.old-<pid>   removed
 *
 * A failed or interrupted build removes its temporary folder and leaves the
 * previous `_site/` exactly as it was. Extra arguments go to Eleventy
 * (`npm run build -- --pathprefix=/blog/`); `--output=DIR` moves the target,
 * which must be a folder Backlist may replace (see src/build/output.ts).
 *
 * Eleventy runs in a child process, not through its API: the content plugin
 * ends a build with bad input by `process.exit(1)` (so Eleventy prints its
 * list and no stack traces), which must end only Eleventy, not this swap.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isBuiltSite, normaliseOutput, outputProblem, trackedFiles, writeMarker } from "../build/output.ts";
import { type BuildSummary, formatSummary, summaryPart } from "../build/summary.ts";
import { isMain } from "./command.ts";

export const DEFAULT_OUTPUT = "_site";

export const HELP = `usage: npm run build [-- --output=<folder>] [Eleventy options]

Builds the whole site (pages, feeds, redirects, sitemap, search index) into a
new folder beside the output, and swaps it in only when everything succeeded:
a failed or stopped build leaves the last good site as it was. It ends with a
line saying what it built.

  --output=<folder>  where the site goes (default _site). It must be a folder
                     a build wrote, an empty one, or a new one: a folder with
                     files of its own, the project's own folders and anything
                     tracked by git are refused
  --content=<folder> build the archive in that folder (its posts/ and _data/)
                     instead of the project's own: --content=sample builds the
                     sample archive
  --help             this text

Environment: PATH_PREFIX=/archive/ builds a site served under that path;
BACKLIST_DRAFTS=1 builds drafts too; BACKLIST_TIMINGS=1 prints phase timings.
Other options are passed to Eleventy.`;

/** Where the build goes: the `--output` argument if given, else `_site`. */
export function outputArgument(args: readonly string[]): { output: string; content?: string; rest: string[] } {
  const rest: string[] = [];
  let output = DEFAULT_OUTPUT;
  let content: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg.startsWith("--output=")) output = arg.slice("--output=".length);
    else if (arg === "--output" && i + 1 < args.length) output = args[++i] ?? output;
    else if (arg.startsWith("--content=")) content = arg.slice("--content=".length);
    else if (arg === "--content" && i + 1 < args.length) content = args[++i];
    else rest.push(arg);
  }
  return { output, content, rest };
}

/** The temporary and the retired folder of the build with process id `pid` (`output` without a trailing slash). */
export function sideFolders(output: string, pid: number): { tmp: string; old: string } {
  return { tmp: `${output}.tmp-${pid}`, old: `${output}.old-${pid}` };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Clear what builds killed outright (SIGKILL, power loss) left behind: their
 * temporary folders, and a retired site that a build killed mid-swap never
 * put back. Only folders a build wrote (they hold its marker) are touched.
 */
export function cleanLeftovers(output: string, log: (line: string) => void = () => {}): void {
  const dir = path.dirname(path.resolve(output));
  const base = path.basename(output);
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(tmp|old)-(\\d+)$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m || isRunning(Number(m[2]))) continue;
    const folder = path.join(dir, name);
    if (!isBuiltSite(folder) && readdirSync(folder).length > 0) {
      log(`left ${name} alone: it looks like a build's folder but was not written by one`);
      continue;
    }
    if (m[1] === "old" && !existsSync(output)) {
      renameSync(folder, output);
      log(`put back ${name} as ${base} (a build was stopped while swapping)`);
    } else {
      rmSync(folder, { recursive: true, force: true });
    }
  }
}

/**
 * Replace `output` by `tmp`. Synchronous on purpose: a signal handler cannot
 * run between the two renames, so `output` is only ever missing for the
 * instant between them. If the second rename fails, the old site goes back.
 * The old site is removed only when a build wrote it.
 */
export function swapInto(tmp: string, output: string, old: string): void {
  const hadOutput = existsSync(output);
  if (hadOutput) renameSync(output, old);
  try {
    renameSync(tmp, output);
  } catch (error) {
    if (hadOutput) renameSync(old, output);
    throw error;
  }
  if (hadOutput && (isBuiltSite(old) || readdirSync(old).length === 0)) rmSync(old, { recursive: true, force: true });
}

/** How long a stopped build's Eleventy gets to exit before it is killed. */
const STOP_GRACE_MS = 5_000;

/** Loaded into the Eleventy child: it ends itself when this build process goes away. */
const ORPHAN_GUARD = fileURLToPath(new URL("./orphan-guard.ts", import.meta.url));

/** Removes a folder this build made, if it can; a failure here must not hide the error that led to it. */
function removeQuietly(folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // Nothing there to remove, or nothing this build can remove.
  }
}

function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** Eleventy's own closing line ("Copied 2 Wrote 63 files in 0.96 seconds"): the build's summary replaces it. */
const ELEVENTY_TOTALS = /^\[11ty\] (Copied \d+ )?Wrote \d+ files? in /;

async function main(args: readonly string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const started = performance.now();
  const root = process.cwd();
  const { output: asGiven, content, rest } = outputArgument(args);
  const output = normaliseOutput(root, asGiven);
  const relative = path.relative(root, output);
  const shown = `${relative.startsWith("..") || path.isAbsolute(relative) ? output : relative || "."}/`;
  const { tmp, old } = sideFolders(output, process.pid);
  const log = (line: string): void => console.error(`[backlist] ${line}`);

  const problem = outputProblem(root, output, trackedFiles(root));
  if (problem) {
    log(`refusing to build into ${shown}: it ${problem}. Nothing was written or removed.`);
    return 1;
  }
  try {
    cleanLeftovers(output, log);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    writeMarker(tmp);
  } catch (error) {
    removeQuietly(tmp);
    log(`cannot write the new site next to ${shown} (${path.relative(root, tmp)}: ${reason(error)}); ${shown} is left as it was`);
    return 1;
  }

  let child: ChildProcess | undefined;
  let stoppedBy: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals): void => {
    if (stoppedBy) return;
    stoppedBy = signal;
    log(`${signal}: stopping the build; ${shown} is left as it was`);
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      setTimeout(() => child?.kill("SIGKILL"), STOP_GRACE_MS).unref();
    }
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  process.on("SIGHUP", stop);

  const cmd = path.resolve("node_modules/@11ty/eleventy/cmd.cjs");
  // An IPC channel that the child watches: if this process is killed
  // outright (SIGKILL), the channel closes and Eleventy stops too.
  child = spawn(process.execPath, ["--import", "tsx", "--import", ORPHAN_GUARD, cmd, "--quiet", ...rest, `--output=${tmp}`], {
    stdio: ["inherit", "pipe", "inherit", "ipc"],
    // --content=<folder>: build the archive kept there (its posts/ and _data/), e.g. the sample.
    env: content === undefined ? process.env : { ...process.env, BACKLIST_CONTENT: content },
  });
  const summary: Partial<BuildSummary> = {};
  child.on("message", (message) => Object.assign(summary, summaryPart(message)));
  let partial = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (!ELEVENTY_TOTALS.test(line)) process.stdout.write(`${line}\n`);
  });
  child.stdout?.on("end", () => partial && process.stdout.write(partial));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child?.on("exit", (c, s) => resolve([c, s]));
    child?.on("error", (error) => {
      log(`could not start Eleventy: ${error.message}`);
      resolve([1, null]);
    });
  });

  const failed = stoppedBy !== undefined || code !== 0 || !existsSync(tmp);
  if (failed) {
    removeQuietly(tmp);
    if (stoppedBy) return stoppedBy === "SIGINT" ? 130 : stoppedBy === "SIGHUP" ? 129 : 143;
    if (code === 0) log(`Eleventy wrote nothing; ${shown} is left as it was`);
    else if (signal) log(`Eleventy was stopped by ${signal}; ${shown} is left as it was`);
    return code || 1;
  }
  try {
    swapInto(tmp, output, old);
  } catch (error) {
    removeQuietly(tmp);
    log(`could not move the new site into ${shown}: ${reason(error)}; ${shown} is left as it was`);
    return 1;
  }
  log(formatSummary(summary, shown, performance.now() - started));
  return 0;
}

// Run as a command (also through a symbolic link to src/), not when imported.
if (isMain(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
