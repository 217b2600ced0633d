/**
 * A post titled `</script><script>window.__pwned=1</script><b>x</b>`, in a
 * browser: its page, the home page, its tag page and the archive show the
 * title as text, and nothing in it runs. The fixture archive
 * (tests/fixtures/bad-input/hostile.ts) is built into a throwaway project
 * and served here WITHOUT the Content-Security-Policy, so the escaping alone
 * is what is tested (csp.spec.ts checks the policy).
 */
import { expect, test, type Page } from "@playwright/test";
import { HOSTILE_FILES, HOSTILE_POST_URL, HOSTILE_TAG, HOSTILE_TITLE } from "../fixtures/bad-input/hostile.ts";
import { slugify } from "../../src/slug.ts";
import { fixtureSite } from "./fixture-site.ts";

const PAGES = [HOSTILE_POST_URL, "/", `/tags/${slugify(HOSTILE_TAG)}/`, "/main/", "/archive/2008/06/", "/authors/ann/"];

const site = fixtureSite(HOSTILE_FILES);

/** Script errors and dialogs: either would mean something in the text ran. */
function watch(page: Page): string[] {
  const events: string[] = [];
  page.on("pageerror", (error) => events.push(`error: ${error.message}`));
  page.on("dialog", (dialog) => {
    events.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return events;
}

for (const pagePath of PAGES) {
  test(`nothing from the text runs or renders as markup on ${pagePath}`, async ({ page }) => {
    const events = watch(page);
    await page.goto(`${site.origin}${pagePath}`, { waitUntil: "load" });
    expect(await page.evaluate(() => "__pwned" in window), "a script from the text ran").toBe(false);
    expect(await page.locator("b, img").count(), "an element from the text").toBe(0);
    // The title is a link (in lists, and in the post's own breadcrumbs) that reads exactly as written.
    await expect(page.getByRole("link", { name: HOSTILE_TITLE, exact: true }).first()).toHaveText(HOSTILE_TITLE);
    expect(events).toEqual([]);
  });
}

test("the post's page shows its title as written", async ({ page }) => {
  await page.goto(`${site.origin}${HOSTILE_POST_URL}`);
  await expect(page.locator("h1")).toHaveText(HOSTILE_TITLE);
  expect(await page.title()).toMatch(new RegExp(`^${HOSTILE_TITLE.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} · `));
  await expect(page.locator("h1 b")).toHaveCount(0);
  expect(await page.evaluate(() => "__pwned" in window)).toBe(false);
});
