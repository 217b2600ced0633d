/**
 * Paths that come from data — an import's state file, a slug, an export's
 * attachment name — are confined to the folder they belong to before
 * anything is read or written there. A path is accepted only when it is
 * relative, names a file below `folder` without leaving it (`..`, an
 * absolute path, a drive letter, a NUL byte), and no symbolic link on the
 * way leads out of the folder.
 */
import { type Stats, lstatSync, realpathSync } from "node:fs";
import path from "node:path";

/** Why `relative` may not be used inside a folder, or undefined when it may. */
export function confinementProblem(relative: string): string | undefined {
  if (relative === "") return "is empty";
  if (relative.includes("\0")) return "contains a NUL byte";
  if (relative.includes("\\")) return "contains a backslash (paths use /)";
  if (path.posix.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) return "is an absolute path";
  const parts = relative.split("/");
  if (parts.some((part) => part === "..")) return "leaves its folder (..)";
  if (parts.some((part) => part === "" || part === ".")) return "is not a plain relative path";
  return undefined;
}

/**
 * The absolute path of `relative` inside `folder`, or an `Error` saying why
 * it is refused. Symbolic links are resolved for the part of the path that
 * exists, so a link inside the folder that points elsewhere is refused too.
 */
export function confine(folder: string, relative: string): string | Error {
  const problem = confinementProblem(relative);
  if (problem) return new Error(`"${relative}" ${problem}`);
  const base = path.resolve(folder);
  const target = path.resolve(base, relative);
  if (!isWithin(base, target)) return new Error(`"${relative}" is outside its folder`);
  const realBase = realExisting(base);
  const realTarget = realExisting(target);
  if (realBase === undefined || realTarget === undefined || !isWithin(realBase, realTarget)) {
    return new Error(`"${relative}" leads outside its folder through a symbolic link`);
  }
  return target;
}

/** True when `target` is `base` or below it (both absolute and resolved). */
export function isWithin(base: string, target: string): boolean {
  const rel = path.relative(base, target);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * The real path of the longest existing part of `file`, with the rest
 * appended; undefined when a part is a symbolic link that leads nowhere
 * (writing through it would create its target, wherever that is).
 */
function realExisting(file: string): string | undefined {
  const rest: string[] = [];
  let current = file;
  for (;;) {
    // What does not exist is passed by without a failed realpath (an error thrown is costly, and every new file is one).
    const stat = lstatOrUndefined(current);
    const real = stat ? realOrUndefined(current) : undefined;
    if (real !== undefined) return path.join(real, ...rest.reverse());
    if (stat?.isSymbolicLink()) return undefined;
    const parent = path.dirname(current);
    if (parent === current) return file;
    rest.push(path.basename(current));
    current = parent;
  }
}

/** The system's own realpath(3): one call, where the JavaScript one lstats every part of the path. */
function realOrUndefined(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
