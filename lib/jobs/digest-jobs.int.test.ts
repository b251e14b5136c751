/**
 * The digest jobs on two pg-boss workers sharing one database, as two `start:worker` processes
 * would: they tick at the same moment, the same job is delivered twice, an attempt fails.
 * Every case must end with exactly one email.
 */
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createScheduledDeliveries, getDelivery, listDeliveries } from "@/lib/db/digest-deliveries";
import { createDigestSubscription } from "@/lib/db/digest-subscriptions";
import { startSmtpTestServer, type SmtpTestServer } from "@/lib/digest/testing/smtp-test-server";
import { createSmtpTransport } from "@/lib/digest/transport";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { startBoss } from "./boss";
import { enqueueDigestSends, registerDigestJobs, type DigestJobOptions, type DigestJobs } from "./digest-jobs";

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("digest jobs on two workers", () => {
  let database: TestDatabase;
  let smtp: SmtpTestServer;
  let bosses: PgBoss[];
  let workers: DigestJobs[];

  beforeAll(async () => {
    database = await createTestDatabase();
    // One at a time: each start creates or checks pg-boss's schema.
    bosses = [await startBoss(database.url), await startBoss(database.url)];
  });
  afterAll(async () => {
    await Promise.all((bosses ?? []).map((boss) => boss.stop({ graceful: false, wait: true, timeout: 5_000 }).catch(() => undefined)));
    await database?.drop();
  });
  beforeEach(async () => {
    // Ids keep counting: a job left from an earlier test must not name a delivery of this one.
    await db().$executeRaw`TRUNCATE digest_delivery, digest_subscription CASCADE`;
    smtp = await startSmtpTestServer();
    workers = [];
  });
  afterEach(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await smtp.stop();
  });

  async function startWorkers(options: Partial<DigestJobOptions> = {}): Promise<DigestJobs[]> {
    workers = await Promise.all(
      bosses.map((boss) =>
        registerDigestJobs(boss, {
          transport: createSmtpTransport({ url: smtp.url(), requireTls: false, rejectUnauthorized: true }),
          from: "iamfit <digest@iamfit.example.com>",
          baseUrl: "https://iamfit.example.com",
          log: () => undefined,
          tickCron: null,
          pollingIntervalSeconds: 0.5,
          sendConcurrency: 2,
          ...options,
        }),
      ),
    );
    return workers;
  }

  it("sends one email when both workers tick at the digest's time, again and again", async () => {
    // Monday 09:00:30 in Berlin: the subscription's slot has just come.
    const now = new Date("2026-03-30T07:00:30Z");
    const subscription = await createDigestSubscription({ email: "ops@example.com", scope: { kind: "all" }, schedule: { weekday: 1, hour: 9, timeZone: "Europe/Berlin" } });
    await db().digestSubscription.update({ where: { id: subscription.id }, data: { updatedAt: new Date("2026-03-01T00:00:00Z") } });
    const [first, second] = await startWorkers({ now: () => now });

    const ticks = await Promise.all([first!.runTick(), second!.runTick(), first!.runTick(), second!.runTick()]);
    expect(ticks.reduce((sum, tick) => sum + tick.created, 0)).toBe(1);

    const [delivery] = await waitFor(() => listDeliveries(subscription.id), (deliveries) => deliveries[0]?.status === "sent");
    expect(delivery).toMatchObject({ week: "2026-W14", status: "sent", attempts: 1 });
    // Later ticks of the same week (a restart, a late worker) find the week delivered.
    await Promise.all([first!.runTick(), second!.runTick()]);
    await settle(1500);
    expect(smtp.received).toHaveLength(1);
    expect(await listDeliveries(subscription.id)).toHaveLength(1);
  });

  it("sends one email when the same send job reaches both workers at once", async () => {
    const subscription = await createDigestSubscription({ email: "ops@example.com", scope: { kind: "all" }, schedule: { weekday: 1, hour: 9, timeZone: "UTC" } });
    const [deliveryId] = await createScheduledDeliveries([{ subscriptionId: subscription.id, week: "2026-W14", scheduledFor: new Date(), recipient: "ops@example.com" }]);
    const [first, second] = await startWorkers();

    const outcomes = await Promise.all([first!.sendNow(deliveryId!), second!.sendNow(deliveryId!), first!.sendNow(deliveryId!)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["not-claimed", "not-claimed", "sent"]);
    // …and the queue delivering it again afterwards changes nothing.
    await Promise.all(bosses.map((boss) => enqueueDigestSends(boss, [deliveryId!])));
    await settle(2000);
    expect(smtp.received).toHaveLength(1);
    expect(await getDelivery(deliveryId!)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("retries a refused attempt through the queue after its backoff and sends once", async () => {
    const subscription = await createDigestSubscription({ email: "ops@example.com", scope: { kind: "all" }, schedule: { weekday: 1, hour: 9, timeZone: "UTC" } });
    const [deliveryId] = await createScheduledDeliveries([{ subscriptionId: subscription.id, week: "2026-W14", scheduledFor: new Date(), recipient: "ops@example.com" }]);
    smtp.refuseNext(1, 421, "Service not available, closing transmission channel");
    await startWorkers({ firstRetryDelayMs: 1000 });

    await enqueueDigestSends(bosses[0]!, [deliveryId!]);
    const retrying = await waitFor(() => getDelivery(deliveryId!), (delivery) => delivery?.status === "retrying");
    expect(retrying).toMatchObject({ status: "retrying", attempts: 1, lastError: expect.stringMatching(/421/) });

    const sent = await waitFor(() => getDelivery(deliveryId!), (delivery) => delivery?.status === "sent");
    expect(sent).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    await settle(1500);
    expect(smtp.received).toHaveLength(1);
  });
});
