/**
 * Checks on source text and parsed values that keep hostile or broken input
 * from reaching the pages: names that JavaScript objects already have
 * (`constructor`, `__proto__`), control characters that no XML feed can
 * carry, and limits on sizes and depths, each a `path:line: field` problem
 * rather than a crash, a polluted object or silently lost text. Also reads
 * many files with a bounded number open at once.
 */
import type { Problem } from "../types.ts";

/** The limits of the content (README "Limits"). */
export const LIMITS = Object.freeze({
  /** Bytes of one post's front matter (the YAML between the `---` lines). */
  frontMatterBytes: 64 * 1024,
  /** Tags of one post. */
  tagsPerPost: 100,
  /** Characters of one tag, and of its slug (the tag page's folder name). */
  tagLength: 100,
  /** Depth of nested lists and mappings in a data file or front matter. */
  dataDepth: 32,
  /** Files read at the same time (`ulimit -n` is often 1024, or 256). */
  openFiles: 64,
});

/**
 * Names every plain JavaScript object has through `Object.prototype`. As an
 * id (`author: constructor`) or a key of a data file (`__proto__:`) they
 * would be confused with those members, so they are refused.
 */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);

/** Whether `id` is an own key of `record` (never one inherited from `Object.prototype`). */
export function hasId(record: object, id: string): boolean {
  return Object.hasOwn(record, id);
}

/** A copy of `record` without a prototype, so that looking up any name finds only its own entries. */
export function ownRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record);
}

/**
 * C0 control characters other than tab, line feed and carriage return, and
 * the non-characters U+FFFE and U+FFFF: XML 1.0 allows none of them, so one
 * in a post would make its feeds unreadable.
 */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const HAS_FORBIDDEN = new RegExp(FORBIDDEN_CHARACTER.source);

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

const CONTROL_MESSAGE = "is not allowed in the text (feeds and pages could not carry it); remove it";

/**
 * Control characters written into a file as they are: one problem per line
 * that has any (at most `max`), with the line and the character.
 */
export function controlCharacterProblems(text: string, file: string, max = 10): Problem[] {
  const problems: Problem[] = [];
  FORBIDDEN_CHARACTER.lastIndex = 0;
  let lastLine = 0;
  for (let match = FORBIDDEN_CHARACTER.exec(text); match; match = FORBIDDEN_CHARACTER.exec(text)) {
    const line = lineAt(text, match.index);
    if (line === lastLine) continue;
    lastLine = line;
    const column = match.index - text.lastIndexOf("\n", match.index - 1);
    problems.push({
      file,
      line,
      field: "(text)",
      message: `control character ${codePoint(match[0])} (column ${column}) ${CONTROL_MESSAGE}`,
      severity: "error",
    });
    if (problems.length >= max) break;
  }
  return problems;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * Problems of a parsed YAML or JSON value: keys that are prototype names,
 * control characters written as escapes (`"\x07"`, `"\u0000"`), and nesting
 * deeper than `LIMITS.dataDepth`.
 */
export function valueProblems(
  value: unknown,
  file: string,
  lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const problem = (path: PropertyKey[], field: string, message: string) =>
    problems.push({ file, line: lineOf(path), field, message, severity: "error" });
  const visit = (node: unknown, path: PropertyKey[]): void => {
    if (typeof node === "string") {
      const bad = HAS_FORBIDDEN.exec(node);
      if (bad) problem(path, fieldOf(path), `control character ${codePoint(bad[0])} ${CONTROL_MESSAGE}`);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    if (path.length >= LIMITS.dataDepth) {
      problem(path, fieldOf(path), `is nested more than ${LIMITS.dataDepth} levels deep`);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...path, i]));
      return;
    }
    for (const key of Object.keys(node)) {
      if (PROTOTYPE_NAMES.has(key)) {
        problem([...path, key], fieldOf([...path, key]), `"${key}" cannot be a key or an id: every JavaScript object has a member of that name`);
        continue;
      }
      if (HAS_FORBIDDEN.test(key)) {
        problem(path, fieldOf(path), `a key holds a control character, which ${CONTROL_MESSAGE}`);
        continue;
      }
      visit((node as Record<string, unknown>)[key], [...path, key]);
    }
  };
  visit(value, []);
  return problems;
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join(".") || "(root)";
}

