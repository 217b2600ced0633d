/**
 * The static search index: Pagefind reads the built HTML and writes its
 * bundle (index, fragments, WebAssembly, default UI) to `<site>/pagefind/`.
 * `npm run build` hands it each post page as the page is written
 * (`SearchSession`), so Pagefind's own process indexes on the other core
 * while the build goes on; the dev server reads the written folder instead
 * (`writeSearchIndex`), behind its rebuilds.
 *
 * What is indexed is decided by the markup: article pages mark the post
 * with `data-pagefind-body` (and its footer with `data-pagefind-ignore`), so
 * navigation and sidebars stay out, and once one page has the marker
 * Pagefind skips every page without it (lists, the search page, redirect
 * stubs). Drafts, which only `npm start` builds, carry no marker.
 * https://pagefind.app/docs/node-api/
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";

/** Folder of the bundle inside the site; the search page loads its files from there. */
export const BUNDLE_DIR = "pagefind";

/**
 * Where post pages are written: `/<blog>/<yyyy>/<mm>/<slug>/` (see the
 * spec). Pagefind reads only these files rather than every page of the
 * site, which halves its time on a large archive; the marker still decides
 * (an alias page at such a path has none and is skipped).
 */
export const POST_PAGES_GLOB = "*/[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html";

/** The attribute that puts a page in the index. */
export const BODY_MARKER = "data-pagefind-body";

/** The marker as an attribute of an element (not as words of a post about Pagefind). */
const MARKER_ATTRIBUTE = new RegExp(`<[^>]*\\s${BODY_MARKER}[\\s=>]`);

/** Whether a page's HTML carries the index marker. */
export function isMarked(html: string): boolean {
  return MARKER_ATTRIBUTE.test(html);
}

export interface SearchIndexResult {
  /** Pages Pagefind read (including any it then skipped for lack of the marker). */
  pages: number;
  /** Where the bundle was written. */
  bundle: string;
}

export interface SearchIndexOptions {
  /**
   * Whether any built page carries `data-pagefind-body`. When none does
   * (no published post; in `npm start` perhaps drafts), Pagefind would
   * index whole pages, navigation and all: an empty index is written
   * instead. Unknown: read the folder.
   */
  hasBody?: boolean;
}

/** Index the site in `siteDir` and write the bundle to `siteDir/pagefind/`, replacing the last one. */
export async function writeSearchIndex(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const site = path.resolve(siteDir);
  const bundle = path.join(site, BUNDLE_DIR);
  const created = await pagefind.createIndex({
    // The archive's own note on a post whose text was lost is the same on
    // every such page: its title, byline and tags are what to find it by.
    excludeSelectors: [".not-preserved"],
  });
  try {
    const index = created.index;
    if (!index) throw new SearchIndexError("could not start the indexer", created.errors);
    let pages = 0;
    if (options.hasBody !== false) {
      const added = await index.addDirectory({ path: site, glob: POST_PAGES_GLOB });
      if (added.errors.length) throw new SearchIndexError(`could not read ${siteDir}`, added.errors);
      pages = added.page_count;
    }
    // Fragment files are named by content hash: clear the old bundle so
    // files of removed or edited posts do not pile up across rebuilds.
    await rm(bundle, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw new SearchIndexError(`could not write ${bundle}`, written.errors);
    return { pages, bundle };
  } finally {
    // Stops Pagefind's indexing process, which would otherwise keep Node
    // running after a build; the next build starts a new one.
    await pagefind.close();
  }
}

/** Pages handed to Pagefind and not yet indexed, at most: enough to keep it busy, few enough to hold. */
const IN_FLIGHT = 32;

/**
 * An index fed the pages with the marker one by one as the build writes
 * them, then written with `write`. Pagefind
 * indexes in its own process; `add` waits only when it falls behind.
 */
export class SearchSession {
  #index: Promise<pagefind.PagefindIndex> | undefined;
  readonly #pending = new Set<Promise<void>>();
  readonly #errors: string[] = [];
  /** Pages given to the index. */
  pages = 0;

  #start(): Promise<pagefind.PagefindIndex> {
    this.#index ??= pagefind
      .createIndex({ excludeSelectors: [".not-preserved"] })
      .then((created) => created.index ?? Promise.reject(new SearchIndexError("could not start the indexer", created.errors)));
    return this.#index;
  }

  /** Indexes the page at `url`: one that carries the marker (`isMarked`; the caller knows). */
  async add(url: string, html: string): Promise<void> {
    this.pages++;
    const index = await this.#start();
    const job = index.addHTMLFile({ url, content: html }).then(
      (added) => void this.#errors.push(...added.errors.map((error) => `${url}: ${error}`)),
      (error: unknown) => void this.#errors.push(`${url}: ${error instanceof Error ? error.message : String(error)}`),
    );
    this.#pending.add(job);
    void job.finally(() => this.#pending.delete(job));
    if (this.#pending.size >= IN_FLIGHT) await Promise.race(this.#pending);
  }

  /** Writes the bundle to `siteDir/pagefind/`, replacing the last one, and stops Pagefind. */
  async write(siteDir: string): Promise<SearchIndexResult> {
    const bundle = path.join(path.resolve(siteDir), BUNDLE_DIR);
    try {
      // No page with the marker: an empty index, as `writeSearchIndex` writes.
      const index = await this.#start();
      await Promise.all(this.#pending);
      if (this.#errors.length) throw new SearchIndexError("could not index every page", this.#errors.slice(0, 10));
      await rm(bundle, { recursive: true, force: true });
      const written = await index.writeFiles({ outputPath: bundle });
      if (written.errors.length) throw new SearchIndexError(`could not write ${bundle}`, written.errors);
      return { pages: this.pages, bundle };
    } finally {
      await pagefind.close();
    }
  }
}

export class SearchIndexError extends Error {
  constructor(what: string, errors: readonly string[]) {
    super(`search index: ${what}${errors.length ? `: ${errors.join("; ")}` : ""}`);
    this.name = "SearchIndexError";
  }
}
