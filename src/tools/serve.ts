/**
 * `npm run preview`: a small static file server for the built site, to look
 * at the production build as a host would serve it (the browser tests use
 * it too):
 *
 *     npm run preview -- [ROOT] [--port 8089] [--host 127.0.0.1] [--headers] [--prefix /archive/]
 *
 * ROOT defaults to `_site`. It behaves like a plain static host:
 *   - `/dir/` serves `dir/index.html`; `/dir` redirects to `/dir/`;
 *   - a missing path answers 404 with `ROOT/404.html` when there is one;
 *   - only GET and HEAD; nothing outside ROOT is ever served.
 * It refuses to start when ROOT has no `index.html` (the site is not built).
 * With `--headers` it also sends the headers of `ROOT/_headers`, as Netlify
 * and Cloudflare Pages do (src/security/headers.ts). With `--prefix` it
 * serves ROOT under that path, as a host serves a site built with
 * `PATH_PREFIX`: `/archive/tags/` is `ROOT/tags/index.html`, and any path
 * outside the prefix answers 404.
 */
import { createReadStream, existsSync, readFileSync, statSync, type Stats } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { headersFor, parseHeadersFile } from "../security/headers.ts";
import { isMain } from "./command.ts";

export const USAGE = `usage: npm run preview -- [folder] [--port 8089] [--host 127.0.0.1] [--headers] [--prefix /archive/]

Serves a built site (by default _site/, as npm run build writes it) the way a
plain static host does: /dir/ is dir/index.html, a missing path gets 404.html,
nothing outside the folder is ever served.

  folder          the built site (default _site)
  --port N        the port (default 8089; 0 picks a free one)
  --host H        the address to listen on (default 127.0.0.1, this machine only)
  --headers       also send the headers of the site's _headers file (its
                  Content-Security-Policy), as Netlify and Cloudflare Pages do
  --prefix P      serve the site under a path, as built with PATH_PREFIX
                  (default: $PATH_PREFIX, else /)
  --help          this text`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
  ".pdf": "application/pdf",
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** What to answer for a request path, decided from the file system. */
export type Resolution =
  | { kind: "file"; file: string; stats: Stats }
  | { kind: "redirect"; location: string }
  | { kind: "not-found" }
  | { kind: "bad-request" };

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** Maps a URL pathname (still percent-encoded) to a file under `root`. */
export function resolveRequest(root: string, pathname: string, search = ""): Resolution {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: "bad-request" };
  }
  if (!decoded.startsWith("/") || decoded.includes("\0")) return { kind: "bad-request" };

  const absRoot = path.resolve(root);
  const target = path.resolve(absRoot, "." + path.posix.normalize(decoded));
  if (target !== absRoot && !target.startsWith(absRoot + path.sep)) return { kind: "not-found" };

  const stats = statOrNull(target);
  if (stats?.isDirectory()) {
    if (!pathname.endsWith("/")) {
      // Collapse leading slashes so the Location can never be protocol-relative.
      return { kind: "redirect", location: "/" + pathname.replace(/^\/+/, "") + "/" + search };
    }
    const index = path.join(target, "index.html");
    const indexStats = statOrNull(index);
    return indexStats?.isFile()
      ? { kind: "file", file: index, stats: indexStats }
      : { kind: "not-found" };
  }
  if (stats?.isFile()) return { kind: "file", file: target, stats };
  return { kind: "not-found" };
}

function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  file: string,
  stats: Stats,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...extra,
    "Content-Type": contentType(file),
    "Content-Length": stats.size,
    "Cache-Control": "no-cache",
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
}

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
  res.end(text + "\n");
}

export interface StaticServerOptions {
  /** Send the headers of `root/_headers` with every file. */
  headers?: boolean;
  /** The path the site is served under (`/archive/`); `/` by default. */
  prefix?: string;
}

/** A path prefix as `/name/`: leading and trailing slash, `/` for none. */
export function normalizePrefix(prefix = "/"): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** An HTTP server for the static files under `root` (not yet listening). */
export function createStaticServer(root: string, options: StaticServerOptions = {}): Server {
  const notFoundPage = path.join(path.resolve(root), "404.html");
  const prefix = normalizePrefix(options.prefix);
  const mount = prefix.slice(0, -1); // "" at the root
  const headerRules = options.headers ? parseHeadersFile(readFileSync(path.join(root, "_headers"), "utf8")) : [];
  return createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendText(res, 405, "Method Not Allowed", { Allow: "GET, HEAD" });
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    if (mount && url.pathname === mount) {
      res.writeHead(301, { Location: prefix + url.search });
      res.end();
      return;
    }
    if (!url.pathname.startsWith(prefix)) {
      sendText(res, 404, "Not Found (outside the site's path prefix)");
      return;
    }
    const resolution = resolveRequest(root, url.pathname.slice(mount.length), url.search);
    const extra = headersFor(headerRules, url.pathname);
    switch (resolution.kind) {
      case "file":
        sendFile(req, res, 200, resolution.file, resolution.stats, extra);
        return;
      case "redirect":
        res.writeHead(301, { Location: mount + resolution.location });
        res.end();
        return;
      case "bad-request":
        sendText(res, 400, "Bad Request");
        return;
      case "not-found": {
        const stats = statOrNull(notFoundPage);
        if (stats?.isFile()) sendFile(req, res, 404, notFoundPage, stats, extra);
        else sendText(res, 404, "Not Found");
        return;
      }
    }
  });
}

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        port: { type: "string", short: "p", default: "8089" },
        host: { type: "string", default: "127.0.0.1" },
        headers: { type: "boolean", default: false },
        prefix: { type: "string", default: process.env.PATH_PREFIX || "/" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`serve: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const root = path.resolve(positionals[0] ?? "_site");
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: bad port ${values.port}`);
    return 2;
  }
  if (!existsSync(path.join(root, "index.html"))) {
    console.error(
      `serve: ${root}/index.html does not exist; build the site first (npm run build).`,
    );
    return 1;
  }
  const server = createStaticServer(root, { headers: values.headers, prefix: values.prefix });
  server.on("error", (err) => {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, values.host, () => {
    const address = server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    console.log(
      `serve: ${path.relative(process.cwd(), root) || "."} at http://${values.host}:${actualPort}${normalizePrefix(values.prefix)}`,
    );
  });
  const stop = (): void => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return 0;
}

if (isMain(import.meta.url)) {
  const code = main();
  if (code !== 0) process.exitCode = code;
}
