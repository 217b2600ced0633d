/**
 * `npm run links [-- --older-than 90d] [--report] …`
 *
 * Checks every external link of the archive (posts, comments, data) and
 * records in `_data/links.yaml` whether each is alive, moved, dead or
 * unchecked, with an archived copy of each dead one from the web archive.
 * The build reads that file and never the network. `--report` prints what is
 * recorded and asks nothing of the network. See README "External links".
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { crossLinks } from "../content/links.ts";
import { loadArchive } from "../content/load.ts";
import { ContentError } from "../content/source.ts";
import { ToolError } from "../import/project.ts";
import { collectLinks } from "../links/collect.ts";
import { linksFilePath, writeLinksFile } from "../links/file.ts";
import { buildReport, reportText } from "../links/report.ts";
import { RUN_DEFAULTS, parseAge, runLinks } from "../links/run.ts";
import { WAYBACK_ENDPOINT } from "../links/wayback.ts";
import { createMarkdown } from "../markdown/index.ts";
import { DEFAULTS as CONTENT } from "../plugins/content.ts";
import { isMain, runTool } from "./command.ts";

export const USAGE = "usage: npm run links [-- --older-than 90d] [--report] [--archive-all | --no-archive] [--archive-endpoint URL] [--timeout 15] [--per-host 2]";

export const HELP = `${USAGE}

Checks every external link of the archive — in posts (as the build renders
them), in comments (<slug>.comments.yaml) and in the data files — and records
each one's state in ${CONTENT.dataDir}/links.yaml: alive, moved (and where to), dead
(the status or the error) or unchecked. For a dead link it asks the web
archive for the copy nearest the date of the earliest post citing it. The
build reads that file and never the network.

  --older-than AGE        check again only links last checked longer ago than
                          AGE: 90d (the default), 12w, 6h, 30m; 0 checks all
  --report                print the recorded state; no link is checked
  --archive-all           ask the web archive about every link checked, not
                          only the dead ones
  --no-archive            do not ask the web archive at all
  --archive-endpoint URL  the availability API to ask (default
                          ${WAYBACK_ENDPOINT}; also the
                          BACKLIST_ARCHIVE_ENDPOINT environment variable)
  --timeout SECONDS       how long one request may take (default 15)
  --per-host N            requests at a time to one host (default 2)
  --help                  this text`;

export interface LinksArgs {
  olderThan: number;
  report: boolean;
  archiveAll: boolean;
  archive: boolean;
  endpoint: string;
  timeout: number;
  perHost: number;
  help: boolean;
}

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new ToolError(`--${name} must be a positive number, not "${value}"\n${USAGE}`);
  return n;
}

export function parseLinksArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): LinksArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        "older-than": { type: "string" },
        report: { type: "boolean" },
        "archive-all": { type: "boolean" },
        "no-archive": { type: "boolean" },
        "archive-endpoint": { type: "string" },
        timeout: { type: "string" },
        "per-host": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new ToolError(`${(error as Error).message}\n${USAGE}`);
  }
  const values = parsed.values;
  const age = values["older-than"];
  const olderThan = age === undefined ? RUN_DEFAULTS.olderThan : parseAge(age);
  if (olderThan === undefined) throw new ToolError(`--older-than takes an age such as 90d, 12w, 6h or 0, not "${age}"\n${USAGE}`);
  if (values["archive-all"] && values["no-archive"]) throw new ToolError(`--archive-all and --no-archive contradict each other\n${USAGE}`);
  const endpoint = values["archive-endpoint"] ?? (env.BACKLIST_ARCHIVE_ENDPOINT || WAYBACK_ENDPOINT);
  try {
    const url = new URL(endpoint);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error();
  } catch {
    throw new ToolError(`the archive endpoint must be an http(s) URL, not "${endpoint}"`);
  }
  return {
    olderThan,
    report: values.report ?? false,
    archiveAll: values["archive-all"] ?? false,
    archive: !values["no-archive"],
    endpoint,
    timeout: positive(values.timeout, "timeout", 15) * 1000,
    perHost: Math.floor(positive(values["per-host"], "per-host", RUN_DEFAULTS.perHost)),
    help: values.help ?? false,
  };
}

/** Run the command in the project at `root`; returns what it prints. */
export async function links(root: string, argv: readonly string[], log: (line: string) => void = () => {}): Promise<string> {
  const args = parseLinksArgs(argv);
  if (args.help) return HELP;
  let archive;
  try {
    archive = await loadArchive({
      root,
      postsDir: CONTENT.postsDir,
      dataDir: CONTENT.dataDir,
      // Drafts' links are checked too: they will be published.
      includeDrafts: true,
      markdown: createMarkdown({ plugins: [crossLinks] }),
    });
  } catch (error) {
    if (error instanceof ContentError) throw new ToolError(`${error.message}\nFix these first; no link was checked.`);
    throw error;
  }
  const citations = collectLinks(archive);
  const file = await linksFilePath(root, CONTENT.dataDir);
  const shown = path.relative(root, file).split(path.sep).join("/");
  if (args.report) return reportText(buildReport(archive, citations, archive.links ?? []));

  const starts = [...archive.posts, ...archive.drafts].map((post) => post.date.start);
  const summary = await runLinks(citations, archive.links ?? [], {
    now: Date.now(),
    olderThan: args.olderThan,
    check: { timeout: args.timeout, userAgent: `Mozilla/5.0 (compatible; Backlist link checker; +${archive.site.url})` },
    perHost: args.perHost,
    total: RUN_DEFAULTS.total,
    archive: { enabled: args.archive, all: args.archiveAll, endpoint: args.endpoint },
    archiveStart: starts.length ? Math.min(...starts) : undefined,
    log,
  });
  await writeLinksFile(file, summary.records);
  const report = buildReport(archive, citations, summary.records);
  return [
    `Checked ${summary.checked} of ${citations.size} external links (${summary.fresh} checked recently enough, kept)` +
      `${summary.archiveAsked ? `; asked the web archive about ${summary.archiveAsked}` : ""}` +
      `${summary.forgotten ? `; dropped ${summary.forgotten} no longer cited` : ""}.`,
    `Wrote ${shown}.`,
    "",
    reportText(report),
  ].join("\n");
}

function main(argv: readonly string[]): Promise<number> {
  const progress = process.stderr.isTTY ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
  return runTool("links", () => links(process.cwd(), argv, progress));
}

if (isMain(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
