/** What every command in src/tools shares: knowing it was run, not imported. */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";

/**
 * Whether the module at `moduleUrl` (its `import.meta.url`) is the script
 * Node was started with, also when started through a symbolic link to src/
 * (as the build tests' throwaway projects do) — not when it is imported.
 */
export function isMain(moduleUrl: string): boolean {
  const invoked = process.argv[1];
  if (!invoked) return false;
  try {
    return moduleUrl === pathToFileURL(realpathSync(invoked)).href;
  } catch {
    return false;
  }
}
