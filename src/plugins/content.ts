/**
 * Loads the archive (src/content/load.ts) once per build, before Eleventy
 * reads any template, and hands it to the pages as the global `archive`.
 * A content error stops the build before anything is written.
 */
import path from "node:path";
import { emptyArchive, loadArchive } from "../content/load.ts";
import { SAMPLE_DIR, contentDirs } from "../content/root.ts";
import { crossLinks } from "../content/links.ts";
import type { Archive, SiteLink } from "../content/model.ts";
import { type StandalonePage, loadPages } from "../content/pages.ts";
import { type PageIndex, buildPageIndex } from "../views/page.ts";
import { ContentError, formatProblem } from "../content/source.ts";
import { createMarkdown } from "../markdown/index.ts";
import { checkSiteLinks } from "../content/sitelinks.ts";
import { setDevProblems } from "../dev/problems.ts";
import { REBUILD_TRIGGER, watchDeletions } from "../dev/deletions.ts";
import { flushTimings, timed } from "../timings.ts";
import { reportSummary } from "../build/summary.ts";
import type { UserConfig } from "../types.ts";
import { isCopiedFile } from "./assets.ts";
import { computeRelatedInWorker } from "../related/parallel.ts";
import { buildSidebarIndex, relatedDocs, type SidebarIndex } from "../sidebars/index.ts";
import { buildFeeds, type FeedFile } from "../feeds/index.ts";
import { buildSeriesIndex, type SeriesIndex } from "../series/index.ts";
import { aliasProblems, pageUrlsExcept, redirectOutputs, type RedirectOutput } from "../redirects/index.ts";
import { buildSitemap } from "../sitemap/index.ts";
import { buildArchivePages, type ArchivePage } from "../views/archives.ts";
import { podcastPages, type PodcastPage } from "../views/catalog.ts";
import { buildListings, buildTagIndex, type Listing, type TagSummary } from "../views/listings.ts";
import { linkTreatments, type LinkTreatment, type PresentOptions } from "../links/present.ts";
import { linkReport, type LinkReport } from "../links/report.ts";
import { linksPlugin } from "./links.ts";
import { type DirectPage, directUrls, writeDirectPages } from "./direct.ts";
import { MediaStore } from "../media/site.ts";
import { type QuickUpdate, reloadBodies } from "../content/reload.ts";
import { quickSources } from "../dev/quick.ts";
import { LinkedPages } from "../dev/linkedpages.ts";
import { forgetPostLink } from "../views/article.ts";

export interface ContentOptions {
  /** Folder of the posts, relative to the project root. */
  postsDir: string;
  /** Folder of the data files. */
  dataDir: string;
  /** Build drafts: by default only when serving (`npm start`). */
  drafts?: boolean;
}

