/** Newer / older page links of a paginated list. */
import type { PagerView } from "../../src/views/lists.ts";

export function Pager({ pager }: { pager: PagerView }) {
  if (!pager.newer && !pager.older) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {pager.newer && (
        <a rel="prev" href={pager.newer}>
          ← Newer posts
        </a>
      )}
      <span class="page-number">
        Page {pager.page} of {pager.pages}
      </span>
      {pager.older && (
        <a rel="next" href={pager.older}>
          Older posts →
        </a>
      )}
    </nav>
  );
}
