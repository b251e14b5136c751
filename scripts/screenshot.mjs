// Screenshots of running iamfit pages, for the README and for checking pages by eye:
//   node scripts/screenshot.mjs http://localhost:3000 out-dir / /accounts …
// Signed in, with either of:
//   SCREENSHOT_STORAGE_STATE=e2e/.auth/admin.json   a Playwright storage state (the e2e setup writes one per role)
//   SCREENSHOT_EMAIL=… SCREENSHOT_PASSWORD=… SCREENSHOT_TOTP_SECRET=…   signs in first (the secret is the Base32 key)
// COLOR_SCHEME=dark for dark mode, FULL_PAGE=1 for whole pages, WIDTH=390 for a phone-sized viewport
// (default 1440; file names then end in -390).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { generate } from "otplib";

const [base, outDir, ...paths] = process.argv.slice(2);
if (!base || !outDir || paths.length === 0) {
  console.error("usage: node scripts/screenshot.mjs <base-url> <out-dir> <path> [path…]");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const width = Number(process.env.WIDTH || 1440);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({
  viewport: { width, height: 900 },
  colorScheme: process.env.COLOR_SCHEME === "dark" ? "dark" : "light",
  storageState: process.env.SCREENSHOT_STORAGE_STATE || undefined,
});
const page = await context.newPage();

if (process.env.SCREENSHOT_EMAIL) {
  await page.goto(new URL("/sign-in", base).toString());
  await page.getByLabel("Email").fill(process.env.SCREENSHOT_EMAIL);
  await page.getByLabel("Password").fill(process.env.SCREENSHOT_PASSWORD ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("6-digit code").fill(await generate({ secret: (process.env.SCREENSHOT_TOTP_SECRET ?? "").replace(/\s+/g, "") }));
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((url) => !/\/(sign-in|two-factor)/.test(url.pathname));
}

for (const target of paths) {
  await page.goto(new URL(target, base).toString(), { waitUntil: "networkidle" });
  const file = path.join(outDir, `${target.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}${width === 1440 ? "" : `-${width}`}.png`);
  await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === "1" });
  console.log(file);
}
await browser.close();
