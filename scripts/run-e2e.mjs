// Runs the Playwright journeys: finds a Chromium (CHROMIUM_PATH, Playwright's own download, or
// Debian's /usr/bin/chromium), builds the app, and starts it on a fresh data directory.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright's browser was never downloaded; fine when a system Chromium exists.
  }
  candidates.push("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) {
    console.error(
      "No Chromium found. Install one: `npx playwright install chromium` (with internet), or `apt-get install chromium`, or set CHROMIUM_PATH.",
    );
    process.exit(1);
  }
  return found;
}

const env = { ...process.env, CHROMIUM_PATH: findChromium(), NEXT_TELEMETRY_DISABLED: "1" };
if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const dataDir = mkdtempSync(path.join(os.tmpdir(), "iamfit-e2e-"));
env.E2E_DATA_DIR = dataDir;
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
rmSync(dataDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
