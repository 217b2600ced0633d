/**
 * Loads the archive (src/content/load.ts) once per build, before Eleventy
 * reads any template, and hands it to the pages as the global `archive`.
 * A content error stops the build before anything is written.
 */
import path from "node:path";
import { emptyArchive, loadArchive } from "../content/load.ts";
import { crossLinks } from "../content/links.ts";
import type { Archive } from "../content/model.ts";
import { ContentError, formatProblem } from "../content/source.ts";
import { createMarkdown } from "../markdown/index.ts";
import { checkSiteLinks } from "../content/sitelinks.ts";
import { setDevProblems } from "../dev/problems.ts";
import { flushTimings, timed } from "../timings.ts";
import type { UserConfig } from "../types.ts";
import { isCopiedFile } from "./assets.ts";
import { computeRelatedInWorker } from "../related/parallel.ts";
import { buildSidebarIndex, relatedDocs, type SidebarIndex } from "../sidebars/index.ts";
import { buildFeeds, type FeedFile } from "../feeds/index.ts";
import { aliasProblems, pageUrlsExcept, redirectOutputs, type RedirectOutput } from "../redirects/index.ts";
import { buildSitemap } from "../sitemap/index.ts";
import { buildArchivePages, type ArchivePage } from "../views/archives.ts";
import { podcastPages, type PodcastPage } from "../views/catalog.ts";
import { buildListings, buildTagIndex, type Listing, type TagSummary } from "../views/listings.ts";

export interface ContentOptions {
  /** Folder of the posts, relative to the project root. */
  postsDir: string;
  /** Folder of the data files. */
  dataDir: string;
  /** Build drafts: by default only when serving (`npm start`). */
  drafts?: boolean;
}

export const DEFAULTS: ContentOptions = { postsDir: "posts", dataDir: "_data" };

/**
 * The archive of the current build. Pages read it through the global data
 * `archive`, an object whose properties always reflect the latest load, so
 * a rebuild in watch mode sees edited posts.
 */
export class ArchiveStore {
  #current: Archive | undefined;
  /** Views derived from the current archive, each computed once per load. */
  #derived = new Map<string, unknown>();

  #relatedIds: ReadonlyMap<string, readonly string[]> | undefined;

  /** A newly loaded archive, with its related posts when they were computed during the load. */
  set(archive: Archive, relatedIds?: ReadonlyMap<string, readonly string[]>): void {
    this.#current = archive;
    this.#relatedIds = relatedIds;
    this.#derived.clear();
  }

  /** Whether an archive has been loaded (the dev server keeps the last good one). */
  get loaded(): boolean {
    return this.#current !== undefined;
  }

