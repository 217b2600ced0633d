/** Static assets (stylesheet, images) copied as they are into the site. */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "../types.ts";

/** Folders copied to the same path in the site. */
export const ASSET_DIRS = ["assets"] as const;

/** Does the build copy a file to `relativePath` (e.g. `assets/css/site.css`)? */
export function isCopiedFile(relativePath: string, root = process.cwd()): boolean {
  const normalized = path.posix.normalize(relativePath);
  if (Object.values(ROOT_FILES).includes(normalized)) return true;
  if (!ASSET_DIRS.some((dir) => normalized.startsWith(`${dir}/`))) return false;
  const file = path.join(root, normalized);
  return existsSync(file) && statSync(file).isFile();
}

/** Files copied to the root of the site, where browsers and crawlers ask for them. */
export const ROOT_FILES: Readonly<Record<string, string>> = { "assets/favicon.ico": "favicon.ico" };

export function assetsPlugin(config: UserConfig): void {
  for (const dir of ASSET_DIRS) config.addPassthroughCopy({ [dir]: dir });
  for (const [from, to] of Object.entries(ROOT_FILES)) config.addPassthroughCopy({ [from]: to });
}
