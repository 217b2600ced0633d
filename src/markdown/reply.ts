/**
 * The `::: reply <Name>` container: a quoted message that the post then
 * answers, as on mailing lists and in comment threads.
 *
 *   ::: reply Simon Crosby
 *   The very idea …
 *   :::
 *
 * renders as
 *
 *   <figure class="reply">
 *   <figcaption><cite>Simon Crosby</cite> wrote:</figcaption>
 *   <blockquote>
 *   <p>The very idea …</p>
 *   </blockquote>
 *   </figure>
 *
 * The name is the rest of the opening line, taken literally (HTML-escaped,
 * not parsed as markdown). Without a name there is no `<figcaption>`. The
 * body is ordinary markdown. Replies nest with a longer outer marker
 * (`:::: reply A` … `::::`), as with fenced code.
 *
 * The line may end with the comment quoted, on this post (`#comment-3`) or
 * another (`other-post.md#comment-1`):
 *
 *   ::: reply Simon Crosby red-hat-takes-hypervisor-control-back-from-citrix.md#comment-1
 *
 * The target is resolved by `env.citeComment` (the content loader's, see
 * src/comments/cite.ts); the caption then links to the comment, and the
 * figure gets an id (`citation-1`, `citation-2`… in the order of the post)
 * for the comment's "Answered in" link back.
 */
import type { MarkdownIt, RendererRule } from "markdown-it";
import container from "markdown-it-container";

const OPENING = /^reply(?:\s+(.*))?$/;
/** `#comment-3` or `path/to/post.md#comment-3` at the end of the opening line. */
const TARGET = /(?:^|\s)(\S*#comment-[A-Za-z0-9][A-Za-z0-9_-]*)$/;

/** What the rule reads from the render environment. */
export interface ReplyEnv {
  /**
   * Resolve a cited comment (`#comment-3`, `post.md#comment-3`) of the
   * reply opening on 0-based body line `line`, whose figure will have the
   * id `anchor`. Returns the link to write, or undefined for none (an
   * unknown target is the resolver's to report).
   */
  citeComment?: (target: string, line: number | null, anchor: string) => CitationLink | undefined;
}

export interface CitationLink {
  href: string;
  /** Link text: "a comment below", "a comment on “Title”". */
  label: string;
}

export interface ReplyOpening {
  name: string;
  target?: string;
}

/** The name and cited comment on a `reply` opening line; `undefined` if not a reply. */
export function replyOpening(params: string): ReplyOpening | undefined {
  const match = OPENING.exec(params.trim());
  if (!match) return undefined;
  const rest = (match[1] ?? "").trim();
  const target = TARGET.exec(rest)?.[1];
  return target === undefined ? { name: rest } : { name: rest.slice(0, rest.length - target.length).trim(), target };
}

function replyName(params: string): string | undefined {
  return replyOpening(params)?.name;
}

/**
 * markdown-it plugin for the `reply` container. Registered by
 * markdown-it-container as the block rule `container_reply`, before `fence`.
 */
export function replyContainer(md: MarkdownIt): void {
  const escape = md.utils.escapeHtml;
  const render: RendererRule = (tokens, idx) => {
    const token = tokens[idx];
    if (!token || token.nesting !== 1) return "</blockquote>\n</figure>\n";
    const name = replyName(token.info) ?? "";
    const cited = (token.meta as { citation?: CitationLink; anchor?: string } | null) ?? {};
    const link = cited.citation && `<a href="${escape(cited.citation.href)}">${escape(cited.citation.label)}</a>`;
    const who = name === "" ? "" : `<cite>${escape(name)}</cite>`;
    const caption =
      link ? `<figcaption>${who ? `${who} wrote in ${link}` : `From ${link}`}:</figcaption>\n` :
      who ? `<figcaption>${who} wrote:</figcaption>\n` : "";
    const id = link && cited.anchor ? ` id="${escape(cited.anchor)}"` : "";
    return `<figure class="reply"${id}>\n${caption}<blockquote>\n`;
  };
  md.use(container, "reply", {
    validate: (params: string) => replyName(params) !== undefined,
    render,
  });
  // Cited comments are resolved while parsing, so a bad target is found with the other problems.
  md.core.ruler.push("reply_citations", (state) => {
    const cite = (state.env as ReplyEnv | undefined)?.citeComment;
    let n = 0;
    for (const token of state.tokens) {
      if (token.type !== "container_reply_open") continue;
      const target = replyOpening(token.info)?.target;
      if (target === undefined) continue;
      const anchor = `citation-${++n}`;
      const citation = cite?.(target, token.map?.[0] ?? null, anchor);
      token.meta = { ...(token.meta as object | null), citation, anchor };
    }
  });
}
