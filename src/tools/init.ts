/**
 * `npm run init`: start an archive of one's own.
 *
 *     npm run init -- --title "Ops Notes" --url https://ops.example.org --timezone Europe/London \
 *                     --blog ops --author jo --author-name "Jo Bloggs" [--blog-title …] [--publisher …] [--yes]
 *
 * Writes `_data/site.yaml`, `_data/authors.yaml`, `_data/blogs.yaml` and an
 * empty `posts/<blog>/`, checked by the same loader as every build before
 * anything is written. What is not given as a flag is asked for on a
 * terminal (and is an error elsewhere). A project that already has an
 * archive of its own (`posts/` or `_data/`) is never touched. The sample
 * archive stays in `sample/`, for the tests and for `npm run sample`.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { loadData } from "../content/load.ts";
import { formatProblem } from "../content/source.ts";
import { ToolError } from "../import/project.ts";
import { slugify } from "../slug.ts";
import type { Problem } from "../types.ts";
import { isMain, runTool } from "./command.ts";

export const USAGE = "usage: npm run init -- --title <title> --url <https://…> --timezone <Area/City> --blog <id> --author <id> [options]";

export const HELP = `${USAGE}

Starts an archive of your own: writes _data/site.yaml, _data/authors.yaml,
_data/blogs.yaml and an empty posts/<blog>/, so that npm start, npm run build
and npm test work on it. The sample archive stays in sample/ (npm run sample
shows it). A project that already has posts/ or _data/ is left as it is.

  --title T         the archive's title ("Ops Notes")
  --url U           its public origin (https://ops.example.org)
  --timezone Z      the time zone its dates were written in (Europe/London)
  --blog ID         the first blog's id: its folder under posts/ and its URL
  --blog-title T    the first blog's title (default: the archive's title)
  --author ID       the first author's id (lowercase, hyphens)
  --author-name N   the author's name as shown in bylines (default: the id)
  --publisher P     the copyright holder (default: the author's name)
  --description D   one line about the archive (optional)
  --yes             ask nothing: what is missing is an error
  --help            this text

Without a flag, each value is asked for when run on a terminal.`;

export interface InitValues {
  title: string;
  url: string;
  timezone: string;
  blog: string;
  blogTitle: string;
  author: string;
  authorName: string;
  publisher: string;
  description?: string;
}

type Key = keyof InitValues;

const QUESTIONS: [Key, string, (v: Partial<InitValues>) => string | undefined][] = [
  ["title", "Title of the archive", () => undefined],
  ["url", "Its public URL (https://…)", () => undefined],
  ["timezone", "Time zone its dates were written in (e.g. Europe/London)", () => Intl.DateTimeFormat().resolvedOptions().timeZone],
  ["blog", "Id of the first blog (its folder and URL)", (v) => (v.title ? slugify(v.title) : undefined)],
  ["blogTitle", "Title of that blog", (v) => v.title],
  ["author", "Id of the first author", () => undefined],
  ["authorName", "The author's name", (v) => v.author],
  ["publisher", "Copyright holder", (v) => v.authorName],
];

const FLAGS: Record<string, Key> = {
  title: "title",
  url: "url",
  timezone: "timezone",
  blog: "blog",
  "blog-title": "blogTitle",
  author: "author",
  "author-name": "authorName",
  publisher: "publisher",
  description: "description",
};

/** The command line → the values given, whether to ask for the rest, whether help was asked for. */
export function parseInitArgs(argv: readonly string[]): { values: Partial<InitValues>; ask: boolean; help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        ...Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: "string" as const }])),
        yes: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new ToolError(`${(error as Error).message}\n${USAGE}`);
  }
  const values: Partial<InitValues> = {};
  for (const [flag, key] of Object.entries(FLAGS)) {
    const value = (parsed.values as Record<string, unknown>)[flag];
    if (typeof value === "string" && value.trim() !== "") values[key] = value.trim();
  }
  return { values, ask: !parsed.values.yes, help: parsed.values.help === true };
}

/** The data files of a new archive, as text. */
export function dataFiles(v: InitValues): Record<string, string> {
  const site: Record<string, string> = { title: v.title, url: v.url.replace(/\/+$/, ""), timezone: v.timezone, publisher: v.publisher };
  if (v.description) site.description = v.description;
  return {
    "site.yaml": stringify(site),
    "authors.yaml": stringify({ [v.author]: { name: v.authorName } }),
    "blogs.yaml": stringify({ [v.blog]: { title: v.blogTitle, author: v.author } }),
  };
}

/** Fills in what was not given: asked on a terminal, else defaults where there are some, else an error naming the flags. */
async function complete(given: Partial<InitValues>, ask: boolean): Promise<InitValues> {
  const values = { ...given };
  const interactive = ask && process.stdin.isTTY === true;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  try {
    for (const [key, question, fallback] of QUESTIONS) {
      if (values[key] !== undefined) continue;
      const suggested = fallback(values);
      if (rl) {
        const answer = (await rl.question(`${question}${suggested ? ` [${suggested}]` : ""}: `)).trim();
        if (answer || suggested) values[key] = answer || suggested;
      } else if (suggested && !["timezone", "blog"].includes(key)) {
        values[key] = suggested;
      }
    }
  } finally {
    rl?.close();
  }
  const missing = QUESTIONS.filter(([key]) => values[key] === undefined).map(([key]) => `--${Object.keys(FLAGS).find((flag) => FLAGS[flag] === key)}`);
  if (missing.length) throw new ToolError(`missing ${missing.join(", ")}\n${USAGE}`);
  return values as InitValues;
}

/** Writes the new archive into `root`, checked first; returns what to tell the user. */
export async function initArchive(root: string, values: InitValues): Promise<string> {
  for (const existing of ["_data", "posts"]) {
    if (existsSync(path.join(root, existing))) {
      throw new ToolError(`this project already has an archive of its own (${existing}/ exists); nothing was changed`);
    }
  }
  const staging = path.join(root, `_data.init-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  try {
    for (const [name, text] of Object.entries(dataFiles(values))) writeFileSync(path.join(staging, name), text);
    const problems: Problem[] = [];
    await loadData({ root, dataDir: path.basename(staging) }, problems);
    const errors = problems.filter((p) => p.severity === "error");
    if (errors.length) {
      const shown = (p: Problem) => formatProblem({ ...p, file: p.file.replace(path.basename(staging), "_data") });
      throw new ToolError(`these values cannot make an archive; nothing was written:\n${errors.map((p) => `  ${shown(p)}`).join("\n")}`);
    }
    renameSync(staging, path.join(root, "_data"));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  mkdirSync(path.join(root, "posts", values.blog), { recursive: true });
  const written = readdirSync(path.join(root, "_data")).sort();
  return [
    `Started "${values.title}": ${written.map((name) => `_data/${name}`).join(", ")} and posts/${values.blog}/.`,
    "Next:",
    `  npm run new -- ${values.blog} "Your first post"    write a post`,
    `  npm run import -- <export.xml> --blog ${values.blog}    or bring in an old blog`,
    "  npm start                                   look at it while you write",
    "The sample archive is still in sample/ (npm run sample shows it).",
  ].join("\n");
}

function main(argv: readonly string[]): Promise<number> {
  return runTool("init", async () => {
    const { values, ask, help } = parseInitArgs(argv);
    if (help) return HELP;
    return initArchive(process.cwd(), await complete(values, ask));
  });
}

if (isMain(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
