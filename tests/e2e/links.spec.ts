/**
 * Dead links as a reader meets them (issue 15), in a throwaway archive built
 * with a recorded `_data/links.yaml`: the link to a dead page says it leads
 * to an archived copy and goes there (the copy is played by Playwright's
 * request interception: nothing leaves the machine); a dead link with no
 * copy says it is dead; the provenance line; all of it without JavaScript;
 * and axe's WCAG 2.1 A/AA rules on the article and the keeper's report.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { MINIMAL_DATA, post } from "../build/project.ts";
import { fixtureSite } from "./fixture-site.ts";

const ARTICLE = "/main/2008/06/xen-summit-notes/";
const COPY = "https://web.archive.org/web/20080624101500/http://press.example.com/2008/red-hat-kvm.html";

const FILES: Record<string, string> = {
  ...MINIMAL_DATA,
  "posts/main/2008/xen-summit-notes.md": post(
    [
      "title: Notes from the Xen Summit",
      'date: "2008-06-24T10:00"',
      "original_url: http://blogs.example.net/converging/2008/06/xen-summit-notes.html",
      "see_also:",
      "  - title: VMware's CEO talks Microsoft, security, EMC and cloud computing",
    ].join("\n"),
    [
      "The [summit's programme](https://xen.example.org/summit/) is still up.",
      "Red Hat's [announcement](http://press.example.com/2008/red-hat-kvm.html) is gone, as is",
      "[the oVirt beta](http://ovirt.example.org/beta/), and [the notes](http://old.example.net/notes) moved.",
      "",
    ].join("\n"),
  ),
  "_data/links.yaml": [
    '- url: "http://blogs.example.net/converging/2008/06/xen-summit-notes.html"',
    '  status: "dead"',
    '  checked: "2026-12-01T09:00:00Z"',
    "  code: 404",
    '- url: "http://old.example.net/notes"',
    '  status: "moved"',
    '  checked: "2026-12-01T09:00:00Z"',
    '  final_url: "https://new.example.net/notes"',
    '- url: "http://ovirt.example.org/beta/"',
    '  status: "dead"',
    '  checked: "2026-12-01T09:00:00Z"',
    '  error: "DNS: no such host"',
    '- url: "http://press.example.com/2008/red-hat-kvm.html"',
    '  status: "dead"',
    '  checked: "2026-12-01T09:00:00Z"',
    "  code: 410",
    "  archived:",
    `    url: "${COPY}"`,
    '    date: "2008-06-24T10:15:00Z"',
    '- url: "https://xen.example.org/summit/"',
    '  status: "alive"',
    '  checked: "2026-12-01T09:00:00Z"',
    "",
  ].join("\n"),
};

const site = fixtureSite(FILES);

/** Nothing may leave the machine: the web archive's copy is played here, anything else refused. */
async function offline(page: Page): Promise<void> {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
    route.request().url().startsWith(COPY)
      ? route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Wayback copy</title><h1>Red Hat announces KVM</h1>" })
      : route.abort(),
  );
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("a reader is told which links are dead, and follows one to its archived copy", async ({ page }) => {
      await offline(page);
      await page.goto(`${site.origin}${ARTICLE}`);
      const body = page.locator(".post-body");
      const archived = body.getByRole("link", { name: "announcement (archived copy, June 24, 2008)", exact: true });
      await expect(archived).toBeVisible();
      await expect(archived).toHaveAttribute("data-originalurl", "http://press.example.com/2008/red-hat-kvm.html");
      await expect(archived).toHaveAttribute("data-versiondate", "2008-06-24");
      await expect(body.getByRole("link", { name: "the oVirt beta (dead link)", exact: true })).toBeVisible();
      await expect(body.getByRole("link", { name: "summit’s programme", exact: true })).toHaveAttribute("href", "https://xen.example.org/summit/");
      await expect(body.getByRole("link", { name: "the notes", exact: true })).toHaveAttribute("href", "http://old.example.net/notes");
      await expect(page.locator(".provenance")).toHaveText(
        /^Originally published at blogs\.example\.net\/converging\/2008\/06\/xen-summit-notes\.html \(dead link\) on June 24, 2008/,
      );
      await expect(page.locator(".related-article")).toContainText("(the link was not preserved)");

      await archived.click();
      await expect(page).toHaveURL(COPY);
      await expect(page.locator("h1")).toHaveText("Red Hat announces KVM");
    });
  });
}

test("the keeper's report lists the dead links with their last check, and is not in the navigation", async ({ page }) => {
  await offline(page);
  await page.goto(`${site.origin}/links-report/`);
  await expect(page.locator("h1")).toHaveText("External links: report");
  await expect(page.locator('.link-counts tr[data-state="dead-with-copy"] td')).toHaveText("1");
  await expect(page.locator('.link-counts tr[data-state="dead-without-copy"] td')).toHaveText("2");
  await expect(page.locator(".worst-posts li")).toHaveText(/^Notes from the Xen Summit: 2 dead without a copy, 1 with one$/);
  await expect(page.locator(".link-attention")).toContainText("2026-12-01");
  await page.goto(`${site.origin}/`);
  await expect(page.locator('a[href$="/links-report/"]')).toHaveCount(0);
});

for (const path of [ARTICLE, "/links-report/"]) {
  test(`${path} has no WCAG 2.1 A/AA violations, light and dark, wide and narrow`, async ({ page }) => {
    test.setTimeout(60_000);
    await offline(page);
    const found: string[] = [];
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto(`${site.origin}${path}`);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        for (const violation of results.violations) {
          found.push(`${colorScheme}, ${width}px: ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
}
