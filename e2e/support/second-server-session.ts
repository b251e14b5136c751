/**
 * A journey on its own server (./app-server.ts): started with the journey's settings, its first
 * admin created in the browser, its first collection done; and that server's output attached to
 * the report of a test that failed.
 */
import { writeFileSync } from "node:fs";
import type { Browser, BrowserContext, Page, TestInfo } from "@playwright/test";
import { SignInPages } from "../pages/sign-in-pages";
import { startAppServer, type AppServer } from "./app-server";
import { SIGNED_OUT } from "./auth-state";
import { waitForFirstCollection } from "./collections";

export interface SecondServerSession {
  server: AppServer;
  context: BrowserContext;
  page: Page;
}

export async function openFreshServer(
  browser: Browser,
  env: Record<string, string>,
  admin: { name: string; email: string; password: string },
): Promise<SecondServerSession> {
  const server = await startAppServer(env);
  const context = await browser.newContext({ baseURL: server.baseURL, storageState: SIGNED_OUT });
  try {
    const page = await context.newPage();
    await page.goto("/");
    await new SignInPages(page).createFirstAdmin(admin);
    await waitForFirstCollection(page);
    return { server, context, page };
  } catch (error) {
    // The journey never gets the server to stop in its afterAll: left running, it holds the port.
    await context.close();
    await server.stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\nThe second server's output:\n${server.output().slice(-5000)}`);
  }
}

export async function attachOutputOnFailure(server: AppServer | undefined, testInfo: TestInfo): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus || !server) return;
  const log = testInfo.outputPath("second-server.log");
  writeFileSync(log, server.output());
  await testInfo.attach("second server's output", { path: log, contentType: "text/plain" });
}
