/**
 * A reader searches the archive: /search/ with Pagefind's UI over the index
 * written after the build, under the site's Content-Security-Policy-to-be
 * (no inline script or style), and under a path prefix.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const TITLE = "Citrix Virtualization CTO Disputes Red Hat Hypervisor Strategy";
const ARTICLE_PATH =
  "/converging-on-microsoft/2008/06/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy/";

/**
 * A strict policy: scripts, styles, workers and fetches from the site only;
 * `'wasm-unsafe-eval'` lets Pagefind compile its WebAssembly search code.
 */
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Script errors and Content-Security-Policy refusals in the page. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`CSP: ${message.text()}`);
    }
  });
  return problems;
}

/** Serve every page of the test site with the strict policy as a response header. */
async function withStrictCsp(page: Page): Promise<void> {
  await page.route("**/*", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": STRICT_CSP } });
  });
}

/** Pagefind's search box, once search.js has mounted the UI. */
const searchBox = (page: Page) => page.locator(".pagefind-ui__search-input");
/** The result links Pagefind shows. */
const resultLinks = (page: Page) => page.locator(".pagefind-ui__result-link");

test("a reader searches for a word of the seed article and opens it", async ({ page }) => {
  const problems = watchProblems(page);
  await withStrictCsp(page);

  await page.goto("/");
  await page.locator(".site-nav").getByRole("link", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\/$/);
  await expect(page.locator("h1")).toHaveText("Search");

  // search.js swapped the plain form for Pagefind's UI.
  await expect(searchBox(page)).toBeVisible();
  await expect(page.locator("form[data-search-form]")).toBeHidden();

  await searchBox(page).fill("Crosby");
  const hit = resultLinks(page).filter({ hasText: TITLE });
  await expect(hit.first()).toBeVisible({ timeout: 10_000 });
  const href = await hit.first().getAttribute("href");
  expect(href, "result URL").toMatch(new RegExp(`^${escapeRegExp(ARTICLE_PATH)}`));

  // Blog and tags are offered as filters.
  // (Pagefind loads the filters after the results: give it the same time.)
  await expect(page.locator(".pagefind-ui__filter-panel")).toContainText("blog", { timeout: 10_000 });
  await expect(page.locator(".pagefind-ui__filter-panel")).toContainText("tag", { timeout: 10_000 });

  await hit.first().click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(ARTICLE_PATH)}$`));
  await expect(page.locator("h1")).toHaveText(TITLE);

  expect(problems, "script errors or policy refusals").toEqual([]);
});

test("a /search/?q= link runs its query", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("/search/?q=oVirt");
  await expect(searchBox(page)).toHaveValue("oVirt");
  await expect(resultLinks(page).filter({ hasText: TITLE }).first()).toBeVisible({ timeout: 10_000 });
  expect(problems).toEqual([]);
});

test("list pages and navigation are not in the index", async ({ page }) => {
  await page.goto("/search/");
  // "Archive" and "Tags" are on every page's navigation, never in a post's text.
  for (const word of ["Skip to content", "Tags"]) {
    await searchBox(page).fill(word);
    await expect(page.locator(".pagefind-ui__message")).toContainText(/result/i, { timeout: 10_000 });
    const urls = await resultLinks(page).evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const url of urls) expect(url, `"${word}" found on a post page only`).toMatch(/^\/[^/]+\/\d{4}\/\d{2}\/[^/]+\/$/);
  }
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the page says search needs JavaScript and links to the archive and tags", async ({ page }) => {
    await page.goto("/search/");
    const note = page.locator(".search-noscript");
    await expect(note).toBeVisible();
    await expect(note).toContainText("JavaScript");
    await expect(note.getByRole("link", { name: /archive/ })).toHaveAttribute("href", "/archive/");
    await expect(note.getByRole("link", { name: /tag/ })).toHaveAttribute("href", "/tags/");
  });
});

test.describe("under a path prefix", () => {
  const PREFIX = "/archive/";
  const ORIGIN = "http://prefixed.test";
  let site = "";

  // Build the sample with PATH_PREFIX into a folder of its own and serve it
  // from a made-up origin, under the prefix only.
  test.beforeAll(() => {
    test.setTimeout(120_000);
    site = mkdtempSync(path.join(tmpdir(), "backlist-search-prefix-"));
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--quiet", `--output=${site}`],
      // The sample archive, whatever archive the project itself holds.
      { env: { ...process.env, PATH_PREFIX: PREFIX, BACKLIST_CONTENT: "sample" }, encoding: "utf8", timeout: 110_000 },
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
  test.afterAll(() => {
    if (site) rmSync(site, { recursive: true, force: true });
  });

  test("the search page loads Pagefind from the prefix and results link under it", async ({ page }) => {
    const problems = watchProblems(page);
    const outside: string[] = [];
    await page.route(`${ORIGIN}/**`, async (route) => {
      const { pathname } = new URL(route.request().url());
      if (!pathname.startsWith(PREFIX)) {
        outside.push(pathname);
        return route.fulfill({ status: 404, body: "outside the prefix" });
      }
      let file = path.join(site, decodeURIComponent(pathname.slice(PREFIX.length)));
      if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
      if (!existsSync(file)) return route.fulfill({ status: 404, body: "not found" });
      return route.fulfill({ path: file, headers: { "content-security-policy": STRICT_CSP } });
    });

    await page.goto(`${ORIGIN}${PREFIX}search/`);
    await expect(page.locator(`script[src="${PREFIX}pagefind/pagefind-ui.js"]`)).toHaveCount(1);
    await searchBox(page).fill("Crosby");
    const hit = resultLinks(page).filter({ hasText: TITLE }).first();
    await expect(hit).toBeVisible({ timeout: 10_000 });
    expect(await hit.getAttribute("href")).toMatch(new RegExp(`^${escapeRegExp(PREFIX + ARTICLE_PATH.slice(1))}`));
    await hit.click();
    await expect(page.locator("h1")).toHaveText(TITLE);

    expect(outside, "requests outside the prefix").toEqual([]);
    expect(problems, "script errors or policy refusals").toEqual([]);
  });
});
