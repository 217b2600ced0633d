/**
 * Loads the archive (src/content/load.ts) once per build, before Eleventy
 * reads any template, and hands it to the pages as the global `archive`.
 * A content error stops the build before anything is written.
 */
import path from "node:path";
import { loadArchive } from "../content/load.ts";
import { crossLinks } from "../content/links.ts";
import type { Archive } from "../content/model.ts";
import { ContentError, formatProblem } from "../content/source.ts";
import { createMarkdown } from "../markdown/index.ts";
import type { UserConfig } from "../types.ts";
import { buildListings, type Listing } from "../views/listings.ts";

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
  #listings: Listing[] | undefined;
  set(archive: Archive): void {
    this.#current = archive;
    this.#listings = undefined;
  }
  /** Blog, tag and author list pages, computed once per load. */
  get listings(): Listing[] {
    return (this.#listings ??= buildListings(this.current));
  }
  get current(): Archive {
    if (!this.#current) throw new Error("The archive was read before it was loaded (eleventy.before did not run).");
    return this.#current;
  }
}

export function contentPlugin(config: UserConfig, options: Partial<ContentOptions> = {}): ArchiveStore {
  const settings = { ...DEFAULTS, ...options };
  const store = new ArchiveStore();
  const markdown = createMarkdown({ plugins: [crossLinks] });

  config.on("eleventy.before", async ({ runMode }: { runMode: string }) => {
    let archive: Archive;
    try {
      archive = await loadArchive({
        root: process.cwd(),
        postsDir: settings.postsDir,
        dataDir: settings.dataDir,
        includeDrafts: settings.drafts ?? runMode === "serve",
        markdown,
      });
    } catch (error) {
      if (error instanceof ContentError && runMode === "build") {
        // A plain list of problems, without Eleventy's stack traces; nothing has been written yet.
        console.error(`[backlist] ${error.message}`);
        process.exit(1);
      }
      throw error;
    }
    for (const warning of archive.warnings) console.warn(`[backlist] warning: ${formatProblem(warning)}`);
    store.set(archive);
  });
  config.addGlobalData("archive", () => store);
  config.addWatchTarget(path.join(settings.postsDir, "**/*.md"));
  config.addWatchTarget(path.join(settings.dataDir, "*"));
  return store;
}
