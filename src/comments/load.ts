/**
 * Reads and checks every comments file under `posts/`: `<slug>.comments.yaml`
 * beside `<slug>.md`, a YAML list of comments, oldest first. Problems are
 * collected with the post problems, each as `path:line: field: message`,
 * fields named by the entry's position in the list (`3.parent`).
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { LIMITS, controlCharacterProblems, mapLimit, valueProblems } from "../content/guards.ts";
import type { Post } from "../content/model.ts";
import { type ParsedYaml, decodeUtf8, parseYaml, zodProblems } from "../content/source.ts";
import { COMMENT_KEYS, commentSchema } from "../schema/comments.ts";
import type { Problem } from "../types.ts";
import { type Comment, CommentIndex, type PostComments } from "./model.ts";

/** How a comments file is named: `<slug>` + this, beside `<slug>.md`. */
export const COMMENTS_SUFFIX = ".comments.yaml";
/** Names a person might use by mistake; they are reported rather than ignored. */
const NEAR_MISSES = [".comments.yml", ".comments.json", ".comment.yaml"];

export interface CommentsLoadOptions {
  root: string;
  postsDir: string;
}

/**
 * Every comments file, checked against the posts it belongs to. `zoneOf`
 * gives the time zone of a post's dates (its blog's, else the site's).
 */
export async function loadComments(
  options: CommentsLoadOptions,
  posts: readonly Post[],
  zoneOf: (post: Post) => string,
  problems: Problem[],
): Promise<CommentIndex> {
  const dir = path.resolve(options.root, options.postsDir);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const rel = (file: string) => path.relative(options.root, file).split(path.sep).join("/");
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (entry.name.endsWith(COMMENTS_SUFFIX)) files.push(file);
    else if (NEAR_MISSES.some((suffix) => entry.name.endsWith(suffix))) {
      problems.push({
        file: rel(file),
        field: "(path)",
        message: `is not read: a post's comments file is named <slug>${COMMENTS_SUFFIX}`,
        severity: "error",
      });
    }
  }
  if (files.length === 0) return new CommentIndex();
  files.sort();

  const bySource = new Map(posts.map((post) => [post.source, post]));
  // Read a few at a time, like the posts, so the open files stay bounded.
  const texts = await mapLimit(files, LIMITS.openFiles, (file) => readFile(file));
  const byPost = new Map<string, PostComments>();
  files.forEach((absolute, i) => {
    const file = rel(absolute);
    const postSource = `${file.slice(0, -COMMENTS_SUFFIX.length)}.md`;
    const post = bySource.get(postSource);
    if (!post) {
      problems.push({
        file,
        field: "(path)",
        message: `there is no post ${path.posix.basename(postSource)} beside it: a comments file belongs to the post of the same name`,
        severity: "error",
      });
      return;
    }
    const decoded = decodeUtf8(texts[i] ?? Buffer.alloc(0), file);
    if (decoded.problem) return void problems.push(decoded.problem);
    // The same guards as every other file: no control characters, no prototype-name keys.
    const controls = controlCharacterProblems(decoded.text, file);
    if (controls.length) return void problems.push(...controls);
    const comments = readComments(file, decoded.text, post, zoneOf(post), problems);
    if (comments && comments.all.length > 0) byPost.set(post.source, comments);
  });
  return new CommentIndex(byPost);
}

const schemas = new Map<string, ReturnType<typeof commentSchema>>();
function schemaFor(zone: string): ReturnType<typeof commentSchema> {
  let schema = schemas.get(zone);
  if (!schema) schemas.set(zone, (schema = commentSchema(zone)));
  return schema;
}

