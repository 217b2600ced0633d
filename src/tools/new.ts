/**
 * `npm run new -- <blog> "<Title>" [--tags a,b] [--date …] [--author id] [--slug s] [--draft]`
 *
 * Writes `posts/<blog>/<year>/<slug>.md` with valid front matter and prints
 * its path and the URL it will have. It never overwrites a file, and refuses
 * an unknown blog or author, a date the loader would reject, and a slug
 * whose URL another post of the blog already has.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import type { ArchiveData } from "../content/model.ts";
import { parseArchiveDate, type ArchiveDate } from "../dates.ts";
import { frontMatterText, oneLine } from "../import/frontmatter.ts";
import {
  ToolError,
  blogZone,
  existingPosts,
  loadProjectData,
  postFile,
  postUrl,
  requireAuthor,
  requireBlog,
} from "../import/project.ts";
import { slugify } from "../slug.ts";
import { absoluteUrl } from "../urls.ts";
import { isMain, runTool } from "./command.ts";

export const USAGE = 'usage: npm run new -- <blog> "<Title>" [--tags a,b] [--date YYYY-MM-DDTHH:mm] [--author id] [--slug slug] [--draft]';

export const HELP = `${USAGE}

Writes posts/<blog>/<year>/<slug>.md with valid front matter and prints its
path and the URL it will have. It never overwrites a file.

  <blog>           a blog id from _data/blogs.yaml (its folder under posts/)
  "<Title>"        the post's title, quoted; after -- when it starts with a dash
  --tags a,b       tags, separated by commas ("Red Hat" and red-hat are one tag)
  --date D         the date: YYYY-MM-DD, YYYY-MM-DDTHH:mm, with an offset, or
                   YYYY-MM (default: now, in the blog's time zone)
  --author id      an author id from _data/authors.yaml (default: the blog's)
  --slug s         the file name and URL slug (default: from the title)
  --draft          draft: true (shown by npm start, never built by npm run build)
  --help           this text`;

/** Whether the arguments ask for help (before a \`--\`, after which everything is the title). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
}

export interface NewArgs {
  blog: string;
  title: string;
  tags: string[];
  /** As given; validated against the blog's zone when planning. */
  date?: string;
  author?: string;
  slug?: string;
  draft: boolean;
}

/** The command line → arguments; a `ToolError` with the usage line when they make no sense. */
export function parseNewArgs(argv: readonly string[]): NewArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        tags: { type: "string" },
        date: { type: "string" },
        author: { type: "string" },
        slug: { type: "string" },
        draft: { type: "boolean" },
      },
    });
  } catch (error) {
    throw new ToolError(`${(error as Error).message}\n${USAGE}`);
  }
  const [blog, title, ...extra] = parsed.positionals;
  if (!blog || title === undefined) throw new ToolError(`a blog and a title are needed\n${USAGE}`);
  if (extra.length) {
    const hint = extra.some((e) => e.startsWith("-")) ? "options go before a `--`" : "quote a title that has spaces";
    throw new ToolError(`unexpected ${extra.map((e) => `"${e}"`).join(", ")}: ${hint}\n${USAGE}`);
  }
  if (!oneLine(title)) throw new ToolError(`the title is empty\n${USAGE}`);
  return {
    blog,
    title: oneLine(title),
    tags: splitTags(parsed.values.tags),
    date: parsed.values.date,
    author: parsed.values.author,
    slug: parsed.values.slug,
    draft: parsed.values.draft ?? false,
  };
}

/** `--tags "Xen, Red Hat,red-hat"` → `["Xen", "Red Hat"]`: one entry per tag slug, first spelling kept. */
export function splitTags(text: string | undefined): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of (text ?? "").split(",")) {
    const tag = oneLine(raw);
    const slug = slugify(tag);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    tags.push(tag);
  }
  return tags;
}

export interface NewPostPlan {
  /** `posts/<blog>/<year>/<slug>.md`. */
  file: string;
  /** `/<blog>/<yyyy>/<mm>/<slug>/`. */
  url: string;
  slug: string;
  date: ArchiveDate;
  /** The whole file. */
  text: string;
}

/** Body of a new post: a line to replace (an empty body would mark the post "not preserved"). */
export const PLACEHOLDER = "Write the post here.\n";

/**
 * Where the post goes and what it says. `now` is the current moment; the
 * date written is it in the blog's zone, to the minute, unless `--date`.
 */
export function planNewPost(args: NewArgs, data: ArchiveData, now: DateTime = DateTime.now()): NewPostPlan {
  requireBlog(data, args.blog);
  const zone = blogZone(data, args.blog);
  const blogAuthor = data.blogs[args.blog]?.author;
  if (args.author !== undefined) requireAuthor(data, args.author);
  else if (blogAuthor === undefined) {
    const known = Object.keys(data.authors);
    throw new ToolError(
      `the blog "${args.blog}" names no default author: pass --author <id>` + (known.length ? ` (known authors: ${known.join(", ")})` : ""),
    );
  }

  const written = args.date?.trim() ?? now.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");
  const parsed = parseArchiveDate(written, zone);
  if (!parsed.ok) throw new ToolError(`--date: ${parsed.message}`);

  const slug = slugify(args.slug ?? args.title);
  if (!slug) {
    throw new ToolError(`${args.slug === undefined ? "the title" : "--slug"} "${args.slug ?? args.title}" gives an empty slug: pass --slug <slug>`);
  }
  const text =
    frontMatterText({
      title: args.title,
      date: written,
      author: args.author !== undefined && args.author !== blogAuthor ? args.author : undefined,
      tags: args.tags,
      draft: args.draft,
    }) +
    "\n" +
    PLACEHOLDER;
  return { file: postFile(args.blog, parsed.date, slug), url: postUrl(args.blog, parsed.date, slug), slug, date: parsed.date, text };
}

/** Creates the post in the project at `root`; returns what to print. */
export async function createPost(root: string, argv: readonly string[], now?: DateTime): Promise<string> {
  const args = parseNewArgs(argv);
  const data = await loadProjectData(root);
  const plan = planNewPost(args, data, now);
  const others = await existingPosts(root, args.blog, blogZone(data, args.blog), (slug) => slug === plan.slug);
  const taken = others.find((post) => post.file !== plan.file && post.url === plan.url);
  if (taken) {
    throw new ToolError(`${plan.url} is already the URL of ${taken.file}: choose another title or pass --slug <slug>`);
  }
  const absolute = path.join(root, plan.file);
  await mkdir(path.dirname(absolute), { recursive: true });
  try {
    await writeFile(absolute, plan.text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new ToolError(`${plan.file} already exists; it was left as it is (pass --slug <slug> for another file)`);
    }
    throw error;
  }
  return `Created ${plan.file}\nIts URL will be ${plan.url} (${absoluteUrl(data.site.url, plan.url)})${args.draft ? ", once it is no longer a draft" : ""}`;
}

function main(argv: readonly string[]): Promise<number> {
  if (wantsHelp(argv)) {
    console.log(HELP);
    return Promise.resolve(0);
  }
  return runTool("new", () => createPost(process.cwd(), argv));
}

if (isMain(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
