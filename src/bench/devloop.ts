/**
 * The dev loop of a generated archive (`npm run bench -- <N> --edit`):
 * starts `npm start` on the project, waits for its first build, then times
 * what a writer waits for after saving, each from the write until the
 * served page shows it:
 *
 * - an edit of the newest post's text, until its own page shows it;
 * - an edit of its title, which other pages show (the home page's list),
 *   until the home page shows the new title;
 * - a new post, until its page is served.
 *
 * The text and title edits are made three times each (`EDITS`), a few
 * seconds apart, and all the times are kept; the new post once. The first
 * edit waits a few seconds after the server says it is watching, so that
 * the watcher is ready (it starts after the message). Each edit is written
 * again every two seconds until seen (in case the watcher missed it), so a
 * time is never shorter than the rebuild, and at most that much longer.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/** A port no one listens on now, from the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface DevLoopResult {
  /** From `npm start` to the first page served. */
  firstBuildMs: number;
  /** Each text edit's time, and each title edit's. */
  textEditMs: number[];
  titleEditMs: number[];
  newPostMs?: number;
  /** The rebuilds the server did as quick ones (src/content/reload.ts), and the reasons it gave for the others. */
  quickRebuilds: number;
  fullReasons: string[];
  /** What went wrong, when a step did not finish. */
  error?: string;
}

const POLL_MS = 50;
/** How many times the text and the title are edited. */
export const EDITS = 3;
/** The pause before the first edit and between edits. */
const SETTLE_MS = 4_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/** Polls until `check` holds, writing `file` again every two seconds; the milliseconds it took. */
async function timeUntil(check: () => Promise<boolean>, timeoutMs: number, rewrite?: () => void): Promise<number> {
  const start = performance.now();
  let last = start;
  for (;;) {
    if (await check()) return performance.now() - start;
    const now = performance.now();
    if (now - start > timeoutMs) throw new Error(`not seen after ${Math.round(timeoutMs / 1000)} s`);
    if (rewrite && now - last > 2_000) {
      rewrite();
      last = now;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The file of the post at `url` (`/<blog>/<yyyy>/<mm>/<slug>/` → `posts/<blog>/<yyyy>/<slug>.md`). */
export function postFileOf(url: string): string | undefined {
  const m = /^\/([^/]+)\/(\d{4})\/\d{2}\/([^/]+)\/$/.exec(url);
  return m ? path.join("posts", m[1] ?? "", m[2] ?? "", `${m[3]}.md`) : undefined;
}

/** Runs the dev server in `project` (linked to the repository `repo`) and times the edits. */
export async function measureDevLoop(project: string, repo: string, port: number, timeoutMs = 600_000): Promise<DevLoopResult> {
  const base = `http://127.0.0.1:${port}`;
  const start = performance.now();
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/tools/start.ts", "--port", String(port)], {
    cwd: project,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(repo, "tsconfig.json") },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  server.stdout?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  server.stderr?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const result: DevLoopResult = { firstBuildMs: 0, textEditMs: [], titleEditMs: [], quickRebuilds: 0, fullReasons: [] };
  try {
    await timeUntil(async () => (await fetchText(`${base}/`)) !== undefined && output.includes("Watching"), timeoutMs);
    result.firstBuildMs = performance.now() - start;
    const home = (await fetchText(`${base}/`)) ?? "";
    const url = /<li class="post-summary">\s*<h2>\s*<a href="(\/[^"]+\/\d{4}\/\d{2}\/[^"]+\/)"/.exec(home)?.[1];
    const relative = url ? postFileOf(url) : undefined;
    if (!url || !relative) throw new Error("no post on the home page to edit");
    const file = path.join(project, relative);
    const original = readFileSync(file, "utf8");

    const marker = `edited-${Date.now()}`;
    const write = (text: string) => () => writeFileSync(file, text);
    let current = original;
    for (let i = 1; i <= EDITS; i++) {
      await pause(SETTLE_MS);
      const sentence = `A sentence added by the benchmark, ${marker}-${i}.`;
      current = `${current.trimEnd()}\n\n${sentence}\n`;
      write(current)();
      result.textEditMs.push(await timeUntil(async () => ((await fetchText(`${base}${url}`)) ?? "").includes(sentence), timeoutMs, write(current)));
    }
    for (let i = 1; i <= EDITS; i++) {
      await pause(SETTLE_MS);
      const title = `Retitled by the benchmark ${marker}-${i}`;
      current = current.replace(/^title:.*$/m, `title: "${title}"`);
      write(current)();
      result.titleEditMs.push(await timeUntil(async () => ((await fetchText(`${base}/`)) ?? "").includes(title), timeoutMs, write(current)));
    }
    await pause(SETTLE_MS);

    const added = path.join(path.dirname(file), `${marker}.md`);
    const date = /^date:\s*"?([0-9-]{10})/m.exec(original)?.[1] ?? "2008-06-01";
    const newPost = `---\ntitle: "A new post ${marker}"\ndate: "${date}"\n---\nWritten while the server ran.\n`;
    writeFileSync(added, newPost);
    const newUrl = url.replace(/[^/]+\/$/, `${marker}/`);
    result.newPostMs = await timeUntil(async () => (await fetchText(`${base}${newUrl}`)) !== undefined, timeoutMs, () => writeFileSync(added, newPost));
  } catch (error) {
    result.error = `${error instanceof Error ? error.message : String(error)}\n${output.split("\n").slice(-15).join("\n")}`;
  } finally {
    result.quickRebuilds = output.split(" re-rendered (").length - 1;
    result.fullReasons = [...output.matchAll(/rebuilding everything: (.*)/g)].map((m) => m[1] ?? "");
    if (server.pid !== undefined) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        server.kill("SIGTERM");
      }
    }
  }
  return result;
}
