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
 */
import type { MarkdownIt, RendererRule } from "markdown-it";
import container from "markdown-it-container";

const OPENING = /^reply(?:\s+(.*))?$/;

/** The name on a `reply` opening line, `""` if none; `undefined` if not a reply. */
function replyName(params: string): string | undefined {
  const match = OPENING.exec(params.trim());
  if (!match) return undefined;
  return (match[1] ?? "").trim();
}

/**
 * markdown-it plugin for the `reply` container. Registered by
 * markdown-it-container as the block rule `container_reply`, before `fence`.
 */
export function replyContainer(md: MarkdownIt): void {
  const render: RendererRule = (tokens, idx) => {
    const token = tokens[idx];
    if (!token || token.nesting !== 1) return "</blockquote>\n</figure>\n";
    const name = replyName(token.info) ?? "";
    const caption =
      name === ""
        ? ""
        : `<figcaption><cite>${md.utils.escapeHtml(name)}</cite> wrote:</figcaption>\n`;
    return `<figure class="reply">\n${caption}<blockquote>\n`;
  };
  md.use(container, "reply", {
    validate: (params: string) => replyName(params) !== undefined,
    render,
  });
}
