/**
 * `npm run import -- <file>… --blog <id> [--author <id>] [--include-protected] [--force]`
 *
 * Imports WordPress exports (WXR), RSS 2.0 or Atom feeds into
 * `posts/<blog>/`: one markdown post per post, one page per page, each
 * post's approved comments beside it, the export's authors into
 * `_data/authors.yaml`, old addresses kept as aliases. Every item gets an
 * outcome; importing again skips unchanged posts and keeps posts edited
 * since (reported as conflicts) unless `--force`. See src/import/run.ts.
 */
import { parseArgs } from "node:util";
import { ToolError } from "../import/project.ts";
import { type ImportOptions, formatReport, runImport } from "../import/run.ts";
import { isMain, runTool } from "./command.ts";

export const USAGE = "usage: npm run import -- <export.xml|feed.xml>… --blog <id> [--author <id>] [--include-protected] [--force]";

export const HELP = `${USAGE}

Imports a WordPress export (WXR; several files of one site may be given at
once, as WordPress splits big ones), an RSS 2.0 feed or an Atom feed into
posts/<blog>/. Every item gets an outcome: created, updated, unchanged,
conflict, or skipped with its reason; the report lists them.

Options:
  --blog <id>            the blog the posts go into (an entry of _data/blogs.yaml); required
  --author <id>          every post's author (an id of _data/authors.yaml); else each
                         post keeps its own author, the export's authors being added
                         to _data/authors.yaml
  --include-protected    import password-protected posts too (skipped by default:
                         their text was private)
  --force                replace posts and comments files edited or deleted since the
                         last import with the imported text
  -h, --help             show this help
`;

/** The command line → import options (the root is the current folder); undefined for `--help`. */
export function parseImportArgs(argv: readonly string[], root: string): ImportOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        blog: { type: "string" },
        author: { type: "string" },
        force: { type: "boolean" },
        "include-protected": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new ToolError(`${(error as Error).message}\n${USAGE}`);
  }
  if (parsed.values.help) return undefined;
  const files = parsed.positionals;
  if (files.length === 0) throw new ToolError(`which file? ${USAGE}`);
  if (!parsed.values.blog) throw new ToolError(`--blog <id> is needed: the blog the posts go into\n${USAGE}`);
  return {
    root,
    files,
    blog: parsed.values.blog,
    author: parsed.values.author,
    force: parsed.values.force ?? false,
    includeProtected: parsed.values["include-protected"] ?? false,
  };
}

function main(argv: readonly string[]): Promise<number> {
  return runTool("import", async () => {
    const options = parseImportArgs(argv, process.cwd());
    if (!options) return HELP.trimEnd();
    return formatReport(await runImport(options));
  });
}

if (isMain(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
