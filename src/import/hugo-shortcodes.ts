/**
 * The shortcodes of a Hugo post, as the import reads them, before the body
 * is converted: what a shortcode would have drawn becomes plain text of the
 * post, and everything else is removed and listed with its line, so no
 * `{{<`, `{{%` or `}}` of a shortcode is ever left on a page.
 *
 *   {{< ref "other.md" >}}, {{< relref "posts/other#part" >}} → the old address of that post (a cross-link once converted)
 *   {{< highlight go "linenos=table" >}}…{{< /highlight >}}  → a code block (the options ignored)
 *   {{< figure src="x.png" alt="…" title="…" caption="…" link="…" >}} → an image with its caption
 *   {{< youtube id >}}, vimeo, tweet (and x), gist, instagram  → a plain link to the video, post or gist
 *   {{< param "key" >}}                                       → the page's (else the site's) parameter
 *   {{% comment %}}…{{% /comment %}}                          → removed with its text
 *   any other shortcode (built-in or the theme's)             → removed, listed; a paired one's inner text kept
 *
 * Both forms are read (`{{< … >}}` and `{{% … %}}`), the self-closing one
 * (`{{< x />}}`) too, with positional or named parameters, quoted with `"`
 * or `` ` `` or bare. Code is never read for shortcodes: fenced code blocks
 * and inline code of a markdown post, `<pre>` and `<code>` of an HTML one,
 * keep what they say. Hugo's escape, a Go comment just inside the
 * delimiters (`{{</*` x `*` `/>}}`, README "Hugo"), is the literal
 * `{{< x >}}`: as it is inside code, and as inline code elsewhere (so it
 * shows as the post showed it). Pure: the caller says what a page name
 * leads to.
 */
import MarkdownItConstructor, { type MarkdownIt } from "markdown-it";
import { htmlToText } from "./html.ts";
import { codeBlock } from "./liquid.ts";

export interface ShortcodeContext {
  /** `html` for an HTML content file, else markdown: how a code block, a link, a figure is written. */
  format: "markdown" | "html";
  /**
   * The old address of the page a `ref`/`relref` names (`other.md`,
   * `posts/other`, `/posts/other/index.md`; without its `#anchor`), or
   * undefined when the site has no such page.
   */
  pageUrl: (name: string) => string | undefined;
  /** A parameter of the page, else of the site, for `{{< param >}}`; undefined when there is none. */
  param?: (key: string) => string | undefined;
  /** The first line of the body in its file (after the front matter), for the listed lines. */
  firstLine?: number;
}

export interface RemovedShortcode {
  /** Line in the file. */
  line: number;
  /** The shortcode as written (one line, shortened). */
  text: string;
  /** Why it was removed. */
  why: string;
}

export interface ShortcodeResult {
  text: string;
  removed: RemovedShortcode[];
}

/** One shortcode as written. */
export interface Shortcode {
  /** `<` or `%`: the form it was written in. */
  delimiter: "<" | "%";
  name: string;
  /** Positional parameters, in order. */
  positional: string[];
  /** Named parameters (`key="value"`). */
  named: Record<string, string>;
  /** `{{< /name >}}`. */
  closing: boolean;
  /** `{{< name />}}`. */
  selfClosing: boolean;
  raw: string;
  offset: number;
}

type Piece =
  | { kind: "text"; text: string; offset: number }
  | { kind: "shortcode"; code: Shortcode }
  /** A `highlight` with its code, read as a whole: nothing inside it is a shortcode. */
  | { kind: "highlight"; code: Shortcode; inner: string; closed: boolean }
  /** A `{{<` or `{{%` that nothing closes: removed with the rest of its line. */
  | { kind: "unclosed"; raw: string; offset: number };

// Hugo's escape `{{</* x */>}}` (and `{{%/* x */%}}`) → the literal `{{< x >}}`.
export function unescapeShortcodes(text: string): string {
  return text.replace(/\{\{([<%])(\s*)\/\*([\s\S]*?)\*\/(\s*)([>%])\}\}/g, (_whole, open: string, _before: string, inner: string, _after: string, close: string) => `{{${open}${inner}${close}}}`);
}

