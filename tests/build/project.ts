/**
 * Build tests run the real `npm run build` command on small throwaway
 * projects: the repository's code (src, pages, _includes, assets, config)
 * linked in, with the posts and data files each test writes.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const LINKED = ["src", "pages", "_includes", "assets", "node_modules", ".eleventy.js", "package.json", "tsconfig.json"];

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Everything the build printed. */
  output: string;
}

/** Every project made by this test process, removed when it exits (keep them with KEEP_PROJECTS=1). */
const made: string[] = [];
process.on("exit", () => {
  if (process.env.KEEP_PROJECTS === "1") return;
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

export class Project {
  readonly root: string;
  constructor(files: Record<string, string> = {}, options: { sample?: boolean } = {}) {
    this.root = mkdtempSync(path.join(tmpdir(), "backlist-build-"));
    made.push(this.root);
    for (const name of LINKED) symlinkSync(path.join(REPO, name), path.join(this.root, name));
    if (options.sample) {
      cpSync(path.join(REPO, "sample", "posts"), path.join(this.root, "posts"), { recursive: true });
      cpSync(path.join(REPO, "sample", "_data"), path.join(this.root, "_data"), { recursive: true });
    }
    this.write(files);
  }

  write(files: Record<string, string>): this {
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(this.root, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    return this;
  }

  /** Environment of a command run in the project: tsx reads the repository's tsconfig (the code is linked in). */
  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return { ...process.env, TSX_TSCONFIG_PATH: path.join(REPO, "tsconfig.json"), ...extra };
  }

  /** `node --import tsx <script> …args` in the project, as the npm scripts run it. */
  run(script: string, args: readonly string[] = [], env: Record<string, string> = {}): BuildResult {
    const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: this.root,
      env: this.env(env),
      encoding: "utf8",
      timeout: 120_000,
    });
    return {
      status: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
      output: result.stdout + result.stderr,
    };
  }

  build(env: Record<string, string> = {}): BuildResult {
    return this.run("node_modules/@11ty/eleventy/cmd.cjs", ["--quiet"], env);
  }

  /** `npm start` in the project on `port`; stop it with `kill()`. Its output collects in `output`. */
  serve(port: number): { process: ChildProcess; readonly output: string } {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/tools/start.ts", "--port", String(port)],
      { cwd: this.root, env: this.env(), stdio: "pipe" },
    );
    const server = { process: child, output: "" };
    child.stdout.on("data", (chunk) => (server.output += chunk));
    child.stderr.on("data", (chunk) => (server.output += chunk));
    return server;
  }

  /** A file of the dev server's site (`npm start` writes to `_dev-site/`). */
  readDev(sitePath: string): string {
    return readFileSync(path.join(this.root, "_dev-site", sitePath), "utf8");
  }

  /** A file of the built site, e.g. `index.html`. */
  read(sitePath: string): string {
    return readFileSync(path.join(this.root, "_site", sitePath), "utf8");
  }

  exists(sitePath: string): boolean {
    return existsSync(path.join(this.root, "_site", sitePath));
  }
}

/**
 * `npm run build` in a project, without blocking the test process (several
 * builds run side by side): Eleventy into a temporary folder, swapped into
 * `_site/` on success. `openFiles` runs it under a shell `ulimit -n`.
 */
export function buildSite(
  project: Project,
  options: { args?: readonly string[]; openFiles?: number; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const build = [process.execPath, "--import", "tsx", "src/tools/build.ts", ...(options.args ?? [])];
    const [command, ...args] = options.openFiles
      ? ["/bin/sh", "-c", `ulimit -n ${options.openFiles} && exec ${build.map((part) => `"${part}"`).join(" ")}`]
      : build;
    const child = spawn(command ?? "", args, {
      cwd: project.root,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(REPO, "tsconfig.json"), ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 240_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, output: stdout + stderr });
    });
  });
}

/** Minimal valid data files for a one-blog site. */
export const MINIMAL_DATA: Record<string, string> = {
  "_data/site.yaml": "title: Test archive\nurl: https://example.org\ntimezone: America/New_York\npublisher: Test Publisher\n",
  "_data/authors.yaml": "ann:\n  name: Ann Author\n",
  "_data/blogs.yaml": "main:\n  title: Main Blog\n  author: ann\n",
};

/** A post file's text from front matter lines and a body. */
export function post(frontMatter: string, body = "Some text.\n"): string {
  return `---\n${frontMatter.trim()}\n---\n${body}`;
}

/** Waits until `check` holds (an exception counts as not yet), polling; fails naming `what` after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Writes `text` to `file`, then waits until `check` holds, writing it again every two seconds.
 * Eleventy prints "Watching…" before its file watcher is ready, so a change made right after
 * that line can go unseen; a user's edit a moment later is seen, and so is the second write.
 */
export async function editUntil(file: string, text: string | Uint8Array, check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  writeFileSync(file, text);
  let last = Date.now();
  await until(async () => {
    if (await check()) return true;
    if (Date.now() - last > 2_000) {
      writeFileSync(file, text);
      last = Date.now();
    }
    return false;
  }, what);
}

/** Every file under the project's `posts/` (path → text read as `encoding`, and modification time), to see what an import changed. */
export function postsTree(project: Project, encoding: BufferEncoding = "utf8"): Map<string, { text: string; mtime: number }> {
  const root = path.join(project.root, "posts");
  const files = new Map<string, { text: string; mtime: number }>();
  if (!existsSync(root)) return files;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, file).split(path.sep).join("/"), { text: readFileSync(file, encoding), mtime: statSync(file).mtimeMs });
  }
  return files;
}

/** Every file under `dir` (relative path → SHA-256), folders included, so an added empty folder shows too. */
export function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const key = path.relative(dir, file).split(path.sep).join("/");
    hashes.set(key, entry.isFile() ? createHash("sha256").update(readFileSync(file)).digest("hex") : entry.isDirectory() ? "dir" : "other");
  }
  return hashes;
}
