/** "Originally published at … on …": where the post was first published (`original_url`). */
import type { Provenance as ProvenanceView } from "../../src/views/article.ts";

export function Provenance({ original }: { original?: ProvenanceView }) {
  if (!original) return null;
  return (
    <p class="provenance" data-pagefind-ignore="">
      Originally published at <a href={original.url}>{original.label}</a> on <time datetime={original.datetime}>{original.date}</time>.
    </p>
  );
}
