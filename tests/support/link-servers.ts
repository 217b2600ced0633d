/**
 * Local HTTP servers on 127.0.0.1 playing the web an old archive links to:
 * live pages, 404 and 410, a page that never answers, one that resets the
 * connection, redirect chains and loops, a server that refuses HEAD, an old
 * article redirected to the home page, a site that refuses robots; and a web
 * archive answering the Wayback Machine's availability API. Every request is
 * counted, so a test can say that a run asked nothing.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingServer {
  origin: string;
  /** `METHOD /path?query` of every request, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** A server on a free local port that records every request it is sent. */
export async function listen(handler: http.RequestListener): Promise<CountingServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The paths of the old web, and what each does. */
export const PATHS = {
  live: "/2008/06/xen-summit.html",
  notFound: "/press/2008/red-hat-kvm.html",
  gone: "/products/ovirt-beta.html",
  slow: "/slow/hyper-v-rtm.html",
  reset: "/reset/citrix-xenserver.html",
  chainStart: "/chain/one.html",
  chainEnd: "/2008/new-home-of-the-article.html",
  loopA: "/loop/a.html",
  loopB: "/loop/b.html",
  noHead: "/no-head/sun-xvm.html",
  toHome: "/blog/2008/06/hypervisor-wars.html",
  forbidden: "/members/only.html",
} as const;

/** The old web: one server, every case at its own path. */
export function oldWeb(): Promise<CountingServer> {
  return listen((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const page = () => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(req.method === "HEAD" ? undefined : "<!doctype html><title>page</title><p>Still here.</p>");
    };
    const redirect = (to: string, code = 301) => {
      res.writeHead(code, { location: to });
      res.end();
    };
    switch (path) {
      case PATHS.live:
      case PATHS.chainEnd:
      case "/":
        return page();
      case PATHS.notFound:
        res.writeHead(404).end();
        return;
      case PATHS.gone:
        res.writeHead(410).end();
        return;
      case PATHS.slow:
        // Never answers; the checker's timeout ends it.
        return;
      case PATHS.reset:
        req.socket.destroy();
        return;
      case PATHS.chainStart:
        return redirect("/chain/two.html");
      case "/chain/two.html":
        return redirect(PATHS.chainEnd, 302);
      case PATHS.loopA:
        return redirect(PATHS.loopB);
      case PATHS.loopB:
        return redirect(PATHS.loopA, 302);
      case PATHS.noHead:
        if (req.method === "HEAD") {
          res.writeHead(405, { allow: "GET" }).end();
          return;
        }
        return page();
      case PATHS.toHome:
        return redirect("/");
      case PATHS.forbidden:
        res.writeHead(403).end();
        return;
      default:
        res.writeHead(404).end();
    }
  });
}

/**
 * A web archive answering `GET /wayback/available?url=…&timestamp=…` as the
 * Wayback Machine does: a copy for each URL in `copies` (URL → timestamp),
 * `{"archived_snapshots": {}}` for any other.
 */
export function webArchive(copies: Record<string, string>): Promise<CountingServer & { endpoint: string }> {
  let origin = "";
  return listen((req, res) => {
    const url = new URL(req.url ?? "/", "http://archive.invalid");
    const page = url.searchParams.get("url") ?? "";
    const timestamp = copies[page];
    const body = timestamp
      ? {
          url: page,
          archived_snapshots: {
            closest: { status: "200", available: true, url: `${origin}/web/${timestamp}/${page}`, timestamp },
          },
        }
      : { url: page, archived_snapshots: {} };
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }).then((server) => {
    origin = server.origin;
    return Object.assign(server, { endpoint: `${server.origin}/wayback/available` });
  });
}
