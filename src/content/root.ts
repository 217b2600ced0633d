/**
 * Where the archive's posts and data files are. A project's own archive is
 * `posts/` and `_data/` at its root. A fresh copy of Backlist has none yet:
 * it shows the sample archive kept in `sample/` (its `posts/` and `_data/`)
 * until `npm run init` starts an archive of one's own, and the sample stays
 * there for the tests and for anyone who wants to look at it
 * (`npm run sample`). `BACKLIST_CONTENT=<folder>` chooses a folder holding
 * `posts/` and `_data/` explicitly.
 */
import { existsSync } from "node:fs";
import path from "node:path";

export const SAMPLE_DIR = "sample";

export interface ContentDirs {
  /** Folder of the posts, relative to the project root. */
  postsDir: string;
  /** Folder of the data files, relative to the project root. */
  dataDir: string;
  /** Whether these are the sample archive's, shown because the project has no archive of its own. */
  sample: boolean;
}

/** The content folders of the project at `root`. */
export function contentDirs(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): ContentDirs {
  const chosen = env.BACKLIST_CONTENT;
  if (chosen) {
    const base = path.posix.normalize(chosen.split(path.sep).join("/")).replace(/\/+$/, "");
    const inside = base === "." ? "" : `${base}/`;
    return { postsDir: `${inside}posts`, dataDir: `${inside}_data`, sample: base === SAMPLE_DIR };
  }
  const own = existsSync(path.join(root, "_data")) || existsSync(path.join(root, "posts"));
  if (!own && existsSync(path.join(root, SAMPLE_DIR, "_data"))) {
    return { postsDir: `${SAMPLE_DIR}/posts`, dataDir: `${SAMPLE_DIR}/_data`, sample: true };
  }
  return { postsDir: "posts", dataDir: "_data", sample: false };
}