/** One comments file: its entries checked one by one, then against each other and the post. */
export function readComments(file: string, text: string, post: Post, zone: string, problems: Problem[]): PostComments | undefined {
  const yaml = parseYaml(text, file);
  problems.push(...yaml.problems);
  if (yaml.value !== undefined) {
    const unsafe = valueProblems(yaml.value, file, yaml.lineOf);
    if (unsafe.length) return void problems.push(...unsafe);
  }
  if (yaml.value === undefined && yaml.problems.length) return undefined;
  if (yaml.value === null) return { file, all: [], byId: new Map(), count: 0 };
  if (!Array.isArray(yaml.value)) {
    problems.push({
      file,
      line: yaml.lineOf([]),
      field: "(file)",
      message: "must be a YAML list of comments (`- id: 1` …), oldest first",
      severity: "error",
    });
    return undefined;
  }

  const schema = schemaFor(zone);
  const all: Comment[] = [];
  /** Index in the file of each valid comment, for messages. */
  const position = new Map<Comment, number>();
  const unknownKeys = new Set<string>();
  (yaml.value as unknown[]).forEach((entry, i) => {
    const at: Pick<ParsedYaml, "lineOf"> = { lineOf: (p) => yaml.lineOf([i, ...p]) };
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      problems.push({ file, line: at.lineOf([]), field: String(i), message: "must be a comment: a mapping with id, author, date and body", severity: "error" });
      return;
    }
    for (const key of Object.keys(entry)) {
      if ((COMMENT_KEYS as readonly string[]).includes(key) || unknownKeys.has(key)) continue;
      // Once per file: an importer's extra key would otherwise warn on every comment.
      unknownKeys.add(key);
      problems.push({ file, line: at.lineOf([key]), field: `${i}.${key}`, message: `unknown comment key, ignored (comments have ${COMMENT_KEYS.join(", ")})`, severity: "warning" });
    }
    const result = schema.safeParse(entry);
    if (!result.success) {
      problems.push(...zodProblems(result.error, file, at, String(i)));
      return;
    }
    const { id, author, url, date, parent, type, verified, body } = result.data;
    const comment: Comment = { id, author, url, date, parent, type, verified, body: body ?? "" };
    position.set(comment, i);
    all.push(comment);
  });

  const byId = new Map<string, Comment>();
  const error = (comment: Comment, key: string, message: string, severity: Problem["severity"] = "error") => {
    const i = position.get(comment) ?? 0;
    problems.push({ file, line: yaml.lineOf([i, key]), field: `${i}.${key}`, message, severity });
  };
  for (const comment of all) {
    const first = byId.get(comment.id);
    if (first) error(comment, "id", `"${comment.id}" is also the id of comment ${position.get(first)} (line ${yaml.lineOf([position.get(first) ?? 0, "id"]) ?? "?"}); ids must be unique in the file`);
    else byId.set(comment.id, comment);
  }
  for (const comment of all) {
    if (comment.date.end < post.date.start) {
      error(comment, "date", `"${comment.date.source}" is before the post itself ("${post.date.source}")`, "warning");
    }
    if (comment.parent === undefined) continue;
    const parent = byId.get(comment.parent);
    if (comment.parent === comment.id) error(comment, "parent", "a comment cannot answer itself");
    else if (!parent) error(comment, "parent", `"${comment.parent}" is not the id of a comment in this file`);
    else if (comment.date.end < parent.date.start) {
      error(comment, "date", `"${comment.date.source}" is before the comment it answers (id ${parent.id}, "${parent.date.source}")`);
    }
  }
  for (const loop of parentLoops(all, byId)) {
    error(loop[0]!, "parent", `comments ${loop.map((c) => `"${c.id}"`).join(", ")} answer each other in a loop`);
  }
  return { file, all, byId, count: all.filter((c) => c.type === "comment").length };
}

/** Chains of `parent` that come back to where they started (each loop once). */
function parentLoops(all: readonly Comment[], byId: ReadonlyMap<string, Comment>): Comment[][] {
  const state = new Map<Comment, "walking" | "done">();
  const loops: Comment[][] = [];
  for (const start of all) {
    const path: Comment[] = [];
    let current: Comment | undefined = start;
    while (current && !state.has(current)) {
      state.set(current, "walking");
      path.push(current);
      current = current.parent === undefined || current.parent === current.id ? undefined : byId.get(current.parent);
    }
    if (current && state.get(current) === "walking") loops.push(path.slice(path.indexOf(current)));
    for (const c of path) state.set(c, "done");
  }
  return loops;
}