/** The parameters of a shortcode's inside (after its name): positional and named, unquoted. */
export function parseParams(text: string): { positional: string[]; named: Record<string, string> } {
  const positional: string[] = [];
  const named: Record<string, string> = Object.create(null) as Record<string, string>;
  const value = String.raw`"(?:[^"\\]|\\.)*"|\x60[^\x60]*\x60|[^\s"\x60]+`;
  const param = new RegExp(String.raw`\s*(?:([A-Za-z_][\w-]*)\s*=\s*(${value})|(${value}))`, "gy");
  const unquote = (v: string) => (v.startsWith('"') ? v.slice(1, -1).replace(/\\(.)/g, "$1") : v.startsWith("`") ? v.slice(1, -1) : v);
  param.lastIndex = 0;
  for (let match = param.exec(text); match; match = param.exec(text)) {
    if (match[1] !== undefined) named[match[1]] = unquote(match[2] ?? "");
    else if (match[3] !== undefined) positional.push(unquote(match[3]));
    if (param.lastIndex >= text.length) break;
  }
  return { positional, named };
}

/**
 * The shortcode starting at `offset` (at its `{{<` or `{{%`): where it ends,
 * quoted values read whole; undefined when it is not closed.
 */
function readShortcode(source: string, offset: number): { code: Shortcode; end: number } | { escaped: string; end: number } | undefined {
  const delimiter = source[offset + 2] as "<" | "%";
  const close = delimiter === "<" ? ">}}" : "%}}";
  const escape = /^\s*\/\*([\s\S]*?)\*\/\s*/y;
  escape.lastIndex = 0;
  const afterOpen = source.slice(offset + 3);
  const escaped = escape.exec(afterOpen);
  if (escaped && afterOpen.startsWith(close, escape.lastIndex)) {
    return { escaped: `{{${delimiter}${escaped[1] ?? ""}${close.slice(0, 1)}}}`, end: offset + 3 + escape.lastIndex + close.length };
  }
  let quote: string | undefined;
  for (let i = offset + 3; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = undefined;
      // A "quoted" value ends on its line (a `raw` one may run on).
      else if (c === "\n" && quote === '"') return undefined;
      continue;
    }
    if (c === '"' || c === "`") {
      quote = c;
      continue;
    }
    if (source.startsWith(close, i)) {
      let inside = source.slice(offset + 3, i).trim();
      const selfClosing = inside.endsWith("/");
      if (selfClosing) inside = inside.slice(0, -1).trim();
      const closing = inside.startsWith("/");
      if (closing) inside = inside.slice(1).trim();
      const name = /^[^\s"`]+/.exec(inside)?.[0] ?? "";
      const { positional, named } = parseParams(inside.slice(name.length));
      return { code: { delimiter, name, positional, named, closing, selfClosing, raw: source.slice(offset, i + close.length), offset }, end: i + close.length };
    }
  }
  return undefined;
}

