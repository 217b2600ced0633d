/** A phrase of the site's words (src/words) with its placeholders filled: text stays text, links go in their place. */
import type { ComponentChildren } from "preact";
import { fill } from "../../src/words/index.ts";

export function Phrase({ text, values = {} }: { text: string; values?: Record<string, ComponentChildren> }) {
  return <>{fill<ComponentChildren>(text, values)}</>;
}
