/**
 * `npm run import -- <file|folder>… --blog <id> [--from <kind>] [--author <id>] [--include-protected] [--force]
 *   [--media <folder>] [--fetch-media] [--no-archive] [--archive-endpoint <url>] [--retry-missing]`
 *
 * Imports WordPress exports (WXR), Blogger exports, RSS 2.0 or Atom feeds,
 * or a Jekyll, Octopress or Hugo site's folder into
 * `posts/<blog>/`: one markdown post per post, one page per page, each
 * post's approved comments beside it, the export's authors into
 * `_data/authors.yaml`, old addresses kept as aliases. Every item gets an
 * outcome; importing again skips unchanged posts and keeps posts edited
 * since (reported as conflicts) unless `--force`. The posts' images and
 * files come home into each post's folder from a local copy of the uploads
 * (`--media`), the old host or the web archive (`--fetch-media`). See
 * src/import/run.ts and src/import/media-home.ts.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { WAYBACK_ENDPOINT } from "../links/wayback.ts";
import { ToolError } from "../import/project.ts";
import { type ImportOptions, SOURCE_CHOICES, type SourceChoice, formatReport, runImport } from "../import/run.ts";
import { isMain, runTool } from "./command.ts";

export const USAGE =
  "usage: npm run import -- <export.xml|feed.xml|jekyll-site/|hugo-site/>… --blog <id> [--from <kind>] [--author <id>] [--include-protected] [--force]\n" +
  "         [--media <folder>] [--fetch-media] [--no-archive] [--archive-endpoint <url>] [--retry-missing]";

export const HELP = `${USAGE}

Imports a WordPress export (WXR; several files of one site may be given at
once, as WordPress splits big ones), a Blogger export (Settings → "Back up
content": posts, pages, labels and comment threads; settings, template and
drafts skipped), an RSS 2.0 feed, an Atom feed, a Jekyll or Octopress
site (its folder, holding _posts/ and _config.yml), or a Hugo site (its
folder, holding content/ and hugo.toml, config.toml, their .yaml or .json
forms, or config/_default/) into posts/<blog>/.
Every item gets an outcome: created, updated, unchanged, conflict, or
skipped with its reason; the report lists them.

Options:
  --blog <id>            the blog the posts go into (an entry of _data/blogs.yaml); required
  --from <kind>          what the sources are: jekyll, hugo, wordpress, blogger, rss or atom;
                         by default a folder with _posts/ is a Jekyll site, one with content/
                         and a Hugo config file a Hugo site, and a file's kind is read from
                         it (the report says which was chosen)
  --author <id>          every post's author (an id of _data/authors.yaml); else each
                         post keeps its own author, the export's authors being added
                         to _data/authors.yaml
  --include-protected    import password-protected posts too (skipped by default:
                         their text was private)
  --force                replace posts and comments files edited or deleted since the
                         last import with the imported text
  -h, --help             show this help

Images and files (every image of a post, and its links to files of the old
site: PDFs, zips, full-size images) go into the post's folder,
posts/<blog>/<year>/<slug>/, and the post refers to them as <slug>/<name>:
  --media <folder>       a local copy of the old uploads folder (wp-content/uploads):
                         a file is found there by its URL path
  --fetch-media          download the rest from the old host; when it fails (404, 410,
                         no such host, timeout), from the web archive's snapshot
                         nearest the post's date
  --no-archive           do not ask the web archive
  --archive-endpoint <url>
                         the availability API to ask (default
                         ${WAYBACK_ENDPOINT}, or the
                         BACKLIST_ARCHIVE_ENDPOINT environment variable)
  --media-timeout <s>    seconds one download may take (default 30)
  --media-max-size <MiB> the largest file downloaded (default 25)
  --retry-missing        ask again for the files earlier imports could not get
                         (otherwise a re-import asks no one for them)
A Jekyll site's own images and files (/images/x.png, {{ site.baseurl }}/assets/x.pdf)
are taken from its folder; a Hugo site's from its page bundles and static/.
A file that cannot be had keeps its absolute URL, and is listed in the report.
Where each file came from is kept in the post folder's .sources.yaml.
`;

/** A positive number of an option, or its default. */
function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new ToolError(`--${name} takes a positive number, not "${value}"\n${USAGE}`);
  return n;
}

/** The command line → import options (the root is the current folder); undefined for `--help`. */
export function parseImportArgs(argv: readonly string[], root: string, env: NodeJS.ProcessEnv = process.env): ImportOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        blog: { type: "string" },
        from: { type: "string" },
        author: { type: "string" },
        force: { type: "boolean" },
        "include-protected": { type: "boolean" },
        media: { type: "string" },
        "fetch-media": { type: "boolean" },
        "no-archive": { type: "boolean" },
        "archive-endpoint": { type: "string" },
        "media-timeout": { type: "string" },
        "media-max-size": { type: "string" },
        "retry-missing": { type: "boolean" },
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
  const values = parsed.values;
  const from = values.from;
  if (from !== undefined && !(SOURCE_CHOICES as readonly string[]).includes(from)) {
    throw new ToolError(`--from takes ${SOURCE_CHOICES.join(", ")}, not "${from}"\n${USAGE}`);
  }
  let mediaDir: string | undefined;
  if (values.media !== undefined) {
    mediaDir = path.resolve(root, values.media);
    let isFolder = false;
    try {
      isFolder = statSync(mediaDir).isDirectory();
    } catch {
      isFolder = false;
    }
    if (!isFolder) throw new ToolError(`--media ${values.media}: no such folder (give a copy of the old uploads folder, e.g. wp-content/uploads)`);
  }
  const archiveEndpoint = values["archive-endpoint"] ?? (env.BACKLIST_ARCHIVE_ENDPOINT || WAYBACK_ENDPOINT);
  try {
    const url = new URL(archiveEndpoint);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error();
  } catch {
    throw new ToolError(`the archive endpoint must be an http(s) URL, not "${archiveEndpoint}"`);
  }
  return {
    root,
    files,
    media: {
      ...(mediaDir !== undefined ? { mediaDir } : {}),
      fetch: values["fetch-media"] ?? false,
      archive: !values["no-archive"],
      archiveEndpoint,
      timeout: positive(values["media-timeout"], "media-timeout", 30) * 1000,
      maxBytes: Math.floor(positive(values["media-max-size"], "media-max-size", 25) * 1024 * 1024),
      retryMissing: values["retry-missing"] ?? false,
    },
    blog: parsed.values.blog,
    ...(from !== undefined ? { from: from as SourceChoice } : {}),
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
