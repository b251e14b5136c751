/**
 * The weekly digest delivered by the process `npm start` runs (web and worker in one process):
 * a test digest read from the local outbox on the suite's server (no mail server configured, as a
 * fresh installation), and, on a second `npm start` server whose SMTP_URL points at a real SMTP
 * server on loopback, a test digest and a scheduled one read from what that server received.
 */
import { expect, test, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { DateTime } from "luxon";
import pg from "pg";
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from "@/lib/digest/testing/smtp-test-server";
import { DigestPage } from "./pages/digest-page";
import type { AppServer } from "./support/app-server";
import { waitForFirstCollection } from "./support/collections";
import { attachOutputOnFailure, openFreshServer } from "./support/second-server-session";

// Unique per run, so the journeys can run again against one server (E2E_BASE_URL).
const stamp = Date.now().toString(36);
// The sandbox account whose trust policy refuses iamfit: every digest lists it as not assessed.
const NOT_ASSESSED_ACCOUNT = "partner-integration";

test("a subscriber sends a test digest and reads it in the local outbox", async ({ page }) => {
  const digests = new DigestPage(page);
  await waitForFirstCollection(page);
  await digests.open();
  await expect(page.getByText("No mail server configured")).toBeVisible();
  const email = `outbox-${stamp}@example.com`;
  await digests.subscribe({ email });
  await digests.sendTestDigest();

  const delivery = await digests.expectSent("Test");
  await expect(delivery).toContainText(`to ${email}`);
  await delivery.getByRole("link", { name: "local outbox" }).click();

  // The message as written to the outbox, not the page's own preview of the digest.
  await expect(page).toHaveURL(/\/digests\/outbox\?file=/);
  await expect(page.getByRole("heading", { level: 2, name: /^\[Test\] iamfit weekly digest/ })).toBeVisible();
  await expect(page.locator("dd").filter({ hasText: email })).toBeVisible();
  const html = page.frameLocator("iframe[title^='Preview of']");
  await expect(html.getByRole("heading", { name: /Accounts that could not be assessed/ })).toBeVisible();
  await expect(html.getByText(NOT_ASSESSED_ACCOUNT).first()).toBeVisible();
  await page.getByRole("link", { name: "Plain text" }).click();
  await expect(page.getByLabel("Plain-text part")).toContainText(NOT_ASSESSED_ACCOUNT);
});

test.describe("over SMTP, from a second npm start server", () => {
  const ADMIN = { name: "Mia Mailer", email: "mia.mailer@example.com", password: "copper-lantern-river-4" };
  const FROM = "iamfit <digest@iamfit.example.com>";
  let smtp: SmtpTestServer;
  let server: AppServer;
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    // Start-up of a fresh server (PostgreSQL, migrations, Next) and its first collection.
    test.setTimeout(360_000);
    smtp = await startSmtpTestServer();
    ({ server, context, page } = await openFreshServer(browser, { SMTP_URL: smtp.url(), SMTP_FROM: FROM }, ADMIN));
  });

  test.afterEach(async ({}, testInfo: TestInfo) => attachOutputOnFailure(server, testInfo));

  test.afterAll(async () => {
    await context?.close();
    await server?.stop();
    await smtp?.stop();
  });

  function receivedBy(address: string): ReceivedMail[] {
    return smtp.received.filter((mail) => mail.envelopeTo.includes(address));
  }

  function expectDigestBody(mail: ReceivedMail) {
    expect(mail.parsed.from?.value).toEqual([{ address: "digest@iamfit.example.com", name: "iamfit" }]);
    expect(mail.parsed.html).toContain("Accounts that could not be assessed");
    expect(mail.parsed.html).toContain(NOT_ASSESSED_ACCOUNT);
    expect(mail.parsed.text).toContain(NOT_ASSESSED_ACCOUNT);
    const header = (name: string) => mail.parsed.headerLines.filter((line) => line.key === name).map((line) => line.line.slice(line.line.indexOf(":") + 1).trim());
    expect(header("list-unsubscribe-post")).toEqual(["List-Unsubscribe=One-Click"]);
  }

  test("a subscriber sends a test digest and it arrives at the mail server", async () => {
    const digests = new DigestPage(page);
    await digests.open();
    await expect(page.getByText("No mail server configured")).toHaveCount(0);
    const email = `smtp-${stamp}@example.com`;
    await digests.subscribe({ email });
    await digests.sendTestDigest();

    const delivery = await digests.expectSent("Test");
    await expect(delivery).toContainText("over SMTP");
    const received = receivedBy(email);
    expect(received).toHaveLength(1);
    expect(received[0]!.parsed.subject).toMatch(/^\[Test\] iamfit weekly digest: score \d+/);
    expectDigestBody(received[0]!);
  });

  test("a subscription whose weekly time has come is delivered by the same process, unasked", async () => {
    test.setTimeout(240_000);
    // This hour of this weekday in UTC, subscribed "last week": the slot is due now. Subscribing
    // after a slot waits for next week's, so the subscription is dated back in its database.
    const now = DateTime.utc();
    const email = `scheduled-${stamp}@example.com`;
    const digests = new DigestPage(page);
    await digests.open();
    await digests.subscribe({ email, weekday: now.weekday, hour: now.hour, timeZone: "UTC" });
    const database = new pg.Client({ connectionString: server.databaseUrl() });
    await database.connect();
    try {
      const dated = await database.query("UPDATE digest_subscription SET updated_at = now() - interval '2 hours' WHERE email = $1", [email]);
      expect(dated.rowCount).toBe(1);
    } finally {
      await database.end();
    }

    // The worker's tick runs every minute; nobody presses anything.
    const week = now.toFormat("kkkk-'W'WW");
    const delivery = await digests.expectSent(`Week ${week}`, 180_000);
    await expect(delivery).toContainText("over SMTP");
    const received = receivedBy(email);
    expect(received).toHaveLength(1);
    expect(received[0]!.parsed.subject).toMatch(/^iamfit weekly digest: score \d+/);
    expectDigestBody(received[0]!);
  });
});
