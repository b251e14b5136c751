/**
 * A digest sent through a real SMTP server on loopback: the received message, both parts, the
 * one-click unsubscribe headers, and what happens when the server refuses.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createScheduledDeliveries, getDelivery } from "@/lib/db/digest-deliveries";
import { createDigestSubscription, getDigestSubscription, getOrCreateDigestSigningKey } from "@/lib/db/digest-subscriptions";
import { clearScorecardTables, insertAccount, insertAccountScore, insertFinding, insertOrgScore, insertRun } from "@/lib/db/scorecard-test-factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { sendDelivery, type DigestSendContext } from "./send-digest";
import { HOSTILE_NAME } from "./testing/factories";
import { startSmtpTestServer, type SmtpTestServer } from "./testing/smtp-test-server";
import { createSmtpTransport } from "./transport";
import { verifyUnsubscribe } from "./unsubscribe-token";

const NOW = new Date("2026-03-30T07:00:00Z");
const BASE_URL = "https://iamfit.example.com";
const FROM = "iamfit <digest@iamfit.example.com>";
const SMTP_USER = "digest@iamfit.example.com";
const SMTP_PASS = "p@ss:word/with%specials";

describe("sending a digest over SMTP", () => {
  let database: TestDatabase;
  let smtp: SmtpTestServer;
  let context: DigestSendContext;
  let clock: Date;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => {
    await db().$executeRaw`TRUNCATE digest_delivery, digest_subscription RESTART IDENTITY CASCADE`;
    await clearScorecardTables();
    smtp = await startSmtpTestServer({ user: SMTP_USER, pass: SMTP_PASS });
    clock = NOW;
    context = {
      transport: createSmtpTransport({ url: smtp.url({ user: SMTP_USER, pass: SMTP_PASS }), requireTls: false, rejectUnauthorized: true }),
      from: FROM,
      baseUrl: BASE_URL,
      now: () => clock,
      firstRetryDelayMs: 60_000,
    };
  });
  afterEach(async () => {
    context.transport.close();
    await smtp.stop();
  });

  async function seedWeek() {
    const before = await insertRun({ createdAt: new Date(NOW.getTime() - 8 * 86_400_000) });
    const now = await insertRun({ createdAt: NOW });
    const account = await insertAccount({ name: "production" });
    await insertAccountScore({ accountId: account.id, runId: before, score: 90 });
    await insertAccountScore({ accountId: account.id, runId: now, score: 61 });
    await insertOrgScore({ runId: before, score: 90 });
    await insertOrgScore({ runId: now, score: 61 });
    await insertFinding({ accountId: account.id, resourceName: HOSTILE_NAME, severity: "critical", firstRunId: now, firstSeenAt: NOW });
    return account;
  }

  async function scheduledDelivery(): Promise<{ subscriptionId: string; deliveryId: string }> {
    const subscription = await createDigestSubscription({ email: "ops@example.com", scope: { kind: "all" }, schedule: { weekday: 1, hour: 9, timeZone: "Europe/Berlin" } });
    const [deliveryId] = await createScheduledDeliveries([{ subscriptionId: subscription.id, week: "2026-W14", scheduledFor: NOW, recipient: "ops@example.com" }]);
    return { subscriptionId: subscription.id, deliveryId: deliveryId! };
  }

  it("delivers one message with both parts and RFC 8058 one-click unsubscribe headers, authenticated", async () => {
    const account = await seedWeek();
    const { subscriptionId, deliveryId } = await scheduledDelivery();

    expect(await sendDelivery(deliveryId, context)).toMatchObject({ status: "sent" });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.authenticatedUser).toBe(SMTP_USER);
    expect(mail!.envelopeTo).toEqual(["ops@example.com"]);
    const parsed = mail!.parsed;
    expect(parsed.subject).toBe("iamfit weekly digest: score 61 (\u221229), 1 new critical/high failure");
    expect(parsed.from?.value).toEqual([{ address: "digest@iamfit.example.com", name: "iamfit" }]);
    expect(parsed.messageId).toBe(`<iamfit-digest-${deliveryId}@iamfit.example.com>`);

    // Both parts, with the numbers, the links and the hostile name escaped in HTML.
    expect(parsed.text).toContain("\u221229 points since last week");
    expect(parsed.text).toContain(`${HOSTILE_NAME} has a console password and no MFA`);
    expect(parsed.text).toContain(`<${BASE_URL}/accounts/${account.awsAccountId}>`);
    expect(parsed.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(parsed.html).not.toContain("<img");
    expect(parsed.html).toContain(`href="${BASE_URL}/accounts/${account.awsAccountId}"`);

    // One-click unsubscribe: an https URL that a POST acts on, signed for this subscription.
    const header = (name: string) => parsed.headerLines.filter((line) => line.key === name).map((line) => line.line.slice(line.line.indexOf(":") + 1).trim());
    expect(header("list-unsubscribe-post")).toEqual(["List-Unsubscribe=One-Click"]);
    const [listUnsubscribe] = header("list-unsubscribe");
    const url = new URL(/^<(.+)>$/.exec(listUnsubscribe!.replace(/\s+/g, ""))![1]!);
    expect(`${url.origin}${url.pathname}`).toBe(`${BASE_URL}/api/digest/unsubscribe`);
    expect(url.searchParams.get("s")).toBe(subscriptionId);
    const subscription = (await getDigestSubscription(subscriptionId))!;
    expect(verifyUnsubscribe(await getOrCreateDigestSigningKey(), subscription, url.searchParams.get("t")!)).toBe(true);
    expect(header("auto-submitted")).toEqual(["auto-generated"]);

    expect(await getDelivery(deliveryId)).toMatchObject({ status: "sent", attempts: 1, transport: "smtp", messageId: parsed.messageId, sentAt: NOW, subject: parsed.subject });
  });

  it("retries after the server refuses for now, and sends once when it accepts", async () => {
    await seedWeek();
    const { deliveryId } = await scheduledDelivery();
    smtp.refuseNext(1, 451, "Greylisted, try again later");

    const first = await sendDelivery(deliveryId, context);
    expect(first).toMatchObject({ status: "retrying", nextAttemptAt: new Date(NOW.getTime() + 60_000) });
    expect(first.status === "retrying" && first.error).toMatch(/451/);
    expect(await getDelivery(deliveryId)).toMatchObject({ status: "retrying", attempts: 1, lastError: expect.stringMatching(/Greylisted/) });
    expect(smtp.received).toHaveLength(0);

    // Too early: the delivery waits for its next attempt.
    clock = new Date(NOW.getTime() + 30_000);
    expect(await sendDelivery(deliveryId, context)).toEqual({ status: "not-claimed" });

    clock = new Date(NOW.getTime() + 60_000);
    expect(await sendDelivery(deliveryId, context)).toMatchObject({ status: "sent" });
    expect(smtp.received).toHaveLength(1);
    expect(await getDelivery(deliveryId)).toMatchObject({ status: "sent", attempts: 2, lastError: null });

    // The job delivered again (a retried job, a restart): nothing more is sent.
    expect(await sendDelivery(deliveryId, context)).toEqual({ status: "not-claimed" });
    expect(smtp.received).toHaveLength(1);
  });

  it("does not retry a recipient the server refuses for good", async () => {
    const { deliveryId } = await scheduledDelivery();
    smtp.refuseNext(1, 550, "No such mailbox");
    expect(await sendDelivery(deliveryId, context)).toMatchObject({ status: "failed" });
    expect(await getDelivery(deliveryId)).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringMatching(/No such mailbox/) });
  });

  it("skips a scheduled delivery whose subscription was paused after it was planned", async () => {
    const { subscriptionId, deliveryId } = await scheduledDelivery();
    await db().digestSubscription.update({ where: { id: subscriptionId }, data: { paused: true } });
    expect(await sendDelivery(deliveryId, context)).toEqual({ status: "skipped", reason: "Not sent: paused" });
    expect(smtp.received).toHaveLength(0);
    expect(await getDelivery(deliveryId)).toMatchObject({ status: "skipped" });
  });

  it("records a failed login as a failure to retry (an administrator can fix the password)", async () => {
    const { deliveryId } = await scheduledDelivery();
    context.transport.close();
    context = { ...context, transport: createSmtpTransport({ url: smtp.url({ user: SMTP_USER, pass: "wrong" }), requireTls: false, rejectUnauthorized: true }) };
    expect(await sendDelivery(deliveryId, context)).toMatchObject({ status: "retrying" });
    expect(await getDelivery(deliveryId)).toMatchObject({ status: "retrying", lastError: expect.stringMatching(/Invalid username or password/) });
  });
});
