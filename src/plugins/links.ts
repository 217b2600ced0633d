/**
 * Eleventy plugin: the recorded state of external links (`_data/links.yaml`,
 * written by `npm run links`) applied to every HTML page as it is written —
 * dead links to their archived copies with Robust Links attributes, dead
 * links without one marked, moved links rewritten when the site asks. The
 * build only reads what was recorded; it never touches the network.
 * The logic is src/links/present.ts; this is the adapter.
 */
import { markLinks } from "../links/present.ts";
import type { UserConfig } from "../types.ts";
import type { ArchiveStore } from "./content.ts";

export function linksPlugin(config: UserConfig, store: ArchiveStore): void {
  config.addTransform("recorded-links", function (this: { page?: { outputPath?: string | false } }, content: unknown) {
    const output = this.page?.outputPath;
    if (typeof content !== "string" || typeof output !== "string" || !output.endsWith(".html") || !store.loaded) return content;
    const { treatments, options } = store.linkTreatments;
    return markLinks(content, treatments, options);
  });
}
