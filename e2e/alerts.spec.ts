/**
 * Alerts, end to end, against webhook receivers on loopback:
 * - an admin adds a webhook whose receiver answers 500, sends a test, and sees it failing;
 * - a second `npm start` server whose iamfit.config.json names a receiver signs and sends one alert
 *   per critical and high finding of its first collection; a breakage in the sandbox (a new
 *   administrator) sends one alert per new finding, and the next collection sends nothing more.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import pg from "pg";
import { startAppServer, type AppServer } from "./support/app-server";
import { attachOutputOnFailure, openFreshServer } from "./support/second-server-session";
import { hasValidSignature, startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "./support/webhook-receiver";

const stamp = Date.now().toString(36);

test("an admin adds a webhook that answers 500, sends a test and sees it failing with the status", async ({ page }) => {
  const receiver = await startWebhookReceiver(500);
  const secret = `failing-receiver-secret-${stamp}`;
  const name = `Failing receiver ${stamp}`;
  try {
    await page.goto("/settings/alerts");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Webhook URL").fill(receiver.url());
    await page.getByLabel("Signing secret").fill(secret);
    await page.getByRole("button", { name: "Add destination" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Added “${name}”` })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("Webhook (signed JSON)");
    await expect(row).toContainText("High and critical");
    await expect(row).toContainText("Web");
    await expect(row).toContainText("None yet");

    await row.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await page.getByRole("button", { name: "Send test" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Not delivered. Answered 500: receiver is down." })).toBeVisible();
    expect(receiver.received).toHaveLength(1);
    expect(hasValidSignature(receiver.received[0]!, secret)).toBe(true);
    expect(JSON.parse(receiver.received[0]!.rawBody)).toMatchObject({ event: "test", status: "test" });

    await page.reload();
    await expect(page.getByRole("region", { name: "State" })).toContainText("Failing");
    const log = page.getByRole("table", { name: /Deliveries to this destination/ });
    await expect(log.getByRole("row")).toHaveCount(2);
    const delivery = log.getByRole("row").nth(1);
    for (const text of ["Test alert", "Test account", "Failed, will retry", "500", "receiver is down"]) await expect(delivery).toContainText(text);

    await page.goto("/settings/alerts");
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Failing");
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("answered 500");

    // Deleted, so this server's worker stops retrying it.
    await page.getByRole("row").filter({ hasText: name }).getByRole("link", { name }).click();
    await page.getByRole("button", { name: "Delete destination" }).click();
    await expect(page).toHaveURL(/\/settings\/alerts$/);
    await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  } finally {
    await receiver.stop();
  }
});

test.describe("from iamfit.config.json, on a second npm start server", () => {
  const ADMIN = { name: "Ada Alerts", email: "ada.alerts@example.com", password: "amber-signal-harbor-7" };
  const SECRET = `config-file-secret-${stamp}`;
  // dev-experiments: the account the breakage goes to.
  const ACCOUNT = "163470298815";
  const NEW_ADMIN = `alerts-e2e-${stamp}`;
  let receiver: WebhookReceiver;
  let server: AppServer;
  let serverEnv: Record<string, string>;
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(360_000);
    receiver = await startWebhookReceiver(200);
    const configDir = mkdtempSync(path.join(os.tmpdir(), "iamfit-e2e-alerts-"));
    const configFile = path.join(configDir, "iamfit.config.json");
    writeFileSync(configFile, JSON.stringify({ alerts: [{ name: "ops", type: "webhook", url: receiver.url(), secretEnv: "IAMFIT_ALERT_SECRET", minSeverity: "high" }] }));
    // No schedule: only the collections this journey starts happen.
    serverEnv = { IAMFIT_CONFIG_FILE: configFile, IAMFIT_ALERT_SECRET: SECRET, IAMFIT_COLLECT_INTERVAL_HOURS: "0" };
    ({ server, context, page } = await openFreshServer(browser, serverEnv, ADMIN));
  });

  test.afterEach(async ({}, testInfo: TestInfo) => attachOutputOnFailure(server, testInfo));

  test.afterAll(async () => {
    await context?.close();
    await server?.stop();
    await receiver?.stop();
  });

  async function query<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<Row[]> {
    const client = new pg.Client({ connectionString: server.databaseUrl() });
    await client.connect();
    try {
      return (await client.query<Row>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  /** Account, check and resource of every open critical or high failing finding, as the alerts name them. */
  async function openSevereFindings(): Promise<string[]> {
    const rows = await query<{ key: string }>(
      `SELECT a.aws_account_id || ' ' || f.check_id || ' ' || f.resource_id AS key FROM finding f JOIN linked_account a ON a.id = f.account_id
        WHERE f.status = 'fail' AND f.closed_run_id IS NULL AND f.severity IN ('critical', 'high') ORDER BY 1`,
    );
    return rows.map((row) => row.key);
  }

  function keyOf(webhook: ReceivedWebhook): string {
    const body = JSON.parse(webhook.rawBody) as { account: { id: string }; check: { id: string }; resource: { id: string } };
    return `${body.account.id} ${body.check.id} ${body.resource.id}`;
  }

  function expectSignedOnce(webhooks: ReceivedWebhook[]) {
    for (const webhook of webhooks) {
      expect(webhook.path).toBe("/alerts");
      expect(hasValidSignature(webhook, SECRET), webhook.rawBody).toBe(true);
      const body = JSON.parse(webhook.rawBody) as { event: string; check: { severity: string }; link: string; account: { id: string } };
      expect(["finding_opened", "finding_reopened"]).toContain(body.event);
      expect(["critical", "high"]).toContain(body.check.severity);
      expect(body.link).toContain(`/accounts/${body.account.id}`);
    }
    const deliveryIds = webhooks.map((webhook) => webhook.headers["x-iamfit-delivery"]);
    expect(new Set(deliveryIds).size).toBe(webhooks.length);
  }

  async function collectAccountAndWait() {
    const [latest] = await query<{ last: string | null }>("SELECT max(id)::text AS last FROM collection_run");
    await page.goto(`/accounts/${ACCOUNT}`);
    await page.getByRole("button", { name: /^Collect( now)?$/ }).first().click();
    await expect
      .poll(async () => (await query("SELECT 1 FROM collection_run WHERE id > $1 AND finished_at IS NOT NULL", [latest?.last ?? "0"])).length, { timeout: 120_000, intervals: [2_000] })
      .toBe(1);
  }

  test("the first collection's critical and high findings arrive signed, once each", async () => {
    test.setTimeout(300_000);
    // The worker's alert tick runs every minute; nobody presses anything.
    await expect(async () => {
      const expected = await openSevereFindings();
      expect(expected.length).toBeGreaterThan(0);
      expect(receiver.received.map(keyOf).sort()).toEqual(expected);
    }).toPass({ timeout: 200_000, intervals: [5_000] });
    expectSignedOnce(receiver.received);

    await page.goto("/settings/alerts");
    const row = page.getByRole("row").filter({ hasText: "ops" });
    await expect(row).toContainText("Configuration file");
    await expect(row).toContainText("Delivered");
    await row.getByRole("link", { name: "ops" }).click();
    await expect(page.getByText("This destination comes from the configuration file")).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete destination" })).toHaveCount(0);
  });

  test("a new administrator in the sandbox sends one alert per new finding; the next collection sends nothing", async () => {
    test.setTimeout(420_000);
    const before = receiver.received.length;
    const failingBefore = new Set(await openSevereFindings());
    // The CLI stores the breakage; the server's sandbox replays it when it starts again.
    execFileSync(process.execPath, ["bin/iamfit.cjs", "sandbox", "apply", JSON.stringify({ type: "add-admin-user", accountId: ACCOUNT, userName: NEW_ADMIN })], {
      cwd: path.join(__dirname, ".."),
      env: { ...process.env, DATABASE_URL: server.databaseUrl(), IAMFIT_SANDBOX: "1" },
      stdio: "pipe",
    });
    const dataDir = server.dataDir;
    await server.stop({ keepData: true });
    server = await startAppServer(serverEnv, { dataDir });

    await collectAccountAndWait();
    const added = (await openSevereFindings()).filter((key) => !failingBefore.has(key));
    expect(added.length).toBeGreaterThan(0);
    expect(added.some((key) => key.includes(NEW_ADMIN)), added.join("\n")).toBe(true);
    await expect(async () => expect(receiver.received.slice(before).map(keyOf).sort()).toEqual(added)).toPass({ timeout: 150_000, intervals: [5_000] });
    expectSignedOnce(receiver.received);
    const afterBreakage = receiver.received.length;

    await collectAccountAndWait();
    // Longer than one alert tick (every minute): had the collection owed an alert, it would be here.
    await page.waitForTimeout(75_000);
    expect(receiver.received).toHaveLength(afterBreakage);
    expect(await query("SELECT 1 FROM alert_delivery")).toHaveLength(afterBreakage);
  });
});
