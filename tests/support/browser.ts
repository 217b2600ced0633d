/**
 * Finds a Chromium for the browser tests, and, run as a script, makes sure
 * there is one:
 *
 *     node --import tsx tests/support/browser.ts
 *
 * Where it looks, in order:
 *   1. `$CHROMIUM_PATH`, when set (an explicit choice wins);
 *   2. Playwright's own Chromium, when `npx playwright install chromium` has
 *      downloaded it;
 *   3. the system's: /usr/bin/chromium, /usr/bin/chromium-browser,
 *      /usr/bin/google-chrome.
 *
 * When none is there, the script tries `npx playwright install chromium`;
 * when that fails too and it runs as root on a machine with apt-get, it
 * installs Debian's `chromium`; otherwise it exits 1 and prints what to run.
 *
 * The decisions live in small pure functions (`browserCandidates`,
 * `pickBrowser`, `nextStep`, ...) so they can be tested without touching
 * the machine; only `findBrowser` and `main` look at the file system.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { isMain } from "../../src/tools/command.ts";

/** Where a browser comes from; it decides how Playwright is told to launch it. */
export type BrowserSource = "env" | "playwright" | "system";

export interface BrowserLocation {
  /** Absolute path of the executable. */
  path: string;
  source: BrowserSource;
}

/** Well-known places of a system Chromium or Chrome, in order of preference. */
export const SYSTEM_BROWSER_PATHS: readonly string[] = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

/** Flags for a system browser run headless in a container or CI. */
export const SYSTEM_BROWSER_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Every place to look, best first. `envPath` is `$CHROMIUM_PATH` (ignored
 * when unset or blank); `playwrightPath` is where Playwright's own Chromium
 * would be (null when Playwright cannot say, e.g. on an unsupported host).
 */
export function browserCandidates(opts: {
  envPath?: string | undefined;
  playwrightPath: string | null;
}): BrowserLocation[] {
  const candidates: BrowserLocation[] = [];
  const envPath = opts.envPath?.trim();
  if (envPath) candidates.push({ path: envPath, source: "env" });
  if (opts.playwrightPath) candidates.push({ path: opts.playwrightPath, source: "playwright" });
  for (const p of SYSTEM_BROWSER_PATHS) candidates.push({ path: p, source: "system" });
  return candidates;
}

/** The first candidate that `isUsable` accepts, or null. */
export function pickBrowser(
  candidates: readonly BrowserLocation[],
  isUsable: (file: string) => boolean,
): BrowserLocation | null {
  return candidates.find((c) => isUsable(c.path)) ?? null;
}

/** A command as an argument vector, plus extra environment variables for it. */
export interface Command {
  argv: readonly string[];
  env?: Readonly<Record<string, string>>;
}

/** The ways this script can install a browser by itself. */
export type InstallMethod = "playwright" | "apt";

export const PLAYWRIGHT_INSTALL: readonly Command[] = [
  { argv: ["npx", "--no-install", "playwright", "install", "chromium"] },
];

const APT_ENV = { DEBIAN_FRONTEND: "noninteractive" } as const;

export const APT_INSTALL: readonly Command[] = [
  { argv: ["apt-get", "update"], env: APT_ENV },
  { argv: ["apt-get", "install", "-y", "chromium"], env: APT_ENV },
];

/** What the ensure loop knows at one moment. */
export interface EnsureState {
  found: BrowserLocation | null;
  /** Install methods already tried (whether they succeeded or not). */
  tried: ReadonlySet<InstallMethod>;
  isRoot: boolean;
  hasAptGet: boolean;
}

export type EnsureStep =
  | { kind: "use"; browser: BrowserLocation }
  | { kind: "install"; method: InstallMethod; commands: readonly Command[] }
  | { kind: "fail"; advice: string[] };

/**
 * What to do next: use the browser found, try the next install method, or
 * give up with the commands a person should run.
 */
export function nextStep(state: EnsureState): EnsureStep {
  if (state.found) return { kind: "use", browser: state.found };
  if (!state.tried.has("playwright")) {
    return { kind: "install", method: "playwright", commands: PLAYWRIGHT_INSTALL };
  }
  if (state.isRoot && state.hasAptGet && !state.tried.has("apt")) {
    return { kind: "install", method: "apt", commands: APT_INSTALL };
  }
  return { kind: "fail", advice: installAdvice(state) };
}

