import { chromium } from "@playwright/test";
const [path, selector, width, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const context = await browser.newContext({ storageState: "e2e/.auth/admin.json", viewport: { width: Number(width), height: 900 } });
const page = await context.newPage();
await page.goto("http://127.0.0.1:3310" + path, { waitUntil: "networkidle" });
await page.locator(selector).first().screenshot({ path: out });
console.log(out);
await browser.close();
