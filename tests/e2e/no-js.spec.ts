/**
 * The archive with JavaScript off: a reader goes from the home page to the
 * seed article, on to one of its tags and to a month of the archive, by
 * clicking links, and sees everything on each page; and every page of the
 * sitemap shows its heading and content. (Search needs JavaScript and says
 * so: search.spec.ts.)
 */
import { expect, test, type Page } from "@playwright/test";

const TITLE = "Citrix Virtualization CTO Disputes Red Hat Hypervisor Strategy";
const ARTICLE_PATH =
  "/converging-on-microsoft/2008/06/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy/";

test.use({ javaScriptEnabled: false });

/** Every heading, paragraph and list item of the page's main content is visible, and there is some. */
async function expectAllVisible(page: Page): Promise<void> {
  const where = new URL(page.url()).pathname;
  const items = page.locator("main").locator("h1, h2, h3, p, li, figure, blockquote, time");
  const count = await items.count();
  expect(count, `content in <main> of ${where}`).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) await expect(items.nth(i), where).toBeVisible();
}

test("home → seed article → a tag → a month of the archive, without JavaScript", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));

  await page.goto("/");
  await expect(page.locator("main .post-list > li").first()).toBeVisible();
  await expectAllVisible(page);

  await page.locator("main .post-list").getByRole("link", { name: TITLE, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE_PATH}$`));
  await expect(page.locator("h1")).toHaveText(TITLE);
  await expect(page.locator(".post-body")).toContainText("Simon Crosby");
  expect(await page.locator(".post-body figure.reply").count(), "replies").toBeGreaterThanOrEqual(4);
  await expect(page.locator(".sidebar .widget").first()).toBeVisible();
  await expectAllVisible(page);

  await page.locator(".post-meta .tags").getByRole("link", { name: "Red Hat", exact: true }).click();
  await expect(page).toHaveURL(/\/tags\/red-hat\/$/);
  await expect(page.locator("h1")).toContainText("Red Hat");
  await expect(page.locator("main .post-list").getByRole("link", { name: TITLE, exact: true })).toBeVisible();
  await expectAllVisible(page);

  await page.locator(".site-nav").getByRole("link", { name: "Archive" }).click();
  await expect(page).toHaveURL(/\/archive\/$/);
  await expectAllVisible(page);
  await page.locator("main").getByRole("link", { name: "June", exact: true }).first().click();
  await expect(page).toHaveURL(/\/2008\/06\/$/);
  await expect(page.locator("h1")).toContainText("June 2008");
  await expect(page.locator("main .post-list").getByRole("link", { name: TITLE, exact: true })).toBeVisible();
  await expectAllVisible(page);
  expect(errors).toEqual([]);
});

test("every page of the sitemap shows its content without JavaScript", async ({ page }) => {
  test.setTimeout(120_000);
  const sitemap = await (await page.request.get("/sitemap.xml")).text();
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? "").pathname);
  expect(paths.length).toBeGreaterThan(20);
  for (const path of paths.filter((p) => p !== "/search/")) {
    await page.goto(path);
    await expect(page.locator("main h1"), path).toBeVisible();
    await expectAllVisible(page);
  }
});
