/**
 * markdown-it stops reading blocks nested deeper than its `maxNesting`
 * (100 levels: 100 blockquotes, or about 50 lists, each list taking two)
 * and drops the rest of the nested text without a word. This plugin notes
 * where that happens in the document's `env` (`nestingLimitLine`), so the
 * content loader reports it as an error rather than publish a post with
 * text missing (src/content/guards.ts, `nestingProblem`).
 */
import type { MarkdownIt } from "markdown-it";
import type { NestingEnv } from "../content/guards.ts";

export function nestingGuard(md: MarkdownIt): void {
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state, startLine, endLine) => {
    const limit = state.md.options.maxNesting ?? 100;
    const env = state.env as NestingEnv;
    if (state.level >= limit && env.nestingLimitLine === undefined) {
      // The same test markdown-it makes before it skips the rest.
      const line = state.skipEmptyLines(startLine);
      if (line < endLine && (state.sCount[line] ?? 0) >= state.blkIndent) {
        env.nestingLimitLine = line;
        env.nestingLimit = limit;
      }
    }
    tokenize(state, startLine, endLine);
  };
}
