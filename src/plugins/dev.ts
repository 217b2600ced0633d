/**
 * The dev server (`npm start`, src/tools/start.ts), kept to its own
 * machine and its own folder:
 *
 * - it listens on 127.0.0.1 unless `--host` names another address
 *   (Eleventy's server listens on every interface and has no option for it);
 * - a malformed request path gets `400 Bad Request` at once
 *   (src/dev/requests.ts), and any failure inside the server a `500`;
 * - it writes to `_dev-site/`, never `_site/`: drafts are built there, and
 *   `_site/` is what a deploy uploads. Serving or watching into `_site/`
 *   stops with a message.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { rejectedRequest } from "../dev/requests.ts";
import type { UserConfig } from "../types.ts";

/** The dev server's output folder (gitignored). */
export const DEV_OUTPUT = "_dev-site";
/** The production output folder, which the dev server never writes. */
const PRODUCTION_OUTPUT = "_site";
/** Where the dev server listens unless told otherwise. */
export const DEFAULT_HOST = "127.0.0.1";

/** The address to listen on: `BACKLIST_DEV_HOST` (set by `npm start -- --host …`), else 127.0.0.1. */
export function devHost(env: NodeJS.ProcessEnv = process.env): string {
  return env.BACKLIST_DEV_HOST?.trim() || DEFAULT_HOST;
}

interface DevServerInstance {
  server: Server;
}
interface DevServerClass {
  prototype: { _serverListen(this: DevServerInstance, port: number): void };
}

/** Make Eleventy's dev server listen on `host` only. */
function listenOn(host: string): void {
  const require = createRequire(import.meta.url);
  const DevServer = require("@11ty/eleventy-dev-server") as DevServerClass;
  DevServer.prototype._serverListen = function (this: DevServerInstance, port: number) {
    this.server.listen({ port, host });
  };
}

type Next = () => Promise<void> | void;

/** Eleventy dev server middleware: malformed paths answered with 400, failures with 500. */
export async function guardRequests(req: IncomingMessage, res: ServerResponse, next: Next): Promise<void> {
  if (rejectedRequest(req.url) !== undefined) {
    res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Bad Request\n");
    return;
  }
  try {
    await next();
  } catch {
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error\n");
  }
}

export function devPlugin(config: UserConfig): void {
  const host = devHost();
  listenOn(host);
  const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  config.setServerOptions({
    middleware: [guardRequests],
    messageOnStart: ({ hosts }: { hosts?: string[] }) =>
      `Server at ${(hosts ?? []).filter((url) => url.includes("//localhost:")).map((url) => url.replace("//localhost:", `//${shown}:`)).join(" or ")}` +
      (shown === "localhost" ? ` (listening on ${host}: every interface)` : ""),
  });
  config.on("eleventy.before", ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    if (runMode === "build") return;
    if (path.resolve(directories.output) === path.resolve(PRODUCTION_OUTPUT)) {
      console.error(
        `[backlist] the dev server writes to ${DEV_OUTPUT}/ (drafts included), never to ${PRODUCTION_OUTPUT}/, which a deploy uploads: start it with \`npm start\`.`,
      );
      process.exit(1);
    }
  });
}
