/**
 * A Hugo content file's front matter, in any of the three forms Hugo reads,
 * told apart by how the file opens:
 *
 *   +++ … +++   TOML (smol-toml); an unquoted date stays the text it was (`2019-03-04`, `2019-03-04T10:00:00+02:00`)
 *   --- … ---   YAML (the Jekyll reader's: YAML 1.2's core schema, a date stays text, the same slips mended)
 *   { … }       JSON: one object, then the body
 *
 * Hugo reads front matter keys without regard to case (`publishDate`,
 * `publishdate`): the top-level keys come back in lower case, the first
 * spelling winning. Pure.
 */
import { TomlDate, parse as parseToml } from "smol-toml";
import { readFrontMatter } from "./jekyll-frontmatter.ts";

export type HugoFormat = "toml" | "yaml" | "json";

export type HugoFrontMatter =
  | { ok: true; format: HugoFormat; data: Record<string, unknown>; body: string; bodyLine: number; mended?: string }
  | { ok: false; format: HugoFormat; message: string; line?: number }
  | { ok: false; none: true };

/** TOML's dates as the text they were written as; every value else as it is. */
function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString().replace(/\.000(?=$|[Z+-])/, "");
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** The keys in lower case (the first spelling of a key wins), values made plain. */
export function lowerKeys(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    const lower = key.toLowerCase();
    if (!Object.hasOwn(out, lower)) out[lower] = plain(value);
  }
  return out;
}

const lineCount = (text: string) => text.match(/\n/g)?.length ?? 0;

/** The offset just past the JSON object that opens `text`, or undefined when it never closes. */
function jsonEnd(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
  }
  return undefined;
}

/** A TOML error's line in the front matter, from smol-toml's message (`… at line 3, column 5`) or its `line`. */
function tomlLine(error: Error & { line?: number }): number | undefined {
  if (typeof error.line === "number") return error.line;
  const match = /line (\d+)/i.exec(error.message);
  return match ? Number(match[1]) : undefined;
}

/** A content file's front matter and body; `none` when the file has none. */
export function readHugoFrontMatter(source: string): HugoFrontMatter {
  const text = source.replace(/^\uFEFF/, "");
  if (/^\+\+\+[ \t]*\r?\n/.test(text)) {
    const open = /^\+\+\+[ \t]*\r?\n/.exec(text)![0];
    const rest = text.slice(open.length);
    const close = /^\+\+\+[ \t]*(?:\r?\n|$)/m.exec(rest);
    if (!close) return { ok: false, format: "toml", message: "the front matter has no closing +++", line: 1 };
    const toml = rest.slice(0, close.index);
    const body = rest.slice(close.index + close[0].length);
    const bodyLine = lineCount(text.slice(0, open.length + close.index + close[0].length)) + 1;
    try {
      return { ok: true, format: "toml", data: lowerKeys(parseToml(toml) as Record<string, unknown>), body, bodyLine };
    } catch (error) {
      const line = tomlLine(error as Error & { line?: number });
      const message = ((error as Error).message.split("\n")[0] ?? "").replace(/:\s*$/, "");
      return { ok: false, format: "toml", message, ...(line !== undefined ? { line: line + 1 } : {}) };
    }
  }
  if (/^---[ \t]*\r?\n/.test(text)) {
    const front = readFrontMatter(text);
    if (front.ok) return { ok: true, format: "yaml", data: lowerKeys(front.data), body: front.body, bodyLine: front.bodyLine, ...(front.mended ? { mended: front.mended } : {}) };
    if ("none" in front) return front;
    return { ok: false, format: "yaml", message: front.message, ...(front.line !== undefined ? { line: front.line } : {}) };
  }
  if (/^\{[ \t]*\r?\n|^\{\s*"/.test(text)) {
    const end = jsonEnd(text);
    if (end === undefined) return { ok: false, format: "json", message: "the front matter's { is never closed", line: 1 };
    let data: unknown;
    try {
      data = JSON.parse(text.slice(0, end));
    } catch (error) {
      return { ok: false, format: "json", message: (error as Error).message, line: 1 };
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) return { ok: false, format: "json", message: "front matter is not a list of keys and values", line: 1 };
    const after = /^[ \t]*\r?\n?/.exec(text.slice(end))![0];
    return { ok: true, format: "json", data: lowerKeys(data as Record<string, unknown>), body: text.slice(end + after.length), bodyLine: lineCount(text.slice(0, end + after.length)) + 1 };
  }
  return { ok: false, none: true };
}
