/**
 * Comment bodies: markdown from the most hostile source an archive holds,
 * rendered by a markdown-it of their own.
 *
 * - raw HTML off: `<script>`, `<img onerror>` and the like are text;
 * - links only to `http:`, `https:`, `mailto:` and `#fragments` (markdown-it
 *   already refuses `javascript:`, `vbscript:`, `file:` and `data:`); any
 *   other link is left as the text it was written as;
 * - every link `rel="nofollow ugc noopener"`: the archive does not vouch
 *   for what commenters linked to;
 * - no headings (a `# ` line would be a heading among the page's own), no
 *   footnotes or heading anchors (their ids could clash with the post's);
 * - an image is a link to it, by its alt text: a reader's picture is not
 *   loaded from another host into the archive's page;
 * - tables and code blocks as in posts: alignment as classes, focusable
 *   for keyboard scrolling.
 *
 * Rendered on demand, once per comment, with its plain text for JSON-LD.
 */
import MarkdownItConstructor, { type MarkdownIt, type Token } from "markdown-it";
import { scrollFocus } from "../markdown/scroll-focus.ts";
import { tableAlignClasses } from "../markdown/table-align.ts";
import type { Comment } from "./model.ts";

export const COMMENT_LINK_REL = "nofollow ugc noopener";

const ALLOWED_LINK = /^(?:https?:|mailto:|#)/i;

export function createCommentMarkdown(): MarkdownIt {
  const md = new MarkdownItConstructor({ html: false, linkify: true, typographer: true });
  md.disable(["heading", "lheading"]);
  md.validateLink = (url) => ALLOWED_LINK.test(url.trim());
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = String(token?.attrGet("src") ?? "");
    const alt = token?.children ? self.renderInlineAsText(token.children, options, env) : "";
    return `<a href="${md.utils.escapeHtml(src)}" rel="${COMMENT_LINK_REL}">${md.utils.escapeHtml(alt ? `[image: ${alt}]` : "[image]")}</a>`;
  };
  md.use(tableAlignClasses);
  md.use(scrollFocus);
  md.core.ruler.push("comment_links", (state) => {
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      for (const token of block.children) {
        if (token.type === "link_open" && !String(token.attrGet("href") ?? "").startsWith("#")) token.attrSet("rel", COMMENT_LINK_REL);
      }
    }
  });
  return md;
}

let shared: MarkdownIt | undefined;

export interface RenderedComment {
  html: string;
  /** The body as plain text (paragraphs on lines of their own). */
  text: string;
}

const rendered = new WeakMap<Comment, RenderedComment>();

/** A comment's body as HTML and as text, computed once per comment. */
export function renderComment(comment: Comment): RenderedComment {
  let result = rendered.get(comment);
  if (!result) {
    const md = (shared ??= createCommentMarkdown());
    const tokens = md.parse(comment.body, {});
    result = { html: md.renderer.render(tokens, md.options, {}), text: plainText(tokens) };
    rendered.set(comment, result);
  }
  return result;
}

/** Text of a token stream: inline text and code, one line per block. */
export function plainText(tokens: readonly Token[]): string {
  const lines: string[] = [];
  for (const token of tokens) {
    if (token.type === "inline" && token.children) {
      lines.push(
        token.children
          .map((child) =>
            child.type === "text" || child.type === "code_inline" || child.type === "image" ? child.content : child.type === "softbreak" || child.type === "hardbreak" ? "\n" : "",
          )
          .join(""),
      );
    } else if (token.type === "fence" || token.type === "code_block") {
      lines.push(token.content.replace(/\n$/, ""));
    }
  }
  return lines.join("\n").trim();
}
