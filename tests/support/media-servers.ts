/**
 * Local HTTP servers on 127.0.0.1 for the media engine (src/media/): an old
 * blog host serving some uploads, 404 and 410 for others, one that never
 * answers, a redirect loop, a huge file, a web page where an image should
 * be, hostile names; and a web archive answering the availability API and
 * serving its snapshots' original bytes at `/web/<timestamp>id_/<url>`.
 * Every request is counted.
 */
import http from "node:http";
import { type CountingServer, listen } from "./link-servers.ts";
import { makePng } from "../../src/media/png.ts";

/** The old host's and the archive's servers record their requests like the link checker's (tests/support/link-servers.ts). */
export type MediaServer = CountingServer;

export const DIAGRAM = makePng({ width: 64, height: 48, seed: 11 });
export const ARCHIVED = makePng({ width: 32, height: 24, seed: 12 });
export const HOSTILE = makePng({ width: 8, height: 8, seed: 13 });

/** The old host's paths, and what each does. */
export const OLD = {
  diagram: "/wp-content/uploads/2008/06/diagram.png",
  gone: "/wp-content/uploads/2008/06/gone.png",
  lost: "/wp-content/uploads/2008/06/lost.png",
  slides: "/wp-content/uploads/2008/06/slides.pdf",
  slow: "/wp-content/uploads/2008/06/slow.png",
  loopA: "/loop/a.png",
  loopB: "/loop/b.png",
  moved: "/old/diagram.png",
  huge: "/wp-content/uploads/2008/06/huge.png",
  streamed: "/wp-content/uploads/2008/06/streamed.png",
  page: "/wp-content/uploads/2008/06/parked.png",
  hostileEncoded: "/wp-content/uploads/%2e%2e%2f%2e%2e%2fx.png",
  hostileDots: "/wp-content/uploads/..%5C..%5Cevil.png",
  noExtension: "/media/photo",
  thumbnail: "/wp-content/uploads/2008/06/diagram-300x200.png",
  upperCase: "/wp-content/uploads/2008/07/Screenshot.PNG",
  controlName: "/wp-content/uploads/2008/07/bad%07%1Bname.png",
} as const;

/** The resized copy WordPress made of the diagram, and the screenshot with an upper-case extension. */
export const THUMBNAIL = makePng({ width: 30, height: 20, seed: 14 });
export const SCREENSHOT = makePng({ width: 40, height: 30, seed: 15 });

/** Bytes the huge files send: more than the tests' cap. */
export const HUGE = 256 * 1024;

export function oldHost(): Promise<MediaServer> {
  return listen((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const send = (type: string, body: Buffer | string) => {
      res.writeHead(200, { "content-type": type, "content-length": Buffer.byteLength(body) });
      res.end(body);
    };
    switch (path) {
      case OLD.diagram:
        return send("image/png", DIAGRAM);
      case OLD.slides:
        return send("application/pdf", "%PDF-1.4\n%%EOF\n");
      case OLD.gone:
        res.writeHead(404).end();
        return;
      case OLD.lost:
        res.writeHead(410).end();
        return;
      case OLD.slow:
        return; // never answers
      case OLD.loopA:
        res.writeHead(301, { location: OLD.loopB }).end();
        return;
      case OLD.loopB:
        res.writeHead(302, { location: OLD.loopA }).end();
        return;
      case OLD.moved:
        res.writeHead(301, { location: OLD.diagram }).end();
        return;
      case OLD.huge:
        res.writeHead(200, { "content-type": "image/png", "content-length": HUGE });
        res.end(Buffer.alloc(HUGE));
        return;
      case OLD.streamed:
        // No Content-Length: the cap is enforced while the body arrives.
        res.writeHead(200, { "content-type": "image/png" });
        for (let i = 0; i < 8; i++) res.write(Buffer.alloc(HUGE / 4));
        res.end();
        return;
      case OLD.page:
        return send("text/html; charset=utf-8", "<!doctype html><title>This domain is for sale</title>");
      case OLD.hostileEncoded:
      case OLD.hostileDots:
        return send("image/png", HOSTILE);
      case OLD.noExtension:
        return send("image/jpeg", DIAGRAM);
      case OLD.thumbnail:
        return send("image/png", THUMBNAIL);
      case OLD.upperCase:
        return send("image/png", SCREENSHOT);
      case OLD.controlName:
        return send("image/png", HOSTILE);
      default:
        res.writeHead(404).end();
    }
  });
}

/**
 * A web archive: `GET /wayback/available?url=…&timestamp=…` answers with a
 * snapshot for each URL of `copies` (URL → timestamp), and
 * `/web/<timestamp>id_/<url>` serves `ARCHIVED`; the replay form without
 * `id_` serves a web page, as the Wayback Machine's would.
 */
export function mediaArchive(copies: Record<string, string>): Promise<MediaServer & { endpoint: string; asked: string[] }> {
  let origin = "";
  const asked: string[] = [];
  return listen((req, res) => {
    const url = new URL(req.url ?? "/", "http://archive.invalid");
    if (url.pathname === "/wayback/available") {
      const page = url.searchParams.get("url") ?? "";
      asked.push(`${page} @ ${url.searchParams.get("timestamp") ?? ""}`);
      const timestamp = copies[page];
      const body = timestamp
        ? { url: page, archived_snapshots: { closest: { status: "200", available: true, url: `${origin}/web/${timestamp}/${page}`, timestamp } } }
        : { url: page, archived_snapshots: {} };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
      return;
    }
    if (/^\/web\/\d{14}id_\//.test(url.pathname)) {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(ARCHIVED);
      return;
    }
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>Wayback replay</title>");
  }).then((server) => {
    origin = server.origin;
    return Object.assign(server, { endpoint: `${server.origin}/wayback/available`, asked });
  });
}
