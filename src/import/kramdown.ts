/**
 * kramdown's own syntax in a Jekyll post's markdown, which only kramdown
 * reads: left in, markdown-it would show it as text. Read before the post's
 * Liquid, so the lines listed are the file's:
 *
 *   {: .note}, {:.center}, {: #id}, {:ref: .x} on a line of their own → removed (attribute list, ALD)
 *   *text*{: .x}, [a](b){:target="_blank"}                  → the attribute list removed, the text kept
 *   ## Heading {#id}                                           → the heading, without its id
 *   * TOC + {:toc} (the list kramdown fills in)                → removed, list and all
 *   {::options parse_block_html="true" /}, any {::x /}         → removed
 *   {::comment}…{:/comment} (or {:/})                          → removed with its text
 *   {::nomarkdown}…{:/nomarkdown} (or {:/})                    → its text, as HTML, never read as markdown
 *
 * Fenced and indented code, inline code and the code of `{% highlight %}`,
 * `{% codeblock %}` and `{% raw %}` are kept as they are. Every removal
 * keeps the line count, and is listed with its line. Pure.
 */

export interface KramdownRemoval {
  line: number;
  text: string;
  why: string;
}

export interface KramdownResult {
  /** The markdown without kramdown's syntax; `{::nomarkdown}` text between markers (see `extractNomarkdown`). */
  text: string;
  removed: KramdownRemoval[];
}

const NOMARKDOWN_START = "<!--kramdown-nomarkdown-start-->";
const NOMARKDOWN_END = "<!--kramdown-nomarkdown-end-->";

