/**
 * Every kind of page passes axe-core's WCAG 2.1 A and AA rules, in the light
 * and the dark colour scheme, on a wide screen and on a phone: the built
 * sample in `_sample-site/`; then, in a throwaway copy of the sample with more
 * posts, a post using every markdown feature (highlighted code, tables,
 * footnotes…) and the second page of the home page.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { FEATURES_FILES, FEATURES_URL, FILLER_FILES } from "../fixtures/markdown-features.ts";
import { fixtureSite } from "./fixture-site.ts";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const SCHEMES = ["light", "dark"] as const;
const WIDTHS = [1280, 390];

/** One page of each kind in the sample archive. */
const PAGES: { kind: string; path: string }[] = [
  { kind: "home", path: "/" },
  {
    kind: "seed article",
    path: "/converging-on-microsoft/2008/06/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy/",
  },
  { kind: "post whose text was not preserved", path: "/converging-on-microsoft/2008/06/red-hat-takes-hypervisor-control-back-from-citrix/" },
  { kind: "blog index", path: "/converging-on-microsoft/" },
  { kind: "blog year", path: "/converging-on-microsoft/2008/" },
  { kind: "blog month", path: "/converging-on-microsoft/2008/06/" },
  { kind: "archive overview", path: "/archive/" },
  { kind: "site-wide year", path: "/archive/2008/" },
  { kind: "site-wide month", path: "/archive/2008/06/" },
  { kind: "tag index", path: "/tags/" },
  { kind: "tag", path: "/tags/red-hat/" },
  { kind: "author", path: "/authors/mitchell/" },
  { kind: "podcast", path: "/podcasts/converging-on-microsoft-podcast/" },
  { kind: "books", path: "/books/" },
  { kind: "reviews", path: "/reviews/" },
  { kind: "search", path: "/search/" },
  { kind: "search with results", path: "/search/?q=Crosby" },
  { kind: "not found", path: "/no-such-page/" },
];

/** Waits until Pagefind's UI (search page) has mounted and, with a query, shown its results. */
async function settle(page: Page, path: string): Promise<void> {
  if (!path.startsWith("/search/")) return;
  await expect(page.locator(".pagefind-ui__search-input")).toBeVisible();
  if (path.includes("?q=")) await expect(page.locator(".pagefind-ui__result-link").first()).toBeVisible({ timeout: 10_000 });
}

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ")}`).join("\n"),
  );
}

async function check(page: Page, path: string): Promise<void> {
  const found: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await settle(page, path);
      expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), colorScheme).toBe(colorScheme === "dark");
      for (const violation of await violations(page)) found.push(`${colorScheme}, ${width}px: ${violation}`);
    }
  }
  expect(found, `WCAG 2.1 AA violations on ${path}`).toEqual([]);
}

for (const { kind, path } of PAGES) {
  test(`${kind} (${path}) has no WCAG 2.1 A/AA violations, light and dark, wide and narrow`, async ({ page }) => {
    test.setTimeout(60_000);
    await check(page, path);
  });
}

test.describe("a post using every markdown feature, and a second page of a list", () => {
  const site = fixtureSite({ ...FEATURES_FILES, ...FILLER_FILES }, { sample: true });

  test("the post has no WCAG 2.1 A/AA violations, light and dark, wide and narrow", async ({ page }) => {
    test.setTimeout(60_000);
    await check(page, `${site.origin}${FEATURES_URL}`);
  });

  test("the home page's second page has none either", async ({ page }) => {
    test.setTimeout(60_000);
    await check(page, `${site.origin}/page/2/`);
    await expect(page.locator(".pager")).toContainText("Page 2 of 2");
  });
});

test("the check finds a violation when there is one", async ({ page }) => {
  await page.setContent(
    '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1>' +
      '<p style="color:#aaa;background:#fff">pale text</p><img src="data:," /></main></body></html>',
  );
  const found = (await violations(page)).map((line) => line.split(" ")[0]);
  expect(found).toEqual(expect.arrayContaining(["color-contrast", "image-alt"]));
});
