/**
 * Issue 16, as a reader: read a three-part series from its page through
 * each part's "next in the series", see where each linking post mentions a
 * part, and find the author card apart from the publisher's lines. The
 * archive is the fixture of tests/fixtures/series.ts, built for this spec.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { PART, SERIES_FIXTURE, SERIES_URL } from "../fixtures/series.ts";
import { fixtureSite } from "./fixture-site.ts";

const site = fixtureSite(SERIES_FIXTURE);

test("a reader goes through a series part by part and back", async ({ page }) => {
  await page.goto(`${site.origin}${SERIES_URL}`);
  await expect(page.locator("h1")).toHaveText("Xen in Depth");
  await page.getByRole("link", { name: "Xen in Depth, the Hypervisor" }).click();
  await expect(page).toHaveURL(`${site.origin}${PART[1]}`);
  await expect(page.locator(".series-place")).toHaveText("Part 1 of 3 in Xen in Depth");

  const series = page.getByRole("navigation", { name: "More of the series Xen in Depth" });
  await series.getByRole("link", { name: /Next in the series/ }).click();
  await expect(page).toHaveURL(`${site.origin}${PART[2]}`);
  await expect(page.locator(".series-place")).toHaveText("Part 2 of 3 in Xen in Depth");

  await series.getByRole("link", { name: /Next in the series/ }).click();
  await expect(page).toHaveURL(`${site.origin}${PART[3]}`);
  await expect(page.locator(".series-place")).toHaveText("Part 3 of 3 in Xen in Depth");
  await expect(series.getByRole("link", { name: /Next in the series/ })).toHaveCount(0);

  await series.getByRole("link", { name: /Previous in the series/ }).click();
  await expect(page).toHaveURL(`${site.origin}${PART[2]}`);
  await page.locator(".series-place").getByRole("link", { name: "Xen in Depth" }).click();
  await expect(page).toHaveURL(`${site.origin}${SERIES_URL}`);
});

test("'Cited by' shows what each linking post said, and which came later", async ({ page }) => {
  await page.goto(`${site.origin}${PART[1]}`);
  const box = page.locator("section.backlinks");
  await expect(box.getByRole("heading")).toHaveText("Cited by");
  const scheduling = box.getByRole("listitem").filter({ hasText: "Xen in Depth, Scheduling" });
  await expect(scheduling.locator(".later")).toHaveText("later:");
  await expect(scheduling.locator(".backlink-context")).toHaveText("As the first part showed, Xen boots before the kernel.");
  await expect(scheduling.locator("mark")).toHaveText("the first part");
  await scheduling.getByRole("link", { name: "Xen in Depth, Scheduling" }).click();
  await expect(page.locator("h1")).toHaveText("Xen in Depth, Scheduling");
});

test("the author card stands apart from the publisher's lines above it", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${site.origin}${PART[1]}`);
  const promos = page.locator("section.promos");
  const card = page.locator("section.author-card");
  await expect(card.getByRole("heading")).toHaveText("About Ann Jones");
  const above = await promos.boundingBox();
  const below = await card.boundingBox();
  expect(above && below, "both boxes are shown").toBeTruthy();
  // A visible gap and a rule between them.
  expect((below?.y ?? 0) - ((above?.y ?? 0) + (above?.height ?? 0))).toBeGreaterThanOrEqual(32);
  expect(await card.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe("solid");
});

test("the series page and a part with its linking sentences pass WCAG 2.1 AA, light and dark", async ({ page }) => {
  test.setTimeout(60_000);
  const found: string[] = [];
  for (const path of [SERIES_URL, "/series/", PART[1], PART[2], "/podcasts/lost-cast/"]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${site.origin}${path}`);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const v of results.violations) found.push(`${path} ${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
  }
  expect(found).toEqual([]);
});
