/**
 * The one line `npm run build` ends with:
 *
 *     [backlist] Built 2,351 pages (1,000 posts, 2 drafts left out, 640 redirects) into _site/ in 6.5 s; search index 2.0 s; 3 warnings
 *
 * The parts are known inside the Eleventy process (the content plugin knows
 * the posts, the search plugin its time, Eleventy the pages it wrote); each
 * sends its part to the build command over the IPC channel the command
 * opened (src/tools/build.ts), which prints the line once the site is in
 * place. Outside `npm run build` (the dev server, the tests' plain Eleventy
 * runs) there is no channel and nothing is sent.
 */

export interface BuildSummary {
  pages: number;
  posts: number;
  draftsLeftOut: number;
  redirects: number;
  warnings: number;
  /** Milliseconds. */
  searchIndex: number;
}

const TAG = "backlist-summary";

/** Sends part of the summary to the build command, when there is one listening. */
export function reportSummary(part: Partial<BuildSummary>): void {
  if (typeof process.send === "function" && process.connected) process.send({ [TAG]: part });
}

/** The summary part carried by an IPC message, or undefined for any other message. */
export function summaryPart(message: unknown): Partial<BuildSummary> | undefined {
  if (typeof message !== "object" || message === null || !(TAG in message)) return undefined;
  const part = (message as Record<string, unknown>)[TAG];
  return typeof part === "object" && part !== null ? (part as Partial<BuildSummary>) : undefined;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The line, from whatever parts arrived. */
export function formatSummary(summary: Partial<BuildSummary>, output: string, elapsedMs: number): string {
  const details = [
    summary.posts !== undefined ? count(summary.posts, "post") : undefined,
    summary.draftsLeftOut ? `${count(summary.draftsLeftOut, "draft")} left out` : undefined,
    summary.redirects ? count(summary.redirects, "redirect") : undefined,
  ].filter(Boolean);
  const pages = summary.pages !== undefined ? count(summary.pages, "page") : "the site";
  let line = `Built ${pages}${details.length ? ` (${details.join(", ")})` : ""} into ${output} in ${seconds(elapsedMs)}`;
  if (summary.searchIndex !== undefined) line += `; search index ${seconds(summary.searchIndex)}`;
  line += `; ${summary.warnings ? count(summary.warnings, "warning") : "no warnings"}`;
  return line;
}
