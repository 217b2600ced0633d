/**
 * Code blocks and tables scroll sideways when they are wider than the
 * column (`overflow-x: auto` in the stylesheet), as they often are on a
 * phone. `tabindex="0"` on each `<pre>` and `<table>` lets a keyboard user
 * focus it and scroll it with the arrow keys (WCAG 2.1.1, Keyboard); without
 * it the hidden part can only be reached with a pointer.
 */
import type { MarkdownIt, RendererRule } from "markdown-it";

/** `<pre …>` at the start of `html`, with `tabindex="0"` added. */
function focusablePre(html: string): string {
  return html.replace(/^<pre\b([^>]*)>/, '<pre$1 tabindex="0">');
}

export function scrollFocus(md: MarkdownIt): void {
  for (const name of ["fence", "code_block"] as const) {
    const render = md.renderer.rules[name] as RendererRule;
    md.renderer.rules[name] = (tokens, idx, options, env, self) => focusablePre(render(tokens, idx, options, env, self));
  }
  md.core.ruler.push("table_focus", (state) => {
    for (const token of state.tokens) {
      if (token.type === "table_open") token.attrSet("tabindex", "0");
    }
  });
}
