/** What the commands in src/tools share: knowing they were run, not imported; reporting a user error. */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { ToolError } from "../import/project.ts";

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

/**
 * Run a command that prints what `work` returns: a `ToolError` (a mistake
 * of the user's) is printed as `backlist <name>: message` with exit code 1;
 * anything else is a bug and is thrown with its stack.
 */
export async function runTool(name: string, work: () => Promise<string>): Promise<number> {
  try {
    console.log(await work());
    return 0;
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    console.error(`backlist ${name}: ${error.message}`);
    return 1;
  }
}
