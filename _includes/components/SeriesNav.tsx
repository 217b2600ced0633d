/** A post's place in its series: "Part 2 of 5 in <series>" above the post, the series' previous and next parts below it. */
import type { SeriesNav } from "../../src/series/index.ts";
import { DEFAULT_WORDS, type Words } from "../../src/words/index.ts";
import { Phrase } from "./Phrase.tsx";

export function SeriesPlace({ nav, words = DEFAULT_WORDS }: { nav?: SeriesNav; words?: Words }) {
  if (!nav) return null;
  return (
    <p class="series-place">
      <Phrase text={words.series_place} values={{ part: nav.number, total: nav.total, series: <a href={nav.url}>{nav.name}</a> }} />
    </p>
  );
}

export function SeriesPrevNext({ nav }: { nav?: SeriesNav }) {
  if (!nav || (!nav.previous && !nav.next)) return null;
  return (
    <nav class="prev-next series-prev-next" aria-label={`More of the series ${nav.name}`}>
      {nav.previous && (
        <a class="prev" href={nav.previous.url}>
          <span class="label">Previous in the series</span>
          <span class="title">{nav.previous.title}</span>
        </a>
      )}
      {nav.next && (
        <a class="next" href={nav.next.url}>
          <span class="label">Next in the series</span>
          <span class="title">{nav.next.title}</span>
        </a>
      )}
    </nav>
  );
}
