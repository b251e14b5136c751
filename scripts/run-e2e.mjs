// Runs the Playwright journeys: finds a Chromium (CHROMIUM_PATH, Playwright's own download, or
// Debian's /usr/bin/chromium), builds the app, and starts it on a fresh data directory. A
// watchdog fails the run when it prints nothing for E2E_STALL_MINUTES (6) or outlives
// Playwright's own globalTimeout (playwright.config.ts) by two minutes.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { minutesFromEnv, runWatched } from "./watchdog.mjs";

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
// A journey waits at most 90 s, a hook or the web server's start 4 minutes: 6 silent minutes is a hang.
const status = await runWatched("the journeys", "npx", ["playwright", "test", ...process.argv.slice(2)], {
  env,
  stallMs: minutesFromEnv("E2E_STALL_MINUTES", 6),
  totalMs: minutesFromEnv("E2E_GLOBAL_TIMEOUT_MINUTES", 30) + 2 * 60_000,
});
rmSync(dataDir, { recursive: true, force: true });
process.exit(status);
