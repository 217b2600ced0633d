/**
 * Old WordPress addresses by query, in Chromium, on a plain static host that
 * sends the site's own headers (its Content-Security-Policy included): a
 * reader who opens `/?p=12` lands on the post that was number 12, and
 * `/index.php?page_id=7` (a missing file, so the 404 page) on the page that
 * was 7; a number no post had leaves the home page as it is, and so does
 * the same address without JavaScript.
 */
import { expect, test, type Page } from "@playwright/test";
import { MINIMAL_DATA, post } from "../build/project.ts";
import { fixtureSite } from "./fixture-site.ts";

const FILES: Record<string, string> = {
  ...MINIMAL_DATA,
  "posts/main/2010/hello-world.md": post('title: Hello World\ndate: "2010-01-05"\naliases:\n  - /?p=12\n  - /2010/01/05/hello-world/', "The first post."),
  "posts/main/2010/about-us.md": post('title: About Us\ndate: "2010-02-01"\naliases:\n  - https://old.example.com/index.php?page_id=7', "Who we are."),
  "posts/main/2010/other.md": post('title: Another Post\ndate: "2010-03-01"', "Nothing old here."),
};

/** Script errors and Content-Security-Policy violations of the page. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`error: ${error.message}`));
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
  return problems;
}

test.describe("old WordPress addresses with JavaScript", () => {
  const site = fixtureSite(FILES, { headers: true });

  test("/?p=12 lands on the post that was 12, with no script error or policy violation", async ({ page }) => {
    const problems = watch(page);
    const response = await page.goto(`${site.origin}/?p=12`);
    expect(response?.headers()["content-security-policy"], "served with the site's policy").toContain("script-src 'self'");
    await expect(page).toHaveURL(`${site.origin}/main/2010/01/hello-world/`);
    await expect(page.locator("h1")).toHaveText("Hello World");
    await expect(page.locator(".post-body")).toContainText("The first post.");
    expect(problems).toEqual([]);
  });

  test("/index.php?page_id=7, a missing file, lands on the page that was 7 from the 404 page", async ({ page }) => {
    const problems = watch(page);
    await page.goto(`${site.origin}/index.php?page_id=7`);
    await expect(page).toHaveURL(`${site.origin}/main/2010/02/about-us/`);
    await expect(page.locator("h1")).toHaveText("About Us");
    expect(problems).toEqual([]);
  });

  test("a number no post had leaves the home page as it is", async ({ page }) => {
    const problems = watch(page);
    const map = page.waitForResponse((r) => r.url().endsWith("/assets/old-addresses.json"));
    await page.goto(`${site.origin}/?p=999`);
    expect((await map).status()).toBe(200);
    await page.waitForLoadState("networkidle");
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.locator("main h1")).toHaveText("All posts");
    expect(problems).toEqual([]);
  });
});

test.describe("old WordPress addresses without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  const site = fixtureSite(FILES, { headers: true });

  test("/?p=12 stays the home page, with the post in its list", async ({ page }) => {
    await page.goto(`${site.origin}/?p=12`);
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.locator("main h1")).toHaveText("All posts");
    await expect(page.locator("main .post-list").getByRole("link", { name: "Hello World", exact: true })).toBeVisible();
  });
});
