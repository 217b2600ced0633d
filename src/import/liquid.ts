/**
 * The Liquid of a Jekyll or Octopress post, as the import reads it, before
 * the body is converted: what Liquid would have drawn becomes plain text of
 * the post, and everything else is removed and listed with its line, so no
 * `{% %}` or `{{ }}` is ever left on a page.
 *
 *   {% highlight ruby linenos %}…{% endhighlight %}   → a code block (`linenos` ignored)
 *   {% codeblock lang:ruby %}…{% endcodeblock %}      → a code block (Octopress)
 *   {% raw %}…{% endraw %}                            → its text, exactly, never read as Liquid
 *   {{ site.url }}, {{ site.baseurl }}                → the old site's address, so links resolve
 *   {{ "/x.pdf" | relative_url }}, absolute_url       → the address of the file on the old site
 *   {% post_url 2010-07-21-name %}, {% link _posts/… %} → the old address of that post
 *   {% link about.md %}                               → the old address of that page, when it is one
 *   {% img /images/x.png Title %}                     → an image (Octopress)
 *   {% comment %}…{% endcomment %}                    → removed with its text
 *   any other tag, {% include %}, any other {{ }}     → removed, listed
 *
 * Pure: the caller says what a post name leads to.
 */

export interface LiquidContext {
  /** `html` for an HTML post, else markdown: how a code block is written. */
  format: "markdown" | "html";
  /** `site.url` of `_config.yml` ("" when none). */
  url: string;
  /** `site.baseurl` ("" when none), without a trailing slash. */
  baseurl: string;
  /** The old address of a post by its file name without extension (`2010-07-21-name`), or undefined when the site has none. */
  postUrl: (name: string) => string | undefined;
  /** The old address of a page of the site by its path (`about.md`), or undefined when it is no page the import takes. */
  pageUrl?: (file: string) => string | undefined;
  /** The first line of the body in its file (after the front matter), for the listed lines. */
  firstLine?: number;
}

export interface RemovedLiquid {
  /** Line in the file. */
  line: number;
  /** The tag or output as written (one line, shortened). */
  text: string;
  /** Why it was removed. */
  why: string;
}

export interface LiquidResult {
  text: string;
  removed: RemovedLiquid[];
}

interface Token {
  kind: "text" | "tag" | "output";
  /** Text, or the inside of the tag or output, trimmed. */
  value: string;
  raw: string;
  offset: number;
}

const TOKEN = /\{%-?([\s\S]*?)-?%\}|\{\{-?([\s\S]*?)-?\}\}/g;

/** Text, tags and outputs in order; `{% raw %}` bodies are text tokens, never looked into. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(source); match; match = TOKEN.exec(source)) {
    if (match.index > last) tokens.push({ kind: "text", value: source.slice(last, match.index), raw: source.slice(last, match.index), offset: last });
    const inner = (match[1] ?? match[2] ?? "").trim();
    if (match[1] !== undefined && /^raw\b/.test(inner)) {
      // Up to the next endraw, whatever lies between.
      const end = /\{%-?\s*endraw\s*-?%\}/g;
      end.lastIndex = TOKEN.lastIndex;
      const close = end.exec(source);
      const stop = close ? close.index : source.length;
      tokens.push({ kind: "text", value: source.slice(TOKEN.lastIndex, stop), raw: source.slice(TOKEN.lastIndex, stop), offset: TOKEN.lastIndex });
      last = TOKEN.lastIndex = close ? end.lastIndex : source.length;
      continue;
    }
    tokens.push({ kind: match[1] !== undefined ? "tag" : "output", value: inner, raw: match[0], offset: match.index });
    last = TOKEN.lastIndex;
  }
  if (last < source.length) tokens.push({ kind: "text", value: source.slice(last), raw: source.slice(last), offset: last });
  return tokens;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A fenced code block (markdown) or a `<pre><code>` (HTML), on lines of its own. */
