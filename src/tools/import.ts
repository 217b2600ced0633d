/**
 * `npm run import -- <file> --blog <id> [--author <id>] [--force]`
 *
 * Imports a WordPress export (WXR), an RSS 2.0 or an Atom feed into
 * `posts/<blog>/`: one markdown post per item, its old address kept as an
 * alias. Importing again skips unchanged posts and keeps posts edited since
 * (reported as conflicts) unless `--force`. See src/import/run.ts.
 */
import { parseArgs } from "node:util";
import { ToolError } from "../import/project.ts";
import { type ImportOptions, formatReport, runImport } from "../import/run.ts";
import { isMain, runTool } from "./command.ts";

export const USAGE = "usage: npm run import -- <export.xml|feed.xml> --blog <id> [--author <id>] [--force]";

/** The command line → import options (the root is the current folder). */
export function parseImportArgs(argv: readonly string[], root: string): ImportOptions {
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
      },
    });
  } catch (error) {
    throw new ToolError(`${(error as Error).message}\n${USAGE}`);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file) throw new ToolError(`which file? ${USAGE}`);
  if (extra.length) throw new ToolError(`one file at a time (got ${parsed.positionals.join(", ")})\n${USAGE}`);
  if (!parsed.values.blog) throw new ToolError(`--blog <id> is needed: the blog the posts go into\n${USAGE}`);
  return { root, file, blog: parsed.values.blog, author: parsed.values.author, force: parsed.values.force ?? false };
}

function main(argv: readonly string[]): Promise<number> {
  return runTool("import", async () => {
    const options = parseImportArgs(argv, process.cwd());
    return formatReport(await runImport(options), options);
  });
}

if (isMain(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