/** Problems of one post's tags: too many, or one too long. */
export function tagProblems(
  tags: readonly { name: string; slug: string }[],
  file: string,
  line: number | undefined,
): Problem[] {
  const problems: Problem[] = [];
  if (tags.length > LIMITS.tagsPerPost) {
    problems.push({ file, line, field: "tags", message: `has ${tags.length} tags; a post may have at most ${LIMITS.tagsPerPost}`, severity: "error" });
  }
  tags.forEach((tag, i) => {
    if ([...tag.name].length > LIMITS.tagLength || tag.slug.length > LIMITS.tagLength) {
      problems.push({
        file,
        line,
        field: `tags.${i}`,
        message: `"${[...tag.name].slice(0, 40).join("")}…" is ${[...tag.name].length} characters long; a tag may have at most ${LIMITS.tagLength}`,
        severity: "error",
      });
    }
  });
  return problems;
}

/** `fn` over every item, at most `limit` at a time; results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** What `future` in `_data/site.yaml` does with a post dated after the build. */
export type FuturePolicy = "publish" | "hold";

/**
 * A post dated after now: a warning; with `future: hold` it is also held
 * back like a draft (built by `npm start`, left out of `npm run build`)
 * until a build after its date.
 */
export function futurePost(
  date: { start: number; source: string },
  file: string,
  line: number | undefined,
  policy: FuturePolicy = "publish",
  now = Date.now(),
): { problem: Problem; hold: boolean } | undefined {
  if (date.start <= now) return undefined;
  const hold = policy === "hold";
  return {
    hold,
    problem: {
      file,
      line,
      field: "date",
      message: hold
        ? `"${date.source}" is in the future: the post is held back until a build after that date (future: hold)`
        : `"${date.source}" is in the future; the post is published now (set \`future: hold\` in _data/site.yaml to hold such posts back)`,
      severity: "warning",
    },
  };
}

/** What the nesting guard (src/markdown/nesting.ts) leaves in a document's `env`. */
export interface NestingEnv {
  /** 0-based body line where markdown-it stopped reading nested blocks. */
  nestingLimitLine?: number;
  /** The depth it allows. */
  nestingLimit?: number;
}

/** The post's text nests deeper than markdown-it reads: an error, since the rest would be lost. */
export function nestingProblem(env: NestingEnv, file: string, bodyLine: number): Problem | undefined {
  if (env.nestingLimitLine === undefined) return undefined;
  return {
    file,
    line: bodyLine + env.nestingLimitLine,
    field: "(markdown)",
    message: `blockquotes and lists are nested too deeply here (at most ${env.nestingLimit ?? 100} levels: as many blockquotes, or half as many lists); the text inside would be lost, so nest them less`,
    severity: "error",
  };
}

/** Extensions of data files (README "Data files"). */
export const DATA_EXTENSIONS: readonly string[] = [".yaml", ".yml", ".json"];

/**
 * Files in `_data/` that are not YAML or JSON: a script (`.js`, `.cjs`,
 * `.mjs`, `.ts`) is an error, since data files are never run; anything else
 * is a warning (it is ignored). Dot files (`.DS_Store`, editors' backups)
 * are left alone.
 */
export function dataFolderProblems(names: readonly string[], dataDir: string): Problem[] {
  const problems: Problem[] = [];
  for (const name of [...names].sort()) {
    if (name.startsWith(".")) continue;
    const ext = name.slice(name.lastIndexOf(".")).toLowerCase();
    if (DATA_EXTENSIONS.includes(ext)) continue;
    const script = /^\.(c|m)?(j|t)sx?$/.test(ext);
    problems.push({
      file: `${dataDir}/${name}`,
      field: "(file)",
      message: script
        ? "data files are YAML or JSON; a script here is never run: write its data as YAML or JSON, or move it out of the folder"
        : "is not a YAML or JSON file; ignored",
      severity: script ? "error" : "warning",
    });
  }
  return problems;
}
