import { chromium } from "@playwright/test";
const [,, url, out, width, scrollTo] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync"] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 844 }, deviceScaleFactor: 1, colorScheme: process.env.SCHEME || "light" });
await page.goto(url);
if (scrollTo) await page.locator(scrollTo).first().scrollIntoViewIfNeeded();
await page.screenshot({ path: out });
await browser.close();