/** The ranges [start, end) of `source` that are code: fences, indented lines, inline code, Liquid code blocks. */
export function codeRanges(source: string): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  let fence: string | undefined;
  let liquidEnd: RegExp | undefined;
  let previousBlank = true;
  let inIndented = false;
  for (const line of source.split("\n")) {
    const start = offset;
    const end = offset + line.length + 1;
    offset = end;
    if (liquidEnd) {
      ranges.push([start, end]);
      if (liquidEnd.test(line)) liquidEnd = undefined;
      continue;
    }
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      ranges.push([start, end]);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      ranges.push([start, end]);
      continue;
    }
    const opened = /\{%-?\s*(highlight|codeblock|raw)\b[^%]*%\}/.exec(line);
    if (opened) {
      const close = new RegExp(`\\{%-?\\s*end${opened[1]}\\s*-?%\\}`);
      ranges.push([start, end]);
      if (!close.test(line.slice(opened.index + opened[0].length))) liquidEnd = close;
      continue;
    }
    const blank = line.trim() === "";
    if (/^(?: {4}|\t)/.test(line) && !blank && (previousBlank || inIndented)) {
      ranges.push([start, end]);
      inIndented = true;
    } else if (!blank) inIndented = false;
    previousBlank = blank;
  }
  for (const match of source.matchAll(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

function shortText(raw: string): string {
  const line = raw.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/** The newlines of `text`, for a replacement that keeps the line count. */
const newlines = (text: string): string => text.replace(/[^\n]/g, "");

/** Whatever kramdown syntax `pattern` finds, in order; each match outside code is replaced by `replace`'s text. */
interface Rule {
  pattern: RegExp;
  replace: (match: RegExpExecArray) => { text: string; why: string; shown?: string } | undefined;
}

const RULES: Rule[] = [
  {
    // {::comment}…{:/comment}, {::nomarkdown}…{:/}
    pattern: /\{::(comment|nomarkdown)(?:[ \t][^}\n]*)?\}([\s\S]*?)\{:\/(?:comment|nomarkdown)?\}/g,
    replace: (match) =>
      match[1] === "comment"
        ? { text: newlines(match[0]), why: "a kramdown comment, removed with its text" }
        : { text: `${NOMARKDOWN_START}${match[2] ?? ""}${NOMARKDOWN_END}`, why: "kramdown's nomarkdown: its text kept as HTML", shown: `{::nomarkdown}` },
  },
  {
    // {::options key="value" /}, and any other extension written as one tag.
    pattern: /\{::(\w+)(?:[ \t][^}\n]*)?\/\}/g,
    replace: (match) => ({ text: "", why: match[1] === "options" ? "kramdown options" : "a kramdown extension" }),
  },
  {
    // A list that kramdown replaces by the table of contents: `* TOC` then `{:toc}`.
    pattern: /^[ \t]{0,3}(?:[*+-]|\d+\.)[ \t]+[^\n]*\n[ \t]*\{:[ \t]*(?:\.)?toc\b[^}\n]*\}[ \t]*$/gm,
    replace: (match) => ({ text: newlines(match[0]), why: "a kramdown table of contents, removed with its list" }),
  },
  {
    // An attribute list or ALD on a line of its own.
    pattern: /^[ \t]*\{:(?!:)[^}\n]*\}[ \t]*$/gm,
    replace: () => ({ text: "", why: "a kramdown attribute list" }),
  },
  {
    // A heading's id: `## Heading {#id}`.
    pattern: /^([ \t]{0,3}#{1,6}[ \t].*?)[ \t]+\{#[\w:.-]+\}[ \t]*#*[ \t]*$/gm,
    replace: (match) => ({ text: match[1] ?? "", why: "a kramdown heading id", shown: /\{#[\w:.-]+\}/.exec(match[0])?.[0] }),
  },
  {
    // What is left of an extension: an opening tag without its end (`{::comment}` to the end of the post), a stray end (`{:/}`).
    pattern: /\{::\w+(?:[ \t][^}\n]*)?\}|\{:\/\w*\}/g,
    replace: () => ({ text: "", why: "a kramdown extension tag without its pair" }),
  },
  {
    // A span's attribute list, after the text it applies to.
    pattern: /[ \t]*\{:(?!:)[^}\n]*\}/g,
    replace: (match) => {
      const after = match.input.charAt(match.index + match[0].length);
      const spaces = /^[ \t]*/.exec(match[0])?.[0] ?? "";
      return { text: after === "\n" || after === "" ? "" : spaces, why: "a kramdown attribute list", shown: match[0].trim() };
    },
  },
];

/** `markdown` without kramdown's syntax (see the module's comment); `firstLine` is the body's first line in its file. */
export function convertKramdown(markdown: string, firstLine = 1): KramdownResult {
  if (!markdown.includes("{:") && !/\{#[\w:.-]+\}/.test(markdown)) return { text: markdown, removed: [] };
  const removed: KramdownRemoval[] = [];
  let text = markdown;
  // Each rule runs on the text the one before left, so the line of a removal is counted in that text: every rule keeps the line count.
  for (const rule of RULES) {
    const code = codeRanges(text);
    const inCode = (at: number) => code.some(([start, end]) => at >= start && at < end);
    let out = "";
    let last = 0;
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      const at = match.index + (/^[ \t]*/.exec(match[0])?.[0].length ?? 0);
      if (match[0] === "" || inCode(at)) {
        if (match[0] === "") rule.pattern.lastIndex++;
        continue;
      }
      const replaced = rule.replace(match);
      if (!replaced) continue;
      removed.push({ line: firstLine + newlines(text.slice(0, at)).length, text: shortText(replaced.shown ?? match[0]), why: replaced.why });
      out += text.slice(last, match.index) + replaced.text;
      last = match.index + match[0].length;
    }
    text = out + text.slice(last);
  }
  removed.sort((a, b) => a.line - b.line);
  return { text, removed };
}

const NOMARKDOWN = /<!--kramdown-nomarkdown-start-->([\s\S]*?)<!--kramdown-nomarkdown-end-->/g;
const PLACE = /<!--kramdown-nomarkdown-(\d+)-->/g;

/** The `{::nomarkdown}` texts of `markdown` (after its Liquid is read) set aside, each replaced by a mark markdown passes through. */
export function extractNomarkdown(markdown: string): { text: string; blocks: string[] } {
  const blocks: string[] = [];
  const text = markdown.replace(NOMARKDOWN, (_whole, content: string) => {
    blocks.push(content);
    // On lines of its own, the mark is an HTML block; within a line, inline HTML.
    return `<!--kramdown-nomarkdown-${blocks.length - 1}-->${newlines(content)}`;
  });
  return { text, blocks };
}

/** The rendered HTML with each mark replaced by its `{::nomarkdown}` text (sanitised later with the whole body). */
export function restoreNomarkdown(html: string, blocks: readonly string[]): string {
  if (!blocks.length) return html;
  return html.replace(PLACE, (whole, n: string) => blocks[Number(n)] ?? whole);
}