/** The commands to suggest when no browser could be had automatically. */
export function installAdvice(state: Pick<EnsureState, "isRoot" | "hasAptGet">): string[] {
  const advice = ["npx playwright install chromium"];
  if (state.hasAptGet) {
    const sudo = state.isRoot ? "" : "sudo ";
    advice.push(`${sudo}apt-get update && ${sudo}apt-get install -y chromium`);
  }
  advice.push("export CHROMIUM_PATH=/path/to/chromium   # any installed Chromium or Chrome");
  return advice;
}

/** A command as a person would type it in a POSIX shell. */
export function formatCommand(command: Command): string {
  const env = Object.entries(command.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`);
  return [...env, ...command.argv.map(shellQuote)].join(" ");
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/**
 * Whether `command` is on `pathEnv` (a PATH-like list), per `isExecutable`.
 * On Windows, `extensions` (PATHEXT) are tried too.
 */
export function findOnPath(
  command: string,
  pathEnv: string | undefined,
  isExecutable: (file: string) => boolean,
  options: { delimiter?: string; extensions?: readonly string[] } = {},
): string | null {
  const delimiter = options.delimiter ?? path.delimiter;
  const extensions = ["", ...(options.extensions ?? [])];
  for (const dir of (pathEnv ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const ext of extensions) {
      const file = path.join(dir, command + ext);
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

/** Whether `file` is an existing, executable regular file (symlinks followed). */
export function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, process.platform === "win32" ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where Playwright's own Chromium is or would be installed; null if it cannot say. */
export function playwrightChromiumPath(): string | null {
  try {
    return chromium.executablePath() || null;
  } catch {
    return null;
  }
}

/** The Chromium the browser tests will use, or null when there is none. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): BrowserLocation | null {
  const candidates = browserCandidates({
    envPath: env.CHROMIUM_PATH,
    playwrightPath: playwrightChromiumPath(),
  });
  return pickBrowser(candidates, isExecutableFile);
}

const SOURCE_LABEL: Record<BrowserSource, string> = {
  env: "Chromium from $CHROMIUM_PATH",
  playwright: "Playwright's Chromium",
  system: "system Chromium",
};

/** A one-line description, e.g. `system Chromium /usr/bin/chromium (Chromium 156.0...)`. */
export function describeBrowser(browser: BrowserLocation, version?: string | null): string {
  const suffix = version ? ` (${version})` : "";
  return `${SOURCE_LABEL[browser.source]} ${browser.path}${suffix}`;
}

function browserVersion(file: string): string | null {
  const result = spawnSync(file, ["--version"], {
    encoding: "utf8",
    timeout: 15_000,
    stdio: ["ignore", "pipe", "ignore"],
  });
  if (result.status !== 0) return null;
  const line = result.stdout.trim().split("\n").pop()?.trim();
  return line || null;
}

function run(command: Command): boolean {
  const [program, ...args] = command.argv;
  if (!program) return false;
  console.log(`[browser] $ ${formatCommand(command)}`);
  const result = spawnSync(program, args, {
    stdio: "inherit",
    env: { ...process.env, ...command.env },
    // npx is a .cmd script on Windows.
    shell: process.platform === "win32",
  });
  if (result.error) console.error(`[browser] ${result.error.message}`);
  return result.status === 0;
}

function main(): number {
  const envPath = process.env.CHROMIUM_PATH?.trim();
  if (envPath && !isExecutableFile(envPath)) {
    console.warn(`[browser] CHROMIUM_PATH=${envPath} is not an executable file; ignoring it.`);
  }
  const pathExt = process.platform === "win32" ? (process.env.PATHEXT ?? "").split(";") : [];
  const hasAptGet =
    findOnPath("apt-get", process.env.PATH, isExecutableFile, { extensions: pathExt }) !== null;
  const isRoot = process.getuid?.() === 0;
  const tried = new Set<InstallMethod>();

  for (;;) {
    const step = nextStep({ found: findBrowser(), tried, isRoot, hasAptGet });
    switch (step.kind) {
      case "use": {
        const version = browserVersion(step.browser.path);
        console.log(`[browser] Browser tests will use ${describeBrowser(step.browser, version)}`);
        return 0;
      }
      case "install":
        console.log(`[browser] No Chromium found; trying to install one (${step.method}).`);
        tried.add(step.method);
        for (const command of step.commands) {
          if (!run(command)) {
            console.error(`[browser] ${formatCommand(command)} failed.`);
            break;
          }
        }
        break;
      case "fail":
        console.error("[browser] No Chromium found, and none could be installed automatically.");
        console.error("[browser] Run one of these, then try again:");
        for (const line of step.advice) console.error(`  ${line}`);
        return 1;
    }
  }
}

if (isMain(import.meta.url)) {
  process.exitCode = main();
}
