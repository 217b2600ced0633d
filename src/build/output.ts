/**
 * The output folder is Backlist's alone. `npm run build` replaces the whole
 * folder it is given, so before it touches anything it checks that the
 * folder is one it may replace:
 *
 * - not the project itself, nor a folder holding it;
 * - not, nor inside, nor holding, one of the project's own folders (posts,
 *   data, templates, code, tests, git's folder) or any file tracked by git;
 * - when it exists: a folder that is empty, or that a Backlist build wrote
 *   (it holds the marker file every build writes first), or a site built
 *   before the marker existed (it has Backlist's `_headers` and sitemap).
 *
 * Anything else is refused with a message, and nothing is removed. The
 * build's side folders (`<output>.tmp-<pid>`, `<output>.old-<pid>`) are
 * removed only when they hold the marker too.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isWithin } from "../confine.ts";

/** The file every build writes into its output first. */
export const MARKER = ".backlist-site";

const MARKER_TEXT =
  "This folder was written by Backlist's `npm run build`, which replaces it whole on every build.\n" +
  "Do not keep anything of your own in it.\n";

/** The project's own folders: never an output, never inside or around one. */
export const PROTECTED = ["posts", "_data", "sample", "pages", "_includes", "assets", "src", "tests", "node_modules", ".git"];

/** Writes the marker into a folder the build has just made. */
export function writeMarker(folder: string): void {
  writeFileSync(path.join(folder, MARKER), MARKER_TEXT, { flag: "wx" });
}

/** Whether `folder` was written by a Backlist build (the marker, or the files of a build from before it). */
export function isBuiltSite(folder: string): boolean {
  if (existsSync(path.join(folder, MARKER))) return true;
  try {
    const headers = readFileSync(path.join(folder, "_headers"), "utf8");
    return headers.includes("Content-Security-Policy") && existsSync(path.join(folder, "sitemap.xml")) && existsSync(path.join(folder, "404.html"));
  } catch {
    return false;
  }
}

/** The output as the build uses it: resolved against the project, without a trailing slash. */
export function normaliseOutput(root: string, output: string): string {
  return path.resolve(root, output);
}

/**
 * Why `output` (absolute) may not be the build's output, or undefined when
 * it may. `tracked` lists the project's files tracked by git (relative, with
 * `/`), when the project is a git repository.
 */
export function outputProblem(root: string, output: string, tracked: readonly string[] = []): string | undefined {
  if (isWithin(output, root)) return output === root ? "is the project folder itself" : "holds the project folder";
  for (const name of PROTECTED) {
    const own = path.join(root, name);
    if (isWithin(own, output)) return output === own ? `is the project's ${name}/ folder` : `is inside the project's ${name}/ folder`;
    if (isWithin(output, own) && existsSync(own)) return `holds the project's ${name}/ folder`;
  }
  const mine = tracked.find((file) => isWithin(output, path.join(root, file)));
  if (mine) return `holds ${mine}, a file tracked by git`;
  if (!existsSync(output)) return undefined;
  let entries: string[];
  try {
    if (!statSync(output).isDirectory()) return "exists and is not a folder";
    entries = readdirSync(output);
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  if (entries.length === 0 || isBuiltSite(output)) return undefined;
  const some = entries.sort().slice(0, 3).join(", ") + (entries.length > 3 ? ", …" : "");
  return `exists and was not written by a Backlist build (it has no ${MARKER} file; it holds ${some}). A build replaces its output whole: choose another folder, or empty or remove this one yourself`;
}

/** The project's files tracked by git, or none when it is not a git repository (or git is missing). */
export function trackedFiles(root: string): string[] {
  const result = spawnSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0 || typeof result.stdout !== "string") return [];
  return result.stdout.split("\0").filter(Boolean);
}
