/**
 * Every link of the built site leads somewhere: from the home page (and the
 * 404 page and robots.txt, which hosts serve without a link to them), every
 * internal link, asset and feed of every page answers 200, every
 * `#fragment` is an id of its page, and every page of the sitemap is linked
 * from another page. Then the same for a build with `PATH_PREFIX=/archive/`
 * served under `/archive/` only, where no link may leave the prefix.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createStaticServer } from "../../src/tools/serve.ts";
import { crawl, readHtml, summary, type CrawlReport } from "./crawler.ts";

const EXTRA_SEEDS = ["404.html", "robots.txt"];

/** The home page's canonical URL: where the site says it lives. */
async function publicBase(request: APIRequestContext, home: string): Promise<string> {
  const html = await (await request.get(home)).text();
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  expect(canonical, "the home page's canonical URL").toBeTruthy();
  return canonical as string;
}

/** Site paths of the sitemap's pages. */
async function sitemapPaths(request: APIRequestContext, sitemap: string): Promise<string[]> {
  const response = await request.get(sitemap);
  expect(response.status(), sitemap).toBe(200);
  return [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? "").pathname);
}

function expectClean(report: CrawlReport, sitemap: string[], home: string): void {
  expect(report.problems, "broken links, missing ids, links outside the site").toEqual([]);
  expect(report.pages, "HTML pages reached").toBeGreaterThan(20);
  const unreached = sitemap.filter((page) => !report.fetchedPages.has(page));
  expect(unreached, "sitemap pages the crawl never reached").toEqual([]);
  const orphans = sitemap.filter((page) => page !== home && !report.linkedPages.has(page));
  expect(orphans, "sitemap pages no other page links to").toEqual([]);
}

test("every internal link, asset, feed and #fragment of the site answers", async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL ?? "http://127.0.0.1:8089").origin;
  const base = await publicBase(request, `${origin}/`);
  const report = await crawl(request, { origin, prefix: "/", publicBase: base, extraSeeds: EXTRA_SEEDS });
  console.log(summary("/", report));
  expectClean(report, await sitemapPaths(request, `${origin}/sitemap.xml`), "/");
});

test.describe("under a path prefix", () => {
  const PREFIX = "/archive/";
  let site = "";
  let origin = "";
  let server: ReturnType<typeof createStaticServer> | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    site = mkdtempSync(path.join(tmpdir(), "backlist-crawl-prefix-"));
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--quiet", `--output=${site}`],
      // The sample archive, whatever archive the project itself holds.
      { env: { ...process.env, PATH_PREFIX: PREFIX, BACKLIST_CONTENT: "sample" }, encoding: "utf8", timeout: 110_000 },
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
    // Served under the prefix only: anything outside it answers 404.
    server = createStaticServer(site, { prefix: PREFIX });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    if (site) rmSync(site, { recursive: true, force: true });
  });

  test("every link stays under the prefix and answers", async ({ request }) => {
    test.setTimeout(120_000);
    const base = await publicBase(request, `${origin}${PREFIX}`);
    expect(new URL(base).pathname, "canonical URL of the home page").toBe(PREFIX);
    const report = await crawl(request, { origin, prefix: PREFIX, publicBase: base, extraSeeds: EXTRA_SEEDS });
    console.log(summary(PREFIX, report));
    expectClean(report, await sitemapPaths(request, `${origin}${PREFIX}sitemap.xml`), PREFIX);
  });

  test("the server really serves nothing outside the prefix", async ({ request }) => {
    expect((await request.get(`${origin}/`, { maxRedirects: 0 })).status()).toBe(404);
    expect((await request.get(`${origin}/tags/`, { maxRedirects: 0 })).status()).toBe(404);
    expect((await request.get(`${origin}${PREFIX}tags/`, { maxRedirects: 0 })).status()).toBe(200);
  });
});

test("the crawler reads every kind of link of a page", () => {
  const { links, ids } = readHtml(
    `<!doctype html><html><head><link rel="stylesheet" href="/a.css"><meta property="og:url" content="https://example.org/x/">
     <script type="application/ld+json">{"url":"https://example.org/y/"}</script></head>
     <body><a href="/b/#c" id="top-link">b</a><img src="/i.png" srcset="/i1.png 1x, /i2.png 2x" alt="">
     <picture><source srcset="/s.webp 800w"></picture><script src="/j.js"></script><form action="/search/"></form>
     <a name="legacy"></a><h2 id="h">h</h2></body></html>`,
  );
  expect(links.sort()).toEqual(
    ["/a.css", "https://example.org/x/", "https://example.org/y/", "/b/#c", "/i.png", "/i1.png", "/i2.png", "/s.webp", "/j.js", "/search/"].sort(),
  );
  expect([...ids].sort()).toEqual(["h", "legacy", "top-link"]);
});

test("the crawler reports broken links, missing ids and links outside the prefix", async ({ request }) => {
  const root = mkdtempSync(path.join(tmpdir(), "backlist-crawl-broken-"));
  const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;
  mkdirSync(path.join(root, "ok"));
  writeFileSync(path.join(root, "index.html"), page(
    `<a href="/p/ok/">fine</a> <a href="/p/ok/#here">fine</a> <a href="/p/ok/#gone">no id</a> <a href="/p/missing/">missing</a>
     <a href="/p/ok">no slash</a> <a href="/elsewhere/">outside</a> <a href="https://example.org/other/">public, outside</a>
     <a href="https://example.org/p/ok/">public</a> <a href="https://other.example/">external</a>`,
  ));
  writeFileSync(path.join(root, "ok", "index.html"), page(`<h1 id="here">ok</h1><img src="/p/none.png" alt="">`));
  const server = createStaticServer(root, { prefix: "/p/" });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const report = await crawl(request, { origin, prefix: "/p/", publicBase: "https://example.org/p/" });
    expect(report.problems).toEqual([
      "301 → /p/ok/: /p/ok (from: /p/)",
      "404: /p/missing/ (from: /p/)",
      "404: /p/none.png (from: /p/ok/)",
      "no id \"gone\" on /p/ok/ (from: /p/)",
      "outside https://example.org/p/: https://example.org/other/ (from: /p/)",
      "outside the prefix /p/: /elsewhere/ (from: /p/)",
    ]);
    expect(report.external).toBe(1);
    expect(report.pages).toBe(2);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  }
});