/** Where each fenced code block of a markdown text starts and ends (the end after its closing fence's line). */
function fencedBlocks(source: string): [number, number][] {
  const blocks: [number, number][] = [];
  let fence: { marker: string; start: number } | undefined;
  let offset = 0;
  for (const line of source.split("\n")) {
    const next = offset + line.length + 1;
    const marker = /^[ \t]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence.marker[0] && marker.length >= fence.marker.length && /^[ \t]*[`~]+[ \t]*\r?$/.test(line)) {
        blocks.push([fence.start, Math.min(next, source.length)]);
        fence = undefined;
      }
    } else if (marker && !(marker[0] === "`" && line.slice(line.indexOf(marker) + marker.length).includes("`"))) {
      fence = { marker, start: offset };
    }
    offset = next;
  }
  // An unclosed fence runs to the end, as markdown reads it.
  if (fence) blocks.push([fence.start, source.length]);
  return blocks;
}

/** The end of the inline code opened by the run of backticks at `offset`, or undefined when none closes it in its paragraph. */
function codeSpanEnd(source: string, offset: number): number | undefined {
  const run = /^`+/.exec(source.slice(offset))?.[0] ?? "`";
  let i = offset + run.length;
  for (;;) {
    const next = source.indexOf("`", i);
    if (next < 0) return undefined;
    // A blank line ends the paragraph, and with it any code span.
    if (/\n[ \t]*\r?\n/.test(source.slice(i, next))) return undefined;
    const other = /^`+/.exec(source.slice(next))?.[0] ?? "`";
    if (other.length === run.length) return next + other.length;
    i = next + other.length;
  }
}

/** The end of the `<pre>` or `<code>` element opened at `offset` of an HTML text, or undefined. */
function htmlCodeEnd(source: string, offset: number): number | undefined {
  const tag = /^<(pre|code)\b/i.exec(source.slice(offset, offset + 6))?.[1];
  if (!tag) return undefined;
  const close = new RegExp(`</${tag}\\s*>`, "ig");
  close.lastIndex = offset;
  const match = close.exec(source);
  return match ? match.index + match[0].length : source.length;
}

const HIGHLIGHT_END = /\{\{([<%])\s*\/\s*highlight\s*[>%]\}\}/g;

/** The text in pieces: text (code kept as written, escapes made literal) and shortcodes; `highlight` read whole. */
export function tokenize(source: string, format: ShortcodeContext["format"]): Piece[] {
  const pieces: Piece[] = [];
  const fences = format === "markdown" ? fencedBlocks(source) : [];
  let fence = 0;
  let text = "";
  let textStart = 0;
  const flush = (at: number) => {
    if (text) pieces.push({ kind: "text", text, offset: textStart });
    text = "";
    textStart = at;
  };
  let i = 0;
  while (i < source.length) {
    while (fence < fences.length && fences[fence]![1] <= i) fence++;
    const block = fences[fence];
    if (block && block[0] <= i) {
      text += unescapeShortcodes(source.slice(i, block[1]));
      i = block[1];
      continue;
    }
    const c = source[i];
    if (c === "`" && format === "markdown") {
      const end = codeSpanEnd(source, i);
      if (end !== undefined && !(block && end > block[0])) {
        text += unescapeShortcodes(source.slice(i, end));
        i = end;
        continue;
      }
      const run = /^`+/.exec(source.slice(i))?.[0] ?? "`";
      text += run;
      i += run.length;
      continue;
    }
    if (c === "<" && format === "html") {
      const end = htmlCodeEnd(source, i);
      if (end !== undefined) {
        text += unescapeShortcodes(source.slice(i, end));
        i = end;
        continue;
      }
    }
    if (c === "{" && source[i + 1] === "{" && (source[i + 2] === "<" || source[i + 2] === "%")) {
      const read = readShortcode(source, i);
      if (read && "escaped" in read) {
        // Shown as the post showed it: the literal shortcode, as code.
        text += format === "html" ? `<code>${escapeHtml(read.escaped)}</code>` : `\`${read.escaped}\``;
        i = read.end;
        continue;
      }
      if (read) {
        flush(i);
        const { code } = read;
        if (code.name === "highlight" && !code.closing && !code.selfClosing) {
          HIGHLIGHT_END.lastIndex = read.end;
          const end = HIGHLIGHT_END.exec(source);
          pieces.push({ kind: "highlight", code, inner: unescapeShortcodes(source.slice(read.end, end ? end.index : source.length)), closed: end !== null });
          i = end ? end.index + end[0].length : source.length;
        } else {
          pieces.push({ kind: "shortcode", code });
          i = read.end;
        }
        textStart = i;
        continue;
      }
      flush(i);
      const eol = source.indexOf("\n", i);
      const end = eol < 0 ? source.length : eol;
      pieces.push({ kind: "unclosed", raw: source.slice(i, end), offset: i });
      i = textStart = end;
      continue;
    }
    text += c;
    i++;
  }
  flush(i);
  return pieces;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function shortText(raw: string): string {
  const line = raw.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

let md: MarkdownIt | undefined;

/** Inline markdown → HTML (a figure's caption is markdown in Hugo). */
function inlineHtml(markdown: string): string {
  md ??= new MarkdownItConstructor({ html: true, linkify: false, typographer: false });
  return md.renderInline(markdown);
}

/** A markdown link's text: brackets and backslashes escaped. */
function linkText(text: string): string {
  return text.replace(/([\\[\]])/g, "\\$1");
}

/** The address an embed shortcode names, and what to call the link; undefined when its parameters name nothing. */
export function embedLink(code: Shortcode): { url: string; text: string } | undefined {
  const { named, positional } = code;
  const id = (named.id ?? positional[0] ?? "").trim();
  const title = named.title?.trim();
  const safe = (value: string) => /^[\w.-]+$/.test(value);
  switch (code.name) {
    case "youtube":
      return safe(id) ? { url: `https://www.youtube.com/watch?v=${id}`, text: title ? `YouTube: ${title}` : `YouTube video ${id}` } : undefined;
    case "vimeo":
      return safe(id) ? { url: `https://vimeo.com/${id}`, text: title ? `Vimeo: ${title}` : `Vimeo video ${id}` } : undefined;
    case "tweet":
    case "twitter":
    case "x": {
      // `{{< tweet user="x" id="1" >}}`; the old form names the id alone.
      const user = (named.user ?? (positional.length > 1 ? positional[0] : undefined) ?? "").trim();
      const status = (named.id ?? positional[positional.length - 1] ?? "").trim();
      if (!/^\d+$/.test(status) || (user && !safe(user))) return undefined;
      return { url: `https://x.com/${user || "i"}/status/${status}`, text: `Post ${user ? `by @${user} ` : ""}on X` };
    }
    case "gist": {
      const user = (named.user ?? positional[0] ?? "").trim();
      const gist = (named.id ?? positional[1] ?? "").trim();
      const file = (named.file ?? positional[2] ?? "").trim();
      if (!safe(user) || !safe(gist)) return undefined;
      const anchor = file ? `#file-${file.toLowerCase().replace(/[^a-z0-9]+/g, "-")}` : "";
      return { url: `https://gist.github.com/${user}/${gist}${anchor}`, text: `Gist ${file || gist} by ${user}` };
    }
    case "instagram":
      return safe(id) ? { url: `https://www.instagram.com/p/${id}/`, text: `Instagram post ${id}` } : undefined;
    default:
      return undefined;
  }
}

const EMBEDS = new Set(["youtube", "vimeo", "tweet", "twitter", "x", "gist", "instagram"]);

/** The post's text with its shortcodes read (see the module's comment), and what was removed with its line. */
export function convertShortcodes(source: string, context: ShortcodeContext): ShortcodeResult {
  const pieces = tokenize(source, context.format);
  const removed: RemovedShortcode[] = [];
  const first = context.firstLine ?? 1;
  const lineOf = (offset: number) => first + (source.slice(0, offset).match(/\n/g)?.length ?? 0);
  const remove = (code: Shortcode, why: string) => removed.push({ line: lineOf(code.offset), text: shortText(code.raw), why });

  // Which opening shortcode each closing one closes: the nearest open one of its name.
  const closer = new Map<number, number>();
  const open: number[] = [];
  pieces.forEach((piece, index) => {
    if (piece.kind !== "shortcode" || piece.code.selfClosing) return;
    if (!piece.code.closing) {
      open.push(index);
      return;
    }
    for (let j = open.length - 1; j >= 0; j--) {
      const opener = pieces[open[j]!];
      if (opener?.kind === "shortcode" && opener.code.name === piece.code.name) {
        closer.set(open[j]!, index);
        open.length = j;
        return;
      }
    }
  });
  const closed = new Set(closer.values());

  /** The pieces from `start` up to (not including) `end`, drawn. */
  const draw = (start: number, end: number): string => {
    let out = "";
    for (let i = start; i < end; i++) {
      const piece = pieces[i]!;
      if (piece.kind === "text") {
        out += piece.text;
        continue;
      }
      if (piece.kind === "unclosed") {
        removed.push({ line: lineOf(piece.offset), text: shortText(piece.raw), why: "an unclosed shortcode, removed with the rest of its line" });
        continue;
      }
      if (piece.kind === "highlight") {
        if (!piece.closed) remove(piece.code, "no closing highlight: the rest of the post is its code");
        out += codeBlock(piece.inner, piece.code.positional[0] ?? piece.code.named.lang, context.format);
        continue;
      }
      const { code } = piece;
      if (code.closing) {
        if (!closed.has(i)) remove(code, "a closing shortcode without its opening");
        continue;
      }
      const end = closer.get(i);
      const inner = end === undefined ? "" : draw(i + 1, end);
      out += shortcode(code, inner, end !== undefined);
      if (end !== undefined) i = end;
    }
    return out;
  };

  const shortcode = (code: Shortcode, inner: string, paired: boolean): string => {
    const { name, named, positional } = code;
    if (name === "ref" || name === "relref") {
      const target = (named.path ?? positional[0] ?? "").trim();
      const hash = target.indexOf("#");
      const page = hash < 0 ? target : target.slice(0, hash);
      const anchor = hash < 0 ? "" : target.slice(hash);
      if (!page) return anchor;
      const url = context.pageUrl(page);
      if (url === undefined) {
        remove(code, `no page ${page} in the site`);
        return "";
      }
      return `${url}${anchor}`;
    }
    if (name === "figure") {
      const src = named.src?.trim();
      if (!src) {
        remove(code, "a figure without an image");
        return inner;
      }
      const alt = named.alt ?? (named.caption ? htmlToText(inlineHtml(named.caption)) : undefined) ?? named.title ?? "";
      const img = `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${named.title ? ` title="${escapeHtml(named.title)}"` : ""}>`;
      const image = named.link ? `<a href="${escapeHtml(named.link)}">${img}</a>` : img;
      const attribution = [named.attr, named.attrlink ? `<a href="${escapeHtml(named.attrlink)}">${escapeHtml(named.attrlink)}</a>` : undefined].filter(Boolean);
      const caption = [
        named.title ? `<strong>${escapeHtml(named.title)}</strong>` : "",
        named.caption ? inlineHtml(named.caption) : "",
        named.attr ? inlineHtml(named.attr) : attribution.join(" "),
      ].filter(Boolean);
      const figure = `<figure>${image}${caption.length ? `<figcaption>${caption.join(" ")}</figcaption>` : ""}</figure>`;
      return `\n\n${figure}\n\n${inner}`;
    }
    if (EMBEDS.has(name)) {
      const link = embedLink(code);
      if (!link) {
        remove(code, `a ${name} shortcode that names nothing to link to`);
        return inner;
      }
      return (context.format === "html" ? `<a href="${escapeHtml(link.url)}">${escapeHtml(link.text)}</a>` : `[${linkText(link.text)}](${link.url})`) + inner;
    }
    if (name === "param") {
      const key = (named.name ?? positional[0] ?? "").trim();
      const value = key ? context.param?.(key) : undefined;
      if (value === undefined) {
        remove(code, `no parameter ${key || "(none named)"} in the page or the site`);
        return "";
      }
      return context.format === "html" ? escapeHtml(value) : value;
    }
    if (name === "comment") {
      remove(code, "a comment, removed with its text");
      return "";
    }
    if (paired) {
      remove(code, "a shortcode of the theme, or one the import does not draw; its inner text kept");
      return inner;
    }
    remove(code, code.name ? "a shortcode of the theme, or one the import does not draw" : "a shortcode without a name");
    return "";
  };

  const text = draw(0, pieces.length);
  removed.sort((a, b) => a.line - b.line);
  return { text, removed };
}
