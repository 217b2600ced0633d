/**
 * Which pages link to each post, recorded as a full rebuild of `npm start`
 * writes Backlist's pages (src/plugins/direct.ts): the post's neighbours,
 * the posts listing it as related, by the same author or on a sister blog,
 * the lists and archives holding it. When a save changes only a post's
 * title or summary (src/content/reload.ts), these are the pages that show
 * it, and the only ones written again.
 */

/** A link to a post's page, `/<blog>/<yyyy>/<mm>/<slug>/`, after any origin or path prefix, with any `#fragment`. */
const POST_LINK = /href="[^"]*?(\/[^"/]+\/\d{4}\/\d{2}\/[^"/]+\/)(?:#[^"]*)?"/g;

export class LinkedPages {
  #pages = new Map<string, Set<string>>();

  /** Forget every page (a full rebuild records them again). */
  clear(): void {
    this.#pages.clear();
  }

  /** Notes the posts the page at `url` links to. */
  record(url: string, html: string): void {
    for (const match of html.matchAll(POST_LINK)) {
      const target = match[1] ?? "";
      if (target === url) continue;
      let pages = this.#pages.get(target);
      if (!pages) this.#pages.set(target, (pages = new Set()));
      pages.add(url);
    }
  }

  /** The pages linking to the post at `postUrl`. */
  of(postUrl: string): readonly string[] {
    return [...(this.#pages.get(postUrl) ?? [])];
  }
}