  get current(): Archive {
    if (!this.#current) throw new Error("The archive was read before it was loaded (eleventy.before did not run).");
    return this.#current;
  }

  #once<T>(key: string, make: () => T): T {
    if (!this.#derived.has(key)) this.#derived.set(key, timed(key, make));
    return this.#derived.get(key) as T;
  }

  /** Sorted lists and related posts behind every article's sidebars. */
  get sidebars(): SidebarIndex {
    return this.#once("sidebars", () => buildSidebarIndex(this.current, { relatedIds: this.#relatedIds }));
  }
  /** Every tag with its post count, for /tags/. */
  get tagIndex(): TagSummary[] {
    return this.#once("tagIndex", () => buildTagIndex(this.current));
  }
  /** Blog, tag and author list pages. */
  get listings(): Listing[] {
    return this.#once("listings", () => buildListings(this.current));
  }
  /** Year and month pages, site-wide and per blog, and the archive overview. */
  get archivePages(): ArchivePage[] {
    return this.#once("archivePages", () => buildArchivePages(this.current));
  }
  /** One page per podcast, with its episodes. */
  get podcasts(): PodcastPage[] {
    return this.#once("podcasts", () => podcastPages(this.sidebars));
  }
  /** Atom and JSON feeds of the site and each blog; RSS of each podcast. */
  get feeds(): FeedFile[] {
    return this.#once("feeds", () => buildFeeds(this.current, this.sidebars));
  }
  /** `_redirects` and a page at each post's old address (`aliases`). */
  get redirects(): RedirectOutput[] {
    return this.#once("redirects", () => redirectOutputs(this.current.posts));
  }
  /** URLs of the build's pages but the redirect pages, set at `eleventy.contentMap`. */
  pageUrls: readonly string[] = [];
  /** sitemap.xml, rendered after `pageUrls` is known. */
  get sitemap(): string {
    return this.#once("sitemap", () => buildSitemap(this.current, this.pageUrls));
  }
}

export function contentPlugin(config: UserConfig, options: Partial<ContentOptions> = {}): ArchiveStore {
  const settings = { ...DEFAULTS, ...options };
  const store = new ArchiveStore();
  const markdown = createMarkdown({ plugins: [crossLinks] });

  let runMode = "build";
  config.on("eleventy.before", async ({ runMode: mode }: { runMode: string }) => {
    runMode = mode;
    let archive: Archive;
    let related: Promise<Map<string, string[]>> | undefined;
    try {
      archive = await timed("content load", () => loadArchive({
        root: process.cwd(),
        postsDir: settings.postsDir,
        dataDir: settings.dataDir,
        // BACKLIST_DRAFTS=1 builds drafts in any mode (=0 never); by default only `npm start` does.
        includeDrafts: settings.drafts ?? (process.env.BACKLIST_DRAFTS ? process.env.BACKLIST_DRAFTS === "1" : mode === "serve"),
        markdown,
        beforeRender: (posts, pinned) => {
          related = timed("related posts (worker)", () => computeRelatedInWorker(relatedDocs(posts, pinned)));
        },
      }));
    } catch (error) {
      if (error instanceof ContentError && mode !== "build") {
        // Keep serving the last good archive (an empty one if none built
        // yet); every page shows the problems until they are fixed.
        console.error(`[backlist] ${error.message}\nServing the last version that built.`);
        if (!store.loaded) store.set(emptyArchive());
        setDevProblems(error.problems);
        return;
      }
      fail(error, mode);
    }
    setDevProblems([]);
    for (const warning of archive.warnings) console.warn(`[backlist] warning: ${formatProblem(warning)}`);
    store.set(archive, await timed("waiting for related posts", () => related));
  });
  // Every page's URL is known here and nothing is rendered yet: check the
  // root-relative links of posts, and their aliases, against them.
  config.on("eleventy.contentMap", ({ urlToInputPath, inputPathToUrl }: { urlToInputPath: Record<string, unknown>; inputPathToUrl: Record<string, string[]> }) => {
    const archive = store.current;
    const urls = new Set(Object.keys(urlToInputPath));
    store.pageUrls = pageUrlsExcept(inputPathToUrl);
    const problems = checkSiteLinks(archive.siteLinks, urls, (file) => isCopiedFile(file));
    for (const problem of aliasProblems(archive.posts, store.pageUrls, (file) => isCopiedFile(file))) {
      if (problem.severity === "warning") console.warn(`[backlist] warning: ${formatProblem(problem)}`);
      else problems.push(problem);
    }
    if (problems.length === 0) return;
    const error = new ContentError([...problems, ...archive.warnings]);
    if (runMode !== "build") {
      console.error(`[backlist] ${error.message}\nThe pages show these errors until they are fixed.`);
      setDevProblems(problems);
      return;
    }
    fail(error, runMode);
  });
  config.on("eleventy.after", () => flushTimings());
  config.addGlobalData("archive", () => store);
  config.addWatchTarget(path.join(settings.postsDir, "**/*.md"));
  config.addWatchTarget(path.join(settings.dataDir, "*"));
  return store;
}

/**
 * Stop on content errors. A production build prints the plain list of
 * problems, without Eleventy's stack traces, and exits before anything is
 * written; the dev server reports and keeps serving.
 */
function fail(error: unknown, runMode: string): never {
  if (error instanceof ContentError && runMode === "build") {
    console.error(`[backlist] ${error.message}\nNothing was written.`);
    process.exit(1);
  }
  throw error;
}