export function codeBlock(code: string, language: string | undefined, format: LiquidContext["format"]): string {
  const body = code.replace(/^[ \t]*\r?\n/, "").replace(/\s+$/, "");
  const lang = (language ?? "").replace(/[^\w+#.-]/g, "");
  if (format === "html") return `\n<pre><code${lang ? ` class="language-${lang}"` : ""}>${escapeHtml(body)}</code></pre>\n`;
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `\n\n${fence}${lang}\n${body}\n${fence}\n\n`;
}

/** A quoted or bare argument: `"a b"` → `a b`. */
function unquote(text: string): string {
  const trimmed = text.trim();
  return /^(["']).*\1$/s.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

function shortText(raw: string): string {
  const line = raw.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/** The post's text with its Liquid read (see the module's comment), and what was removed with its line. */
export function convertLiquid(source: string, context: LiquidContext): LiquidResult {
  const tokens = tokenize(source);
  const removed: RemovedLiquid[] = [];
  const first = context.firstLine ?? 1;
  const lineOf = (offset: number) => first + (source.slice(0, offset).match(/\n/g)?.length ?? 0);
  const remove = (token: Token, why: string) => removed.push({ line: lineOf(token.offset), text: shortText(token.raw), why });
  const site = `${context.url.replace(/\/+$/, "")}${context.baseurl}`;

  /** The value of an output, or undefined when it is not one the import can draw. */
  const output = (value: string): string | undefined => {
    if (/^site\.url$/.test(value)) return context.url.replace(/\/+$/, "");
    if (/^site\.baseurl$/.test(value)) return context.baseurl;
    const filtered = /^(["'])(.*?)\1\s*\|\s*(relative_url|absolute_url)\s*$/.exec(value);
    if (filtered) {
      const target = filtered[2] ?? "";
      const slash = target.startsWith("/") || target === "" ? target : `/${target}`;
      return filtered[3] === "absolute_url" ? `${site}${slash}` : `${context.baseurl}${slash}`;
    }
    const prepended = /^site\.(baseurl|url)\s*\|\s*prepend:\s*site\.url\s*$/.exec(value);
    if (prepended) return site;
    return undefined;
  };

  const postLink = (token: Token, name: string): string => {
    const url = context.postUrl(name);
    if (url === undefined) remove(token, `no post ${name} in the site`);
    return url ?? "";
  };

  /** Tokens from `start` to the tag named `end`, as text with outputs drawn; the index after the end tag. */
  const until = (start: number, end: string): { text: string; next: number; closed: boolean } => {
    let text = "";
    for (let i = start; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.kind === "tag" && new RegExp(`^${end}\\b`).test(token.value)) return { text, next: i + 1, closed: true };
      if (token.kind === "text") text += token.value;
      else {
        const drawn = token.kind === "output" ? output(token.value) : undefined;
        if (drawn === undefined) remove(token, "Liquid inside a code block");
        else text += drawn;
      }
    }
    return { text, next: tokens.length, closed: false };
  };

  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === "text") {
      out += token.value;
      continue;
    }
    if (token.kind === "output") {
      const drawn = output(token.value);
      if (drawn === undefined) remove(token, "Liquid output");
      else out += drawn;
      continue;
    }
    const [name = "", ...args] = token.value.split(/\s+/);
    switch (name) {
      case "highlight":
      case "codeblock": {
        const block = until(i + 1, name === "highlight" ? "endhighlight" : "endcodeblock");
        const lang = name === "highlight" ? args[0] : /(?:^|\s)lang:(\S+)/.exec(args.join(" "))?.[1];
        if (!block.closed) remove(token, `no end${name}: the rest of the post is its code`);
        out += codeBlock(block.text, lang, context.format);
        i = block.next - 1;
        break;
      }
      case "comment": {
        const block = until(i + 1, "endcomment");
        remove(token, "a comment, removed with its text");
        i = block.next - 1;
        break;
      }
      case "post_url":
        out += postLink(token, unquote(args.join(" ")));
        break;
      case "link": {
        const target = unquote(args.join(" "));
        const post = /^_posts\/(?:.*\/)?([^/]+?)\.[^./]+$/.exec(target)?.[1];
        const page = post ? undefined : context.pageUrl?.(target.replace(/^\/+/, ""));
        if (post) out += postLink(token, post);
        else if (page !== undefined) out += page;
        else remove(token, "a link to a page of the site that was not imported");
        break;
      }
      case "img": {
        // {% img [class names] /path/to/image [width [height]] [title text [alt text]] %}
        const words = args.join(" ");
        const image = /(?:^|\s)((?:https?:\/\/|\/)\S+)(?:\s+\d+)?(?:\s+\d+)?(?:\s+(.*))?$/.exec(words);
        if (!image) {
          remove(token, "an image tag without an image");
          break;
        }
        const [title = "", alt = title] = (image[2] ?? "").match(/"[^"]*"|'[^']*'|\S.*/g)?.map(unquote) ?? [];
        out += `<img src="${escapeHtml(image[1] ?? "")}" alt="${escapeHtml(alt)}"${title ? ` title="${escapeHtml(title)}"` : ""}>`;
        break;
      }
      default:
        remove(token, name === "include" ? "an include of the old site's theme" : "a Liquid tag");
    }
  }
  return { text: out, removed };
}
