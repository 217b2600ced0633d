/**
 * A Jekyll file's front matter, read as Jekyll reads it. Strict YAML comes
 * first; when it refuses the text, two slips Jekyll's reader lets through
 * are mended and the text read again:
 *
 * - tabs where YAML wants spaces (indentation, after `key:`);
 * - a quoted value running on over lines that are not indented
 *   (`title: "A long` / `title"`), joined as one line.
 *
 * Anything else stays an error, with its line in the file. The values are
 * read with YAML 1.2's core schema, so a date stays the text it was. Pure.
 */
import { parse } from "yaml";

export type FrontMatter =
  | { ok: true; data: Record<string, unknown>; body: string; bodyLine: number; mended?: string }
  | { ok: false; message: string; line?: number }
  | { ok: false; none: true };

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** The mended text, and what was mended, or undefined when nothing needed to be. */
export function mendYaml(text: string): { text: string; what: string[] } | undefined {
  const what = new Set<string>();
  let lines = text.split(/\r?\n/).map((line) => {
    let mended = line.replace(/^(\t+)/, (tabs) => "  ".repeat(tabs.length));
    mended = mended.replace(/^(\s*[^\s:#][^:]*:)\t+/, "$1 ");
    if (mended !== line) what.add("tabs");
    return mended;
  });
  const joined: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? "";
    const value = /^\s*[^\s:#"'][^:]*:\s+(["'])(.*)$/.exec(line);
    if (value) {
      const quote = value[1] ?? '"';
      const open = (text: string) => {
        // An odd number of unescaped quotes leaves the value open.
        const body = quote === '"' ? text.replace(/\\./g, "") : text.replace(/''/g, "");
        return (body.split(quote).length - 1) % 2 === 0;
      };
      let rest = value[2] ?? "";
      let j = i;
      while (open(rest) && j + 1 < lines.length && !/^---/.test(lines[j + 1] ?? "")) {
        j++;
        const next = (lines[j] ?? "").trim();
        rest += ` ${next}`;
        line += ` ${next}`;
      }
      if (j > i) {
        what.add("a quoted value over several lines");
        i = j;
      }
    }
    joined.push(line);
  }
  lines = joined;
  return what.size ? { text: lines.join("\n"), what: [...what] } : undefined;
}

function readYaml(text: string): Record<string, unknown> | Error {
  try {
    const value: unknown = parse(text, { schema: "core", uniqueKeys: false, prettyErrors: true });
    if (value === null || value === undefined) return {};
    if (typeof value !== "object" || Array.isArray(value)) return new Error("front matter is not a list of keys and values");
    return value as Record<string, unknown>;
  } catch (error) {
    return error as Error;
  }
}

/** A file's front matter and body; `none` when the file has no front matter (Jekyll copies such a file as it is). */
export function readFrontMatter(source: string): FrontMatter {
  const text = source.replace(/^\uFEFF/, "");
  const open = OPEN.exec(text);
  if (!open) return { ok: false, none: true };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { ok: false, message: "the front matter has no closing ---", line: 1 };
  const yaml = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length);
  const bodyLine = (text.slice(0, open[0].length + close.index + close[0].length).match(/\n/g)?.length ?? 0) + 1;
  const strict = readYaml(yaml);
  if (!(strict instanceof Error)) return { ok: true, data: strict, body, bodyLine };
  const mended = mendYaml(yaml);
  if (mended) {
    const lenient = readYaml(mended.text);
    if (!(lenient instanceof Error)) return { ok: true, data: lenient, body, bodyLine, mended: mended.what.join(" and ") };
  }
  const line = (strict as Error & { linePos?: { line: number }[] }).linePos?.[0]?.line;
  const message = (strict.message.split("\n")[0] ?? strict.message).replace(/:\s*$/, "");
  return { ok: false, message, ...(line !== undefined ? { line: line + 1 } : {}) };
}
