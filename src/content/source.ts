/**
 * Reading source files: front matter split off a post, YAML parsed with
 * line numbers, and zod issues turned into `path:line: field: message`.
 * YAML is read with the 1.2 core schema, which has no timestamp type, so
 * `date: 2008-06-24` stays the string the author wrote.
 */
import { isUtf8 } from "node:buffer";
import jsYaml from "js-yaml";
import { LineCounter, isMap, isNode, isScalar, parseDocument } from "yaml";
import type { z } from "zod";
import type { Problem } from "../types.ts";

export interface SplitSource {
  /** The YAML between the `---` fences, or null when the file has none. */
  frontMatter: string | null;
  /** 1-based line of the first YAML line. */
  frontMatterLine: number;
  body: string;
  /** 1-based line of the first body line. */
  bodyLine: number;
  /** The file opens a front matter (`---`) that no line closes. */
  unclosed?: boolean;
}

/**
 * The text of a source file read as bytes. A file that is not UTF-8 (an old
 * post saved as Windows-1252, say) is a problem naming the line of its first
 * bad byte: decoding it anyway would put U+FFFD in place of the author's
 * characters, and the archive would keep that loss without a word.
 */
export function decodeUtf8(bytes: Buffer, file: string): { text: string; problem?: undefined } | { text?: undefined; problem: Problem } {
  if (isUtf8(bytes)) return { text: bytes.toString("utf8") };
  // A newline byte is never part of a multi-byte sequence, so lines can be checked one by one.
  let line = 1;
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    if (!isUtf8(bytes.subarray(start, end === -1 ? bytes.length : end)) || end === -1) break;
    line++;
    start = end + 1;
  }
  return {
    problem: {
      file,
      line,
      field: "(encoding)",
      message: "is not UTF-8; convert the file to UTF-8 (old posts are often Windows-1252 or Latin-1) and build again",
      severity: "error",
    },
  };
}

const FENCE = /^---[ \t]*\r?$/;

/** Split `---\nyaml\n---\nbody` into its parts, keeping line numbers. */
export function splitFrontMatter(text: string): SplitSource {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = source.split("\n");
  if (lines.length === 0 || !FENCE.test(lines[0] ?? "")) {
    return { frontMatter: null, frontMatterLine: 1, body: source, bodyLine: 1 };
  }
  for (let i = 1; i < lines.length; i++) {
    if (FENCE.test(lines[i] ?? "")) {
      return {
        frontMatter: lines.slice(1, i).join("\n"),
        frontMatterLine: 2,
        body: lines.slice(i + 1).join("\n"),
        bodyLine: i + 2,
      };
    }
  }
  return { frontMatter: null, frontMatterLine: 1, body: source, bodyLine: 1, unclosed: true };
}

/** An alias indicator where a YAML node may start (also matches some plain text: then only the slower parser runs). */
const MAY_HAVE_ALIAS = /(?:^|[\s,[{:-])\*[^\s,[\]{}]/;
/** How many aliases a document may resolve, weighted by what they repeat (the `yaml` package's measure). */
const MAX_ALIAS_COUNT = 100;

export interface ParsedYaml {
  value: unknown;
  /** Syntax errors, already as problems. */
  problems: Problem[];
  /** Line of the value at `path` (or of its nearest existing parent). */
  lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
}

/**
 * Parse YAML text from `file`, whose first line is line `firstLine` of that
 * file. The common case (valid YAML) is read by js-yaml, several times
 * faster; line numbers and syntax errors come from the `yaml` package's
 * document model, built only when a message needs them. Both read the
 * YAML 1.2 core schema: no timestamps, so dates stay strings.
 */
export function parseYaml(text: string, file: string, firstLine = 1): ParsedYaml {
  // Aliases (`*name`) are read by the document model, which bounds how far
  // they expand: js-yaml would return a "billion laughs" value that every
  // later step would walk without end.
  if (MAY_HAVE_ALIAS.test(text)) return parseYamlDocument(text, file, firstLine);
  let value: unknown;
  try {
    value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file }) ?? null;
  } catch {
    return parseYamlDocument(text, file, firstLine);
  }
  let detailed: ParsedYaml | undefined;
  return {
    value,
    problems: [],
    lineOf: (path) => (detailed ??= parseYamlDocument(text, file, firstLine)).lineOf(path),
  };
}

/** Parse with the full document model: syntax errors and warnings as problems, and line numbers. */
export function parseYamlDocument(text: string, file: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((error) => ({
    file,
    // `linePos` is only filled in with `prettyErrors`; the offset always is.
    line: (error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line) + firstLine - 1,
    field: "(yaml)",
    message: error.message.split("\n")[0] ?? error.message,
    severity: doc.errors.includes(error as never) ? "error" : "warning",
  }));
  let value: unknown;
  try {
    value = doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // Too many aliases: an "alias bomb", expanding to far more than the file holds.
    problems.push({
      file,
      line: firstLine,
      field: "(yaml)",
      message: `aliases (*name) expand too far (${error instanceof Error ? error.message : String(error)}); write the values out`,
      severity: "error",
    });
  }
  return {
    value,
    problems,
    lineOf(path) {
      const line = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
      for (let depth = path.length; depth >= 0; depth--) {
        const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
        // A mapping's entry is reported on its key's line (`author: zed` → that line).
        const parent: unknown = depth === 0 ? undefined : depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1) as unknown[], true);
        if (isMap(parent)) {
          const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(path[depth - 1]));
          if (pair && isNode(pair.key) && pair.key.range) return line(pair.key.range[0]);
        }
        if (isNode(node) && node.range) return line(node.range[0]);
      }
      return undefined;
    },
  };
}

/** `tags.2` style field name of a zod issue path. */
export function fieldName(path: ReadonlyArray<PropertyKey>, prefix = ""): string {
  const parts = path.map((part) => String(part));
  const joined = parts.join(".");
  if (!prefix) return joined || "(root)";
  return joined ? `${prefix}.${joined}` : prefix;
}

/** Problems of a failed zod parse, each with its line. */
export function zodProblems(
  error: z.ZodError,
  file: string,
  yaml: Pick<ParsedYaml, "lineOf"> | undefined,
  prefix = "",
): Problem[] {
  return error.issues.map((issue) => ({
    file,
    line: yaml?.lineOf(issue.path),
    field: fieldName(issue.path, prefix),
    message: issue.message,
    severity: "error",
  }));
}

/** `posts/a.md:3: date: "2008-13-45" is not a real calendar date` */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.field}: ${problem.message}`;
}

/** Thrown when the input has errors; carries every problem of the run. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const sorted = [...problems].sort(
      (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)),
    );
    const errors = sorted.filter((p) => p.severity === "error");
    const warnings = sorted.filter((p) => p.severity === "warning");
    super(
      `${errors.length} ${errors.length === 1 ? "error" : "errors"} in the content:\n` +
        errors.map((p) => `  ${formatProblem(p)}`).join("\n") +
        (warnings.length ? `\nand ${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"}:\n` : "") +
        warnings.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.name = "ContentError";
    this.problems = problems;
  }
}
