/**
 * Alerts on two pg-boss workers sharing one database, as two `start:worker` processes would,
 * against a real HTTP receiver on loopback: both tick at once and each event arrives once, signed;
 * a later scan sends nothing more; a failing receiver is retried and its failure recorded.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { alertDestinationSettingsSchema } from "@/lib/alerts/destination";
import { sealAlertSecret } from "@/lib/alerts/secret-box";
import { listAlertDeliveries } from "@/lib/db/alert-deliveries";
import { createDestination } from "@/lib/db/alert-destinations";
import { db } from "@/lib/db/client";
import { collect, userFinding } from "@/lib/remediation/testing/checklist-factories";
import { clearScorecardTables, insertAccount, insertFinding, insertRun } from "@/lib/db/scorecard-test-factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { registerAlertJobs, type AlertJobs } from "./alert-jobs";
import { startBoss } from "./boss";

const KEY = "k".repeat(40);
const SECRET = "whsec-test";

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

describe("alert jobs on two workers", () => {
  let database: TestDatabase;
  let bosses: PgBoss[];
  let workers: AlertJobs[] = [];
  let received: Received[] = [];
  let answer = 200;
  const receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(answer).end();
    });
  });
  let receiverUrl = "";

  beforeAll(async () => {
    database = await createTestDatabase();
    bosses = [await startBoss(database.url), await startBoss(database.url)];
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await Promise.all((bosses ?? []).map((boss) => boss.stop({ graceful: false, wait: true, timeout: 5_000 }).catch(() => undefined)));
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await database?.drop();
  });
  beforeEach(async () => {
    await db().$executeRaw`TRUNCATE alert_delivery, alert_destination CASCADE`;
    await clearScorecardTables();
    received = [];
    answer = 200;
  });
  afterEach(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    workers = [];
  });

  async function startWorkers(): Promise<AlertJobs[]> {
    workers = await Promise.all(
      bosses.map((boss) =>
        registerAlertJobs(boss, { baseUrl: "https://iamfit.example.com", authSecret: KEY, env: { IAMFIT_ALERT_SECRET: SECRET }, log: () => undefined, tickCron: null, pollingIntervalSeconds: 0.5, firstRetryDelayMs: 300 }),
      ),
    );
    return workers;
  }

  async function addWebhook(createdAt = new Date(Date.now() - 60_000)) {
    const settings = alertDestinationSettingsSchema.parse({ name: "ops", type: "webhook", url: receiverUrl });
    const id = await createDestination({ settings, source: "config", urlEncrypted: await sealAlertSecret(receiverUrl, KEY), secretEncrypted: null, secretEnv: "IAMFIT_ALERT_SECRET", host: new URL(receiverUrl).host });
    await db().alertDestination.update({ where: { id }, data: { createdAt } });
    return id;
  }

  it("sends each new critical or high failure once, signed, however many workers tick", async () => {
    const account = await insertAccount({ name: "payments", awsAccountId: "111122223333" });
    const run = await insertRun();
    await insertFinding({ accountId: account.id, firstRunId: run, checkId: "root.access-keys", exercise: 1, resourceId: "arn:aws:iam::111122223333:root", resourceType: "root", resourceName: "root", severity: "critical" });
    await insertFinding({ accountId: account.id, firstRunId: run, severity: "medium", resourceName: "bob" });
    const destinationId = await addWebhook();
    const [first, second] = await startWorkers();
    await Promise.all([first!.runTick(), second!.runTick(), first!.runTick()]);
    await waitFor(async () => received.length, (count) => count >= 1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    expect(received).toHaveLength(1);
    const [alert] = received;
    const body = JSON.parse(alert!.body);
    expect(body).toMatchObject({ event: "finding_opened", account: { id: "111122223333", name: "payments" }, check: { id: "root.access-keys", severity: "critical" }, status: "fail" });
    expect(body.link).toBe("https://iamfit.example.com/accounts/111122223333/resources?id=arn%3Aaws%3Aiam%3A%3A111122223333%3Aroot");
    const [t, v1] = String(alert!.headers["x-iamfit-signature"]).split(",").map((part) => part.split("=")[1]);
    expect(v1).toBe(createHmac("sha256", SECRET).update(`${t}.${alert!.body}`).digest("hex"));

    await Promise.all([first!.runTick(), second!.runTick()]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(received).toHaveLength(1);
    expect((await listAlertDeliveries(destinationId)).map((delivery) => [delivery.event, delivery.status, delivery.responseStatus])).toEqual([["finding_opened", "sent", 200]]);
  });

  it("says nothing when a failure only continues, and reopened when it fails again after passing", async () => {
    const account = await insertAccount({ awsAccountId: "111122223334" });
    const [one, two, three] = [await insertRun(), await insertRun(), await insertRun()];
    const before = new Date(Date.now() - 3_600_000);
    await insertFinding({ accountId: account.id, firstRunId: one, closedRunId: two, resourceName: "carol", firstSeenAt: before });
    await insertFinding({ accountId: account.id, firstRunId: two, resourceName: "carol", severity: "critical" }); // continued, with a new severity
    await insertFinding({ accountId: account.id, firstRunId: one, closedRunId: two, resourceName: "dave", firstSeenAt: before });
    await insertFinding({ accountId: account.id, firstRunId: two, closedRunId: three, resourceName: "dave", status: "pass" });
    await insertFinding({ accountId: account.id, firstRunId: three, resourceName: "dave" }); // failing again
    await addWebhook(new Date(Date.now() - 120_000));
    const [first] = await startWorkers();
    await first!.runTick();
    await waitFor(async () => received.length, (count) => count >= 1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(received.map((alert) => [JSON.parse(alert.body).event, JSON.parse(alert.body).resource.name])).toEqual([["finding_reopened", "dave"]]);
  });

  it("sends an overdue checklist item once for its due day, and nothing on the next scan", async () => {
    const account = await insertAccount({ awsAccountId: "111122223336", name: "ledger" });
    await collect(account, new Date(Date.now() - 5 * 86_400_000), [userFinding(account.id, "erin", "fail")]);
    await db().checklistItem.updateMany({ data: { dueOn: new Date(`${new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)}T00:00:00.000Z`) } });
    const destinationId = await addWebhook(new Date(Date.now() - 7 * 86_400_000));
    await db().alertDestination.update({ where: { id: destinationId }, data: { events: ["checklist_overdue"] } });
    const [first, second] = await startWorkers();
    await first!.runTick();
    await waitFor(async () => received.length, (count) => count >= 1);
    await second!.runTick();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(received.map((alert) => [JSON.parse(alert.body).event, JSON.parse(alert.body).status, JSON.parse(alert.body).account.name])).toEqual([["checklist_overdue", "overdue", "ledger"]]);
    expect((await listAlertDeliveries(destinationId)).map((delivery) => delivery.eventKey)).toEqual([expect.stringMatching(/^checklist-overdue:\d+:\d{4}-\d{2}-\d{2}$/)]);
  });

  it("retries a failing receiver and shows the failure in the log", async () => {
    const account = await insertAccount({ awsAccountId: "111122223335" });
    await insertFinding({ accountId: account.id, firstRunId: await insertRun(), severity: "high" });
    const destinationId = await addWebhook();
    answer = 503;
    const [first] = await startWorkers();
    await first!.runTick();
    const retrying = await waitFor(() => listAlertDeliveries(destinationId), (rows) => rows[0]?.status === "retrying");
    expect(retrying[0]).toMatchObject({ status: "retrying", responseStatus: 503, attempts: 1 });
    answer = 200;
    const sent = await waitFor(() => listAlertDeliveries(destinationId), (rows) => rows[0]?.status === "sent");
    expect(sent[0]).toMatchObject({ status: "sent", responseStatus: 200, attempts: 2 });
    expect(received).toHaveLength(2);
  });
});
