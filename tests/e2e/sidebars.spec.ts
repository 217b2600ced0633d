/**
 * Issue 3, as a reader: from the seed article, follow the sidebars — a
 * recent post, the sister blog's post, the podcast episode, a backlink —
 * and arrive on real pages each time.
 */
import { expect, test, type Page } from "@playwright/test";

const SEED = "/converging-on-microsoft/2008/06/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy/";
const SEED_TITLE = "Citrix Virtualization CTO Disputes Red Hat Hypervisor Strategy";

/** Click the link named `name` inside the sidebar box `box` and wait for the new page. */
async function follow(page: Page, box: string, name: string | RegExp): Promise<void> {
  const link = page.locator(`section.${box}`).getByRole("link", { name });
  await expect(link).toBeVisible();
  const response = page.waitForResponse((r) => r.request().isNavigationRequest());
  await link.click();
  expect((await response).status(), `${box}: ${String(name)} answers`).toBe(200);
}

test("a reader follows the seed article's sidebars to real pages", async ({ page }) => {
  await page.goto(SEED);

  await follow(page, "recent-posts", "Red Hat Takes Hypervisor Control Back From Citrix");
  await expect(page).toHaveURL(/\/converging-on-microsoft\/2008\/06\/red-hat-takes-hypervisor-control-back-from-citrix\/$/);
  await expect(page.locator("h1")).toHaveText("Red Hat Takes Hypervisor Control Back From Citrix");

  // The seed article replies to this post, so it is listed as linking here.
  await follow(page, "backlinks", SEED_TITLE);
  await expect(page).toHaveURL(new RegExp(`${SEED}$`));
  await expect(page.locator("h1")).toHaveText(SEED_TITLE);

  await follow(page, "sister-blog", "Get Ready For XaaS Everywhere");
  await expect(page.locator("h1")).toHaveText("Get Ready For XaaS Everywhere");
  await expect(page.locator("nav.breadcrumbs")).toContainText("The Converging Network");
  await expect(page.getByText("The text of this post was not preserved")).toBeVisible();

  await page.goto(SEED);
  await follow(page, "podcast", "Security Mike Gets Serious About Security");
  await expect(page).toHaveURL(/\/podcasts\/converging-on-microsoft-podcast\/#security-mike-gets-serious-about-security$/);
  await expect(page.locator("h1")).toHaveText("Converging On Microsoft Podcast");
  await expect(page.locator("#security-mike-gets-serious-about-security h2")).toHaveText("Security Mike Gets Serious About Security");
});

test("the sidebar sits beside the article on a wide screen and below it on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(SEED);
  const article = await page.locator("article.post").boundingBox();
  const sidebar = await page.locator("aside.sidebar").boundingBox();
  expect(article && sidebar && sidebar.x > article.x + article.width - 1, "beside").toBeTruthy();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(SEED);
  const narrowArticle = await page.locator("article.post").boundingBox();
  const narrowSidebar = await page.locator("aside.sidebar").boundingBox();
  expect(narrowArticle && narrowSidebar && narrowSidebar.y >= narrowArticle.y + narrowArticle.height - 1, "below").toBeTruthy();
});
