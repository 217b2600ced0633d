/**
 * Search results read well: a result's title looks like a link, its excerpt
 * is the post's own words (not its byline), and the marked words keep their
 * contrast in the dark scheme as in the light one.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

for (const colorScheme of ["light", "dark"] as const) {
  test(`results in the ${colorScheme} scheme: titles look like links, excerpts are the post's text, marks pass axe`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/search/?q=Crosby");
    const link = page.locator(".pagefind-ui__result-link").first();
    await expect(link).toBeVisible({ timeout: 10_000 });
    expect(await link.evaluate((a) => getComputedStyle(a).textDecorationLine)).toContain("underline");
    const excerpts = await page.locator(".pagefind-ui__result-excerpt").allTextContents();
    expect(excerpts.length).toBeGreaterThan(0);
    for (const excerpt of excerpts) expect(excerpt, "no byline in the excerpt").not.toMatch(/By Mitchell in /);
    await expect(page.locator(".pagefind-ui__result-excerpt mark").first()).toBeVisible();
    const results = await new AxeBuilder({ page }).include(".search-ui").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