/** The project's content folders (src/content/root.ts): its own archive, else the sample's. */
export const DEFAULTS: ContentOptions = (({ postsDir, dataDir }) => ({ postsDir, dataDir }))(contentDirs());

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
    this.quick = undefined;
  }

  /**
   * Set while the dev server rebuilds after saved posts changed only their
   * text (src/content/reload.ts): the posts re-rendered in place, and the
   * posts whose "Linked from" lists changed. Only their pages and the feeds
   * holding them are written again; the other pages on disk are still
   * right, and Eleventy's own pages (home, overviews, tags, sitemap…) are
   * left as they are, but for the links report when the site has recorded
   * links (`_data/links.yaml`), which counts them in the posts' text.
   */
  quick: QuickUpdate | undefined;

  /** After a quick change: the feeds and the links report, which hold the posts' text, are computed again. */
  refreshText(): void {
    this.#derived.delete("feeds");
    this.#derived.delete("linkReport");
  }

  /** Whether a quick rebuild renders the links report again (the site has recorded links). */
  get quickReport(): boolean {
    return (this.current.links?.length ?? 0) > 0;
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
  /** Every series and each post's place in its own. */
  get series(): SeriesIndex {
    return this.#once("series", () => buildSeriesIndex(this.current.posts));
  }
  /** Atom and JSON feeds of the site and each blog; RSS of each podcast. */
  get feeds(): FeedFile[] {
    return this.#once("feeds", () => buildFeeds(this.current, this.sidebars));
  }
  /** `_redirects` and a page at each post's old address (`aliases`). */
  get redirects(): RedirectOutput[] {
    return this.#once("redirects", () => redirectOutputs([...this.current.posts, ...(this.current.pages ?? [])]));
  }
  /** Whether some post has an old WordPress query address (`/?p=12`): the home and 404 pages then load its script. */
  get hasQueryAliases(): boolean {
    return this.redirects.some((output) => output.kind === "queries");
  }
  /** The blogs' standalone pages (src/content/pages.ts), by URL and by blog. */
  get pages(): PageIndex {
    return this.#once("pages", () => buildPageIndex(this.current.pages ?? []));
  }
  /** Every standalone page to write (drafts only when they are built). */
  get pageList(): readonly StandalonePage[] {
    return this.current.pages ?? [];
  }
  /** What the build does with each recorded dead or moved external link (src/links/present.ts). */
  get linkTreatments(): { treatments: ReadonlyMap<string, LinkTreatment>; options: PresentOptions } {
    return this.#once("linkTreatments", () => {
      const site = this.current.site;
      const options: PresentOptions = { movedLinks: site.moved_links ?? "keep", language: site.language };
      return { treatments: linkTreatments(this.current.links ?? [], options), options };
    });
  }
  /** The keeper's report of the external links (src/links/report.ts). */
  get linkReport(): LinkReport {
    return this.#once("linkReport", () => linkReport(this.current));
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
  // A post's own files and images (src/media/site.ts): its rule runs before the cross-links rule.
  const media = new MediaStore(process.cwd(), settings.postsDir);
  const markdown = createMarkdown({ plugins: [media.plugin(), crossLinks] });

  let runMode = "build";
  let told = false;
  let pageSiteLinks: SiteLink[] = [];
  let output = "_site";
  let writtenPages = 0;
  // npm start: the files saved since the last rebuild, and whether the last one built without problems.
  let saved: readonly string[] = [];
  let lastGood = false;
  // Whether this build's load succeeded (the dev server keeps serving the last good archive when it did not).
  let loaded = false;
  const linkedPages = new LinkedPages();
  config.on("eleventy.beforeWatch", (queue: readonly string[]) => {
    saved = queue;
  });
  config.on("eleventy.before", async ({ runMode: mode, directories }: { runMode: string; directories?: { output?: string } }) => {
    runMode = mode;
    output = path.resolve(directories?.output ?? "_site");
    store.quick = undefined;
    const includeDrafts = settings.drafts ?? (process.env.BACKLIST_DRAFTS ? process.env.BACKLIST_DRAFTS === "1" : mode === "serve");
    const loadOptions = { root: process.cwd(), postsDir: settings.postsDir, dataDir: settings.dataDir, includeDrafts, markdown };
    const sources = mode !== "build" && lastGood && store.loaded ? quickSources(saved, process.cwd(), settings.postsDir) : undefined;
    saved = [];
    if (sources) {
      const update = await timed("quick rebuild", () => reloadBodies(store.current, sources, { ...loadOptions, media }));
      if ("posts" in update) {
        store.quick = update;
        store.refreshText();
        for (const post of update.posts) forgetPostLink(post);
        const what = update.kind === "text" ? "only the text changed" : "the text and title changed";
        console.log(`[backlist] ${update.posts.length === 1 ? "1 post" : `${update.posts.length} posts`} re-rendered (${what})`);
        return;
      }
      console.log(`[backlist] rebuilding everything: ${update.reason}`);
    }
    lastGood = false;
    loaded = false;
    if (mode !== "build") watchDeletions([settings.postsDir, settings.dataDir]);
    if (!told && !process.env.BACKLIST_CONTENT && contentDirs().sample) {
      console.error(`[backlist] This project has no archive of its own yet: showing the sample archive (${SAMPLE_DIR}/). Start yours with npm run init.`);
      told = true;
    }
    let archive: Archive;
    let related: Promise<Map<string, string[]>> | undefined;
    await media.begin();
    try {
      archive = await timed("content load", () => loadArchive({
        // BACKLIST_DRAFTS=1 builds drafts in any mode (=0 never); by default only `npm start` does.
        ...loadOptions,
        beforeRender: (posts, pinned) => {
          related = timed("related posts (worker)", () => computeRelatedInWorker(relatedDocs(posts, pinned)));
        },
      }));
      // Standalone pages (src/content/pages.ts), once the posts they may link to are known.
      const loaded = await loadPages(loadOptions, archive);
      if (loaded.problems.some((p) => p.severity === "error")) throw new ContentError([...loaded.problems, ...archive.warnings]);
      archive.pages = loaded.pages;
      archive.warnings.push(...loaded.problems);
      pageSiteLinks = loaded.siteLinks;
    } catch (thrown) {
      // Broken references to a post's files are listed with the other problems.
      const error = thrown instanceof ContentError && media.problems.length ? new ContentError([...thrown.problems, ...media.problems]) : thrown;
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
    loaded = true;
    await timed("images", () => media.render([...archive.posts, ...archive.drafts]));
    archive.warnings.push(...media.warnings);
    reportImages(media);
    for (const warning of archive.warnings) console.warn(`[backlist] warning: ${formatProblem(warning)}`);
    store.set(archive, await timed("waiting for related posts", () => related));
    reportSummary({
      posts: archive.posts.length,
      draftsLeftOut: archive.draftsLeftOut,
      redirects: archive.posts.reduce((sum, post) => sum + post.aliases.length, 0),
      warnings: archive.warnings.length,
    });
  });
  // Every page's URL is known here and nothing is rendered yet: check the
  // root-relative links of posts, and their aliases, against them.
  // Every page's URL is known here and nothing is rendered yet: check the
  // root-relative links of posts, and their aliases, against them; then
  // write the pages Eleventy does not hold (src/plugins/direct.ts).
  config.on("eleventy.contentMap", async ({ urlToInputPath, inputPathToUrl }: { urlToInputPath: Record<string, unknown>; inputPathToUrl: Record<string, string[]> }) => {
    const archive = store.current;
    if (store.quick) {
      // Nothing but text changed: the links were checked by the last full build.
      const changed = new Set(store.quick.posts);
      const urls = new Set([...store.quick.posts.map((post) => post.url), ...store.quick.linked.flatMap((source) => archive.bySource.get(source)?.url ?? [])]);
      // A new title or summary: every page linking to the post shows it.
      if (store.quick.kind === "title") for (const post of changed) for (const url of linkedPages.of(post.url)) urls.add(url);
      // The post pages, and the feeds (or feed archive pages) holding the changed posts.
      const quick = (page: DirectPage) => urls.has(page.url) || (page.posts?.some((post) => changed.has(post)) ?? false);
      writtenPages = await writeDirectPages(config, store, output, urls.size, quick, (url, html) => linkedPages.record(url, html));
      return;
    }
    const written = directUrls(store);
    const urls = new Set([...Object.keys(urlToInputPath), ...written]);
    store.pageUrls = [...written, ...pageUrlsExcept(inputPathToUrl)];
    const copied = (file: string) => isCopiedFile(file) || media.publishes(file);
    const images = checkSiteLinks(media.siteLinks, urls, copied).map((p) => ({ ...p, field: "(image)" }));
    const problems = [...archive.brokenLinks, ...media.problems, ...images, ...checkSiteLinks([...archive.siteLinks, ...pageSiteLinks], urls, copied)];
    for (const problem of aliasProblems([...archive.posts, ...(archive.pages ?? [])], store.pageUrls, copied)) {
      if (problem.severity === "warning") console.warn(`[backlist] warning: ${formatProblem(problem)}`);
      else problems.push(problem);
    }
    if (problems.length > 0) {
      const error = new ContentError([...problems, ...archive.warnings]);
      if (runMode === "build") fail(error, runMode);
      console.error(`[backlist] ${error.message}\nThe pages show these errors until they are fixed.`);
      setDevProblems(problems);
    }
    lastGood = loaded && problems.length === 0;
    linkedPages.clear();
    const record = runMode === "build" ? undefined : (url: string, html: string) => linkedPages.record(url, html);
    writtenPages = await writeDirectPages(config, store, output, written.length, undefined, record);
  });
  config.on("eleventy.after", async ({ results, directories }: { results?: { outputPath?: unknown }[]; directories?: { output?: string } }) => {
    // The posts' own files and the made images, under each post's URL.
    if (directories?.output && !store.quick) await timed("images written", () => media.write(path.resolve(directories.output ?? "_site")));
    flushTimings();
    if (results) reportSummary({ pages: writtenPages + results.filter((page) => typeof page.outputPath === "string" && page.outputPath.endsWith(".html")).length });
  });
  // A quick rebuild renders none of Eleventy's own pages: nothing they show changed.
  config.addPreprocessor("backlist-quick", "11ty.tsx", function (this: { inputPath: string }) {
    // A new title shows on the home page, the overviews and the rest: they are all rendered.
    if (store.quick?.kind !== "text") return undefined;
    return store.quickReport && /(^|[\\/])links-report\.11ty\.tsx$/.test(this.inputPath) ? undefined : false;
  });
  // Recorded dead and moved external links, on every page (src/plugins/links.ts).
  linksPlugin(config, store);
  config.addGlobalData("archive", () => store);
  // Eleventy rebuilds when a watched file changes or appears, not when one
  // is deleted: src/dev/deletions.ts turns a deletion into a change it sees.
  config.addWatchTarget(REBUILD_TRIGGER);
  config.addWatchTarget(path.join(settings.postsDir, "**/*.md"));
  config.addWatchTarget(path.join(settings.postsDir, "**/*.comments.yaml"));
  // Files in posts' folders (`posts/<blog>/<year>/<slug>/…`).
  config.addWatchTarget(path.join(settings.postsDir, "*/*/*/**"));
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

/** One line when the archive has images: how many were processed and how many came from the cache. */
function reportImages(media: MediaStore): void {
  const { processed, cached } = media.images.stats;
  if (processed + cached === 0) return;
  console.log(`[backlist] images: ${processed} processed, ${cached} from the cache (${path.relative(process.cwd(), media.images.folder) || "."})`);
}
