/**
 * Browser tests against the sample archive built into `_sample-site/`
 * (`npm run test:e2e` builds it first), and throwaway archives of their own.
 * `node --import tsx tests/support/browser.ts` makes sure a Chromium is there;
 * this config uses whichever one `findBrowser()` picks.
 */
import { defineConfig, type LaunchOptions } from "@playwright/test";
import { findBrowser, SYSTEM_BROWSER_ARGS } from "./tests/support/browser.ts";

const port = Number(process.env.E2E_PORT ?? 8089);
const baseURL = `http://127.0.0.1:${port}`;

const browser = findBrowser();
if (!browser) {
  console.warn("No Chromium found: run `node --import tsx tests/support/browser.ts` to get one.");
}

// Playwright's own Chromium is launched through its "chromium" channel (the
// full browser in headless mode, the binary findBrowser() checked); any other
// is launched by path, with flags that suit containers and CI.
const launch: { channel?: string; launchOptions?: LaunchOptions } =
  browser?.source === "playwright"
    ? { channel: "chromium" }
    : browser
      ? { launchOptions: { executablePath: browser.path, args: [...SYSTEM_BROWSER_ARGS] } }
      : {};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    ...launch,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    // The sample archive, built by `npm run test:e2e` (not the project's own `_site/`).
    command: `node --import tsx src/tools/serve.ts _sample-site --port ${port}`,
    url: `${baseURL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
