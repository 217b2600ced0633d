/**
 * Checking external links (issue 15) against local servers on 127.0.0.1:
 * live, 404, 410, a name under `.invalid`, a timeout, a reset connection,
 * redirect chains and loops, a server refusing HEAD, an old article sent to
 * the home page, a site refusing robots; the web archive with and without a
 * copy; and a second run within the age limit asking nothing.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { checkLink, limitedByHost } from "../../src/links/check.ts";
import type { Citation, LinkRecord } from "../../src/links/model.ts";
import { parseAge, runLinks, type RunOptions } from "../../src/links/run.ts";
import { findSnapshot, timestampToIso, waybackTimestamp } from "../../src/links/wayback.ts";
import { type CountingServer, PATHS, oldWeb, webArchive } from "../support/link-servers.ts";

const OPTIONS = { timeout: 400, userAgent: "Backlist tests" };
let web: CountingServer;
let archive: CountingServer & { endpoint: string };
const at = (path: string) => `${web.origin}${path}`;

before(async () => {
  web = await oldWeb();
  archive = await webArchive({ [`${(await Promise.resolve(web)).origin}${PATHS.notFound}`]: "20080624101500" });
});
after(async () => {
  await web.close();
  await archive.close();
});

describe("checkLink", () => {
  it("finds a live page alive with one HEAD request", async () => {
    const before = web.requests.length;
    const result = await checkLink(at(PATHS.live), OPTIONS);
    assert.deepEqual({ status: result.status, code: result.code, requests: result.requests }, { status: "alive", code: 200, requests: 1 });
    assert.deepEqual(web.requests.slice(before), [`HEAD ${PATHS.live}`]);
  });

  it("sends a polite user agent", async () => {
    let seen: string | undefined;
    const { createServer } = await import("node:http");
    const server = createServer((req, res) => {
      seen = req.headers["user-agent"];
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    await checkLink(`http://127.0.0.1:${port}/`, { userAgent: "Mozilla/5.0 (compatible; Backlist link checker; +https://example.org)" });
    server.close();
    assert.equal(seen, "Mozilla/5.0 (compatible; Backlist link checker; +https://example.org)");
  });

  it("finds 404 and 410 dead, with the status, after trying GET too", async () => {
    const notFound = await checkLink(at(PATHS.notFound), OPTIONS);
    assert.deepEqual([notFound.status, notFound.code, notFound.requests], ["dead", 404, 2]);
    const gone = await checkLink(at(PATHS.gone), OPTIONS);
    assert.deepEqual([gone.status, gone.code], ["dead", 410]);
  });

  it("finds a name under .invalid dead without asking a name server", async () => {
    const result = await checkLink("http://press.vendor.invalid/2008/release.html", OPTIONS);
    assert.deepEqual([result.status, result.error], ["dead", "DNS: no such host"]);
  });

  it("gives up on a server that never answers, as a timeout", async () => {
    const result = await checkLink(at(PATHS.slow), OPTIONS);
    assert.deepEqual([result.status, result.error, result.requests], ["dead", "timeout", 1]);
  });

  it("finds a connection reset dead, after trying GET too", async () => {
    const result = await checkLink(at(PATHS.reset), OPTIONS);
    assert.deepEqual([result.status, result.error, result.requests], ["dead", "connection reset", 2]);
  });

  it("follows a redirect chain and records where it ends", async () => {
    const result = await checkLink(at(PATHS.chainStart), OPTIONS);
    assert.deepEqual([result.status, result.code, result.finalUrl], ["moved", 200, at(PATHS.chainEnd)]);
  });

  it("detects a redirect loop", async () => {
    const result = await checkLink(at(PATHS.loopA), OPTIONS);
    assert.equal(result.status, "dead");
    assert.equal(result.error, `redirect loop at ${at(PATHS.loopA)}`);
  });

  it("stops after the redirect limit", async () => {
    const result = await checkLink(at(PATHS.chainStart), { ...OPTIONS, maxRedirects: 1 });
    assert.deepEqual([result.status, result.error], ["dead", "more than 1 redirects"]);
  });

  it("asks with GET when HEAD is refused", async () => {
    const before = web.requests.length;
    const result = await checkLink(at(PATHS.noHead), OPTIONS);
    assert.equal(result.status, "alive");
    assert.deepEqual(web.requests.slice(before), [`HEAD ${PATHS.noHead}`, `GET ${PATHS.noHead}`]);
  });

  it("takes an old article sent to the home page for dead, not moved", async () => {
    const result = await checkLink(at(PATHS.toHome), OPTIONS);
    assert.deepEqual([result.status, result.error, result.finalUrl], ["dead", "redirects to the site's home page", at("/")]);
  });

  it("leaves a link unchecked when the site refuses the checker", async () => {
    const result = await checkLink(at(PATHS.forbidden), OPTIONS);
    assert.deepEqual([result.status, result.code], ["unchecked", 403]);
  });
});

describe("limitedByHost", () => {
  it("never runs more than the limit per host at once, and keeps the results in order", async () => {
    const running = new Map<string, number>();
    let most = 0;
    const items = ["a/1", "a/2", "a/3", "a/4", "b/1", "b/2"];
    const results = await limitedByHost(
      items,
      (item) => item.split("/")[0]!,
      async (item) => {
        const host = item.split("/")[0]!;
        running.set(host, (running.get(host) ?? 0) + 1);
        most = Math.max(most, running.get(host)!);
        await new Promise((resolve) => setImmediate(resolve));
        running.set(host, running.get(host)! - 1);
        return item.toUpperCase();
      },
      { perHost: 2, total: 3 },
    );
    assert.equal(most, 2);
    assert.deepEqual(results, items.map((item) => item.toUpperCase()));
  });
});

describe("the web archive", () => {
  it("gives the copy nearest the date asked, with its date", async () => {
    const snapshot = await findSnapshot(at(PATHS.notFound), Date.parse("2008-06-24T00:00:00Z"), { endpoint: archive.endpoint, timeout: 1000, userAgent: "t" });
    assert.deepEqual(snapshot, { url: `${archive.origin}/web/20080624101500/${at(PATHS.notFound)}`, date: "2008-06-24T10:15:00Z" });
    assert.match(archive.requests.at(-1) ?? "", /timestamp=20080624000000/);
  });

  it("says when it has no copy", async () => {
    assert.equal(await findSnapshot(at(PATHS.gone), undefined, { endpoint: archive.endpoint, timeout: 1000, userAgent: "t" }), undefined);
  });

  it("reads and writes the API's timestamps", () => {
    assert.equal(waybackTimestamp(Date.parse("2008-06-24T10:15:00Z")), "20080624101500");
    assert.equal(timestampToIso("20080624"), "2008-06-24T00:00:00Z");
    assert.equal(timestampToIso("2008-06-24"), undefined);
  });
});

describe("runLinks", () => {
  const POST_DATE = Date.parse("2008-06-20T12:00:00Z");
  const cite = (): Citation[] => [{ file: "posts/main/2008/xen.md", post: "posts/main/2008/xen.md", date: POST_DATE }];
  const options = (now: number): RunOptions => ({
    now,
    olderThan: parseAge("90d")!,
    check: OPTIONS,
    perHost: 2,
    total: 4,
    archive: { enabled: true, all: false, endpoint: archive.endpoint },
  });

  it("checks each link once, asks the archive for the dead ones as of the post's date, and a second run asks nothing", async () => {
    const citations = new Map([
      [at(PATHS.live), cite()],
      [at(PATHS.notFound), cite()],
      [at(PATHS.gone), cite()],
      [at(PATHS.chainStart), cite()],
    ]);
    const webBefore = web.requests.length;
    const archiveBefore = archive.requests.length;
    const now = Date.parse("2026-12-02T09:30:00Z");
    const first = await runLinks(citations, [], options(now));
    assert.deepEqual(
      first.records.map((r) => [r.url, r.status, r.archived?.date ?? null]),
      // In URL order: /2008/…, /chain/…, /press/…, /products/….
      [
        [at(PATHS.live), "alive", null],
        [at(PATHS.chainStart), "moved", null],
        [at(PATHS.notFound), "dead", "2008-06-24T10:15:00Z"],
        [at(PATHS.gone), "dead", null],
      ],
    );
    assert.equal(first.records[1]?.final_url, at(PATHS.chainEnd));
    assert.ok(first.records.every((r) => r.checked === "2026-12-02T09:30:00Z"));
    // Two dead links asked about, as of the post's date.
    const asked = archive.requests.slice(archiveBefore);
    assert.equal(asked.length, 2);
    assert.ok(asked.every((line) => line.includes("timestamp=20080620120000")), asked.join("\n"));
    assert.ok(web.requests.length > webBefore);

    const webAfter = web.requests.length;
    const archiveAfter = archive.requests.length;
    const second = await runLinks(citations, first.records, options(now + 30 * 86_400_000));
    assert.equal(web.requests.length, webAfter, "no request to the old web");
    assert.equal(archive.requests.length, archiveAfter, "no request to the archive");
    assert.deepEqual(second.records, first.records);
    assert.equal(second.checked, 0);

    // Past the age limit, everything is checked again; the copy found is kept.
    const third = await runLinks(citations, first.records, options(now + 91 * 86_400_000));
    assert.equal(third.checked, 4);
    assert.ok(web.requests.length > webAfter);
    assert.equal(third.records.find((r) => r.url === at(PATHS.notFound))?.archived?.date, "2008-06-24T10:15:00Z");
  });

  it("drops records of links no longer cited", async () => {
    const old: LinkRecord = { url: "https://gone.example/", status: "alive", checked: "2026-12-01T00:00:00Z" };
    const summary = await runLinks(new Map(), [old], options(Date.parse("2026-12-02T00:00:00Z")));
    assert.deepEqual([summary.records, summary.forgotten], [[], 1]);
  });
});

describe("parseAge", () => {
  it("reads days, weeks, hours, minutes and 0", () => {
    assert.deepEqual(["90d", "2w", "6h", "30m", "0"].map(parseAge), [90 * 86_400_000, 14 * 86_400_000, 6 * 3_600_000, 1_800_000, 0]);
    assert.equal(parseAge("90"), undefined);
    assert.equal(parseAge("soon"), undefined);
  });
});
