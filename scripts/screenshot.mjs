// Screenshots of running iamfit pages, for the README and for checking pages by eye:
//   node scripts/screenshot.mjs http://localhost:3000 out-dir / /accounts …
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const [base, outDir, ...paths] = process.argv.slice(2);
if (!base || !outDir || paths.length === 0) {
  console.error("usage: node scripts/screenshot.mjs <base-url> <out-dir> <path> [path…]");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: process.env.COLOR_SCHEME === "dark" ? "dark" : "light" });
for (const target of paths) {
  await page.goto(new URL(target, base).toString(), { waitUntil: "networkidle" });
  const file = path.join(outDir, `${target.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}.png`);
  await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === "1" });
  console.log(file);
}
await browser.close();
