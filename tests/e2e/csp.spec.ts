/**
 * The built site under its own Content-Security-Policy (src/security/csp.ts,
 * written to `_site/_headers`): served with those headers, as Netlify or
 * Cloudflare Pages would, every kind of page loads without a single
 * violation, and search (WebAssembly) still works.
 */
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { CONTENT_SECURITY_POLICY } from "../../src/security/csp.ts";
import { createStaticServer } from "../../src/tools/serve.ts";

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  sample: string;
}

const PAGES = [
  "/",
  "/converging-on-microsoft/2008/06/citrix-virtualization-cto-disputes-red-hat-hypervisor-strategy/",
  "/tags/red-hat/",
  "/archive/",
  "/archive/2008/06/",
  "/podcasts/converging-on-microsoft-podcast/",
  "/search/",
  "/no-such-page/",
];

let origin = "";
const server = createStaticServer(path.resolve("_sample-site"), { headers: true });

test.beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Record every CSP violation of the page (from before its first script runs) and every "Refused to" console error. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.addInitScript(() => {
    const store: Violation[] = [];
    (window as unknown as { __cspViolations: Violation[] }).__cspViolations = store;
    document.addEventListener("securitypolicyviolation", (event) => {
      store.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
      });
    });
  });
  return async () => {
    const seen = await page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations);
    return [...seen.map((v) => `${v.directive} blocked ${v.blocked || "(inline)"} at ${v.source}:${v.line} ${v.sample}`), ...refused];
  };
}

test("the site sends its security headers", async ({ request }) => {
  const response = await request.get(`${origin}/`);
  expect(response.headers()["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["referrer-policy"]).toBeTruthy();
});

test("the watcher sees a violation when there is one", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(`${origin}/`);
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.inlineRan = true";
    document.body.append(script);
  });
  await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
  expect(await page.evaluate(() => "inlineRan" in window)).toBe(false);
});

for (const pagePath of PAGES) {
  test(`no CSP violation on ${pagePath}`, async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(`${origin}${pagePath}`, { waitUntil: "networkidle" });
    expect(await violations()).toEqual([]);
  });
}

test("search works under the policy (Pagefind's WebAssembly is allowed)", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(`${origin}/search/?q=hypervisor`, { waitUntil: "networkidle" });
  await expect(page.locator(".pagefind-ui__result").first()).toBeVisible({ timeout: 10_000 });
  expect(await violations()).toEqual([]);
});
