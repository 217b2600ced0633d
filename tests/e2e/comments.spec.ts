/**
 * Issue "Comments: the conversation is part of the archive", in Chromium:
 * a reader follows the seed article's quotations to Simon Crosby's restored
 * comment and back, on a desktop and on a phone; and a thread with a
 * hostile comment (tests/fixtures/comments.ts), served without the
 * Content-Security-Policy so that escaping alone is tested, runs nothing,
 * nests as it should and passes axe in light and dark, wide and narrow.
 */
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ANSWER_POST_URL, HOSTILE_COMMENT_AUTHOR, THREAD_FILES, THREAD_POST_URL } from "../fixtures/comments.ts";
import { fixtureSite } from "./fixture-site.ts";

const SEED = "/converging-on-microsoft/2008/06/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy/";
const RED_HAT = "/converging-on-microsoft/2008/06/red-hat-takes-hypervisor-control-back-from-citrix/";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Script errors and dialogs: either would mean something in a comment ran. */
function watch(page: Page): string[] {
  const events: string[] = [];
  page.on("pageerror", (error) => events.push(`error: ${error.message}`));
  page.on("dialog", (dialog) => {
    events.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return events;
}

for (const width of [1280, 390]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("the seed article's quotations lead to Simon Crosby's comment, and it leads back", async ({ page }) => {
      const events = watch(page);
      await page.goto(SEED);
      const captions = page.locator("figure.reply figcaption");
      await expect(captions).toHaveCount(4);
      for (const caption of await captions.all()) {
        await expect(caption.getByRole("link")).toHaveAttribute("href", `${RED_HAT}#comment-1`);
      }
      await captions.nth(2).getByRole("link", { name: "a comment on “Red Hat Takes Hypervisor Control Back From Citrix”" }).click();
      await expect(page).toHaveURL(new RegExp(`${escapeRegExp(RED_HAT)}#comment-1$`));

      const comment = page.locator("#comment-1");
      await expect(comment).toBeInViewport();
      await expect(comment.locator(".p-name")).toHaveText("Simon Crosby");
      await expect(comment).toContainText("identity not verified");
      await expect(comment.locator("time")).toHaveAttribute("datetime", "2008-06");
      await expect(comment.locator(".comment-body p")).toHaveCount(4);
      await expect(page.locator(".comments-closed")).toHaveText("Comments are closed; this is an archive.");
      await expect(page.locator(".post-meta .comment-count")).toHaveText("1 comment");
      expect(await page.evaluate(() => document.documentElement.scrollWidth), "no sideways scroll").toBeLessThanOrEqual(width);

      await comment.getByRole("link", { name: "Citrix Virtualization CTO Disputes Red Hat Hypervisor Strategy" }).click();
      await expect(page).toHaveURL(new RegExp(`${escapeRegExp(SEED)}#citation-1$`));
      const figure = page.locator("#citation-1");
      await expect(figure).toBeInViewport();
      await expect(figure.locator("blockquote")).toContainText("The very idea that Red Hat can wrest control");
      expect(events).toEqual([]);
    });
  });
}

test.describe("a thread with a pingback and a hostile comment", () => {
  const site = fixtureSite(THREAD_FILES);

  test("runs nothing, shows the markup as text and nests the replies", async ({ page }) => {
    const events = watch(page);
    await page.goto(`${site.origin}${THREAD_POST_URL}`, { waitUntil: "load" });
    expect(await page.evaluate(() => "__pwned" in window), "a script from a comment ran").toBe(false);
    await expect(page.locator("#comments b, #comments img, #comments iframe, #comments [style], #comments [onclick]")).toHaveCount(0);
    await expect(page.locator("#comment-105 .p-name")).toHaveText(HOSTILE_COMMENT_AUTHOR);
    await expect(page.locator("#comment-105 .comment-body")).toContainText("<script>window.__pwned=2</script>");
    await expect(page.locator('#comments a[href^="javascript:"], #comments a[href^="data:"]')).toHaveCount(0);

    // Nested: each reply inside the comment it answers.
    await expect(page.locator("#comment-101 > ol > #comment-102 > ol > #comment-103")).toHaveCount(1);
    await expect(page.locator(".comment-thread #comment-104")).toHaveCount(0);
    await expect(page.locator(".mentions")).toContainText("Mentioned elsewhere");
    await expect(page.locator(".mentions #comment-104").getByRole("link", { name: "Virtualization Weekly" })).toHaveAttribute("rel", "nofollow ugc noopener");

    // Clicking around the thread runs nothing either.
    for (const link of await page.locator("#comment-105 a").all()) await link.click();
    expect(await page.evaluate(() => "__pwned" in window)).toBe(false);
    expect(events).toEqual([]);
  });

  test("the answering post's quotation leads to the comment", async ({ page }) => {
    await page.goto(`${site.origin}${ANSWER_POST_URL}`);
    await page.getByRole("link", { name: "a comment on “Xen 3.3 ships”" }).click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(THREAD_POST_URL)}#comment-101$`));
    await expect(page.locator("#comment-101 > article")).toContainText("Does it fix the network driver?");
    await expect(page.locator("#comment-101 .comment-answered-in")).toHaveText("Answered in: Answering the Xen thread");
  });

  test("has no WCAG 2.1 A/AA violations, light and dark, wide and narrow", async ({ page }) => {
    test.setTimeout(60_000);
    const found: string[] = [];
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto(`${site.origin}${THREAD_POST_URL}`);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        for (const v of results.violations) found.push(`${colorScheme}, ${width}px: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }
    }
    expect(found).toEqual([]);
  });
});
