/**
 * Content problems of the dev server's latest build. When a change breaks
 * the content, `npm start` keeps serving the last good archive and every
 * page shows these problems at its top until the file is fixed. Production
 * builds never set them: they stop at the first error run instead.
 */
import type { Problem } from "../types.ts";

let current: readonly Problem[] = [];

export function setDevProblems(problems: readonly Problem[]): void {
  current = problems.filter((problem) => problem.severity === "error");
}

export function devProblems(): readonly Problem[] {
  return current;
}
