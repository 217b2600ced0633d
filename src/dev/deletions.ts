/**
 * The dev server (`npm start`) rebuilds when a watched file changes or is
 * added, but Eleventy does nothing when one is deleted or renamed away: a
 * deleted post stayed on the home page until a restart. This watches the
 * archive's folders for files that disappear and then touches a small file
 * of Backlist's own, which Eleventy watches, so the next rebuild reads the
 * archive without them.
 */
import { existsSync, mkdirSync, watch, writeFileSync, type FSWatcher } from "node:fs";
import path from "node:path";

/** Watched by Eleventy (src/plugins/content.ts); written when an archive file disappears. */
export const REBUILD_TRIGGER = ".cache/backlist/rebuild";

/** Files whose disappearance changes the site. */
export function isArchiveFile(name: string): boolean {
  return /\.(md|ya?ml|json)$/i.test(name);
}

let watchers: FSWatcher[] | undefined;

/** Starts watching `folders` (once per process) for archive files that are deleted or renamed away. */
export function watchDeletions(folders: readonly string[], root: string = process.cwd()): void {
  if (watchers) return;
  watchers = [];
  const trigger = path.join(root, REBUILD_TRIGGER);
  const touch = (): void => {
    mkdirSync(path.dirname(trigger), { recursive: true });
    writeFileSync(trigger, `${Date.now()}\n`);
  };
  touch();
  for (const folder of folders) {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) continue;
    try {
      const watcher = watch(dir, { recursive: true }, (event, name) => {
        if (event !== "rename" || !name) return;
        const file = path.join(dir, name.toString());
        // A rename event for a file that is still there is an addition, which Eleventy sees itself.
        if ((isArchiveFile(file) || !path.extname(file)) && !existsSync(file)) touch();
      });
      watcher.unref();
      watchers.push(watcher);
    } catch {
      // No recursive watching here: deletions are seen at the next change instead.
    }
  }
}
