/**
 * A reader's path to the seed article: from the home page to the post, and
 * what they should find there, on a desktop and on a phone-sized screen.
 */
import { expect, test, type Page } from "@playwright/test";

const TITLE = "Citrix Virtualization CTO Disputes Red Hat Hypervisor Strategy";
const ARTICLE_PATH =
  "/converging-on-microsoft/2008/06/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy/";
const MIN_REPLIES = 4;
const REPLY_AUTHOR = "Simon Crosby";
const COPYRIGHT = "Copyright © 2008 IDG Communications, Inc.";
// The apostrophe may be straight or typographic.
const RELATED_TITLE = /VMware['’]s CEO talks Microsoft, security, EMC and cloud computing/;
const PHONE_WIDTH = 390;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Fails the test on any uncaught script error in the page. */
function watchPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on("pageerror", (error) => errors.push(error));
  return errors;
}

/** Indexes (among all `a` elements) of the links that lead to this site's home page. */
async function homeLinkIndexes(page: Page): Promise<number[]> {
  return page.locator("a[href]").evaluateAll((anchors) =>
    anchors.flatMap((a, i) => {
      const url = new URL((a as HTMLAnchorElement).href);
      const isHome =
        url.origin === location.origin && (url.pathname === "/" || url.pathname === "/index.html");
      return isHome ? [i] : [];
    }),
  );
}

test("a reader goes from the home page to the seed article and back", async ({ page }) => {
  const errors = watchPageErrors(page);

  await page.goto("/");

  // The home page lists posts: links to dated post pages.
  const postHrefs = await page
    .locator("a[href]")
    .evaluateAll((anchors) =>
      anchors
        .map((a) => new URL((a as HTMLAnchorElement).href).pathname)
        .filter((p) => /\/\d{4}\/\d{2}\/[^/]+\/?$/.test(p)),
    );
  expect(postHrefs.length, "links to posts on the home page").toBeGreaterThan(0);

  const postLink = page.getByRole("link", { name: TITLE }).first();
  await expect(postLink).toBeVisible();
  await postLink.click();

  await expect(page).toHaveURL(new RegExp(escapeRegExp(ARTICLE_PATH) + "$"));

  const article = page.locator("article").first();
  await expect(article).toBeVisible();

  const h1 = page.locator("h1");
  await expect(h1).toHaveCount(1);
  await expect(h1).toHaveText(TITLE);

  // The replies: quoted answers, each attributed to the same person.
  const replies = page.locator("figure.reply");
  await expect
    .poll(() => replies.count(), { message: `at least ${MIN_REPLIES} figure.reply blocks` })
    .toBeGreaterThanOrEqual(MIN_REPLIES);
  for (const reply of await replies.all()) {
    await expect(reply.locator("figcaption cite")).toHaveText(REPLY_AUTHOR);
    await expect(reply.locator("blockquote").first()).toBeVisible();
  }

  await expect(page.locator('time[datetime="2008-06"]').first()).toBeVisible();
  await expect(page.getByText(COPYRIGHT).first()).toBeVisible();
  await expect(page.getByText(/Related article/i).first()).toBeVisible();
  await expect(page.getByText(RELATED_TITLE).first()).toBeVisible();

  // And a way back home.
  const homeLinks = await homeLinkIndexes(page);
  expect(homeLinks.length, "links back to the home page").toBeGreaterThan(0);
  await page.locator("a[href]").nth(homeLinks[0]!).click();
  await expect(page).toHaveURL(/^[^?#]*:\/\/[^/]+\/(index\.html)?$/);
  await expect(page.getByRole("link", { name: TITLE }).first()).toBeVisible();

  expect(errors, "script errors in the page").toEqual([]);
});

test.describe("on a phone-sized screen", () => {
  test.use({ viewport: { width: PHONE_WIDTH, height: 844 } });

  test("the article and its replies fit the screen", async ({ page }) => {
    const errors = watchPageErrors(page);

    await page.goto(ARTICLE_PATH);

    await expect(page.locator("article").first()).toBeVisible();
    await expect(page.locator("h1")).toHaveText(TITLE);

    const replies = page.locator("figure.reply");
    await expect
      .poll(() => replies.count(), { message: `at least ${MIN_REPLIES} figure.reply blocks` })
      .toBeGreaterThanOrEqual(MIN_REPLIES);
    for (const reply of await replies.all()) {
      await expect(reply).toBeVisible();
      await expect(reply.locator("blockquote").first()).toBeVisible();
      const box = await reply.boundingBox();
      expect(box, "reply has a layout box").not.toBeNull();
      expect(box!.x, "reply starts inside the screen").toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, "reply ends inside the screen").toBeLessThanOrEqual(PHONE_WIDTH);
    }

    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, "no horizontal scroll").toBeLessThanOrEqual(PHONE_WIDTH);

    expect(errors, "script errors in the page").toEqual([]);
  });
});
