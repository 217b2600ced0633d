/**
 * The dev server, `npm start`: Eleventy's watch and serve, with live reload,
 * drafts built, into `_dev-site/` (never `_site/`), on 127.0.0.1:
 *
 *     npm start [-- --port 8080] [--host 0.0.0.0] [other Eleventy options]
 *
 * `--host` is Backlist's: the address to listen on (127.0.0.1 by default;
 * `0.0.0.0` for every interface, to look at the archive from another
 * device, drafts and all). The other arguments go to Eleventy. Eleventy
 * runs in this process (its command-line entry point), so stopping this
 * command stops it.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { DEV_OUTPUT } from "../plugins/dev.ts";
import { isMain } from "./command.ts";

export const DEFAULT_PORT = "8080";

/** Eleventy's arguments for `npm start` with `args`, and the host to listen on; or an error message. */
export function startArguments(args: readonly string[]): { host?: string; eleventy: string[] } | { error: string } {
  const eleventy: string[] = [];
  let host: string | undefined;
  let port = DEFAULT_PORT;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (name === "--host") {
      host = value();
      if (!host) return { error: "--host needs an address, such as 127.0.0.1 or 0.0.0.0" };
    } else if (name === "--port") {
      port = value() ?? "";
      if (!/^\d+$/.test(port) || Number(port) > 65535) return { error: `--port needs a port number, not "${port}"` };
    } else if (name === "--output") {
      return { error: `the dev server always writes to ${DEV_OUTPUT}/; --output is for \`npm run build\`` };
    } else {
      eleventy.push(arg);
    }
  }
  return { host, eleventy: ["--serve", "--port", port, `--output=${DEV_OUTPUT}`, ...eleventy] };
}

function main(): void {
  const parsed = startArguments(process.argv.slice(2));
  if ("error" in parsed) {
    console.error(`backlist start: ${parsed.error}`);
    process.exitCode = 2;
    return;
  }
  // Read by the dev plugin (src/plugins/dev.ts) when Eleventy loads the config.
  if (parsed.host) process.env.BACKLIST_DEV_HOST = parsed.host;
  const require = createRequire(import.meta.url);
  // The project's Eleventy, as `npm run build` runs it (the package does not export this path).
  const cmd = path.resolve("node_modules/@11ty/eleventy/cmd.cjs");
  process.argv = [process.argv[0] ?? process.execPath, cmd, ...parsed.eleventy];
  require(cmd);
}

if (isMain(import.meta.url)) main();
