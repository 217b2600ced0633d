/**
 * Table column alignment (`|:---:|`) as a class on the cell, `align-left`,
 * `align-center` or `align-right`, instead of markdown-it's
 * `style="text-align:…"`: the site's Content-Security-Policy
 * (`style-src 'self'`, src/security/csp.ts) blocks style attributes, so
 * the alignment would be lost on hosts that send it. The stylesheet aligns
 * the classes.
 */
import type { MarkdownIt } from "markdown-it";

const ALIGN = /^text-align:(left|center|right)$/;

export function tableAlignClasses(md: MarkdownIt): void {
  md.core.ruler.push("table_align_classes", (state) => {
    for (const token of state.tokens) {
      if (token.type !== "th_open" && token.type !== "td_open") continue;
      const align = ALIGN.exec(String(token.attrGet("style") ?? ""))?.[1];
      if (!align) continue;
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
      token.attrJoin("class", `align-${align}`);
    }
  });
}
