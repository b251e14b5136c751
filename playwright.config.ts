import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { storageStatePath } from "./e2e/support/auth-state";
import { E2E_PORT, serverEnv } from "./e2e/support/server-env";

// scripts/run-e2e.mjs picks the browser and a fresh data directory; these defaults let
// `npx playwright test` work on its own too.
const port = E2E_PORT;
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `iamfit-e2e-${process.pid}`);
const chromiumPath = process.env.CHROMIUM_PATH || undefined;
// E2E_BASE_URL points the journeys at a server you already run (development); CI starts its own.
const externalBaseUrl = process.env.E2E_BASE_URL;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1, // one server and one sandbox world shared by the journeys
  retries: 0,
  timeout: 90_000,
  // The whole run (about 10 minutes on two loaded cores); scripts/run-e2e.mjs also stops a run
  // that prints nothing for minutes, since a deadlocked worker never reaches its own timeouts.
  globalTimeout: Number(process.env.E2E_GLOBAL_TIMEOUT_MINUTES || 30) * 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: externalBaseUrl ?? `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // First, on the fresh server: first-run setup, and one stored signed-in state per role.
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    // Then, still untouched by any journey: a newcomer opens every page (no organization discovered yet).
    { name: "fresh-installation", dependencies: ["setup"], testMatch: /fresh-installation\.spec\.ts$/, use: { storageState: storageStatePath("admin") } },
    // Every journey starts signed in as the admin unless it says otherwise (test.use storageState).
    {
      name: "journeys",
      dependencies: ["setup", "fresh-installation"],
      testIgnore: /fresh-installation\.spec\.ts$/,
      use: { storageState: storageStatePath("admin") },
    },
  ],
  webServer: externalBaseUrl ? undefined : {
    command: "npm start",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    // iamfit stops its embedded PostgreSQL on SIGTERM; a SIGKILL would leave it to the next start.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "ignore", // the server's log lines drown the test report; stderr still shows
    stderr: "pipe",
    env: serverEnv({ port, dataDir }),
  },
});
