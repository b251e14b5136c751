import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SubscriptionInput } from "@/lib/digest/subscription-input";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { db } from "./client";
import {
  claimDelivery,
  createScheduledDeliveries,
  createTestDelivery,
  getDelivery,
  latestDeliveries,
  listDeliveries,
  listDeliveriesToResume,
  markDeliveryRetrying,
  markDeliverySent,
} from "./digest-deliveries";
import {
  createDigestSubscription,
  deleteDigestSubscription,
  getDigestSubscription,
  getOrCreateDigestSigningKey,
  listActiveSchedules,
  listDigestSubscriptions,
  resubscribeDigest,
  setDigestSubscriptionPaused,
  unsubscribeDigest,
  updateDigestSubscription,
} from "./digest-subscriptions";

const input: SubscriptionInput = {
  email: "ops@example.com",
  scope: { kind: "tags", tags: [{ key: "env", value: "prod" }, { key: "team" }] },
  schedule: { weekday: 1, hour: 9, timeZone: "Europe/Berlin" },
};
const T0 = new Date("2026-03-30T07:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const STALE = 10 * 60_000;

describe("digest subscriptions and deliveries", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => {
    await db().$executeRaw`TRUNCATE digest_delivery, digest_subscription RESTART IDENTITY CASCADE`;
  });

  async function scheduled(subscriptionId: string, week = "2026-W14"): Promise<string> {
    const [id] = await createScheduledDeliveries([{ subscriptionId, week, scheduledFor: T0, recipient: "ops@example.com" }]);
    return id!;
  }

  describe("subscriptions", () => {
    it("stores scope and schedule and reads them back, without exposing the unsubscribe secret in lists", async () => {
      const created = await createDigestSubscription(input);
      expect(created).toMatchObject({ email: "ops@example.com", scope: input.scope, schedule: input.schedule, paused: false, unsubscribedAt: null, userId: null });
      const [listed] = await listDigestSubscriptions();
      expect(listed).toEqual(created);
      expect(listed).not.toHaveProperty("unsubscribeSecret");
      expect((await getDigestSubscription(created.id))?.unsubscribeSecret).toMatch(/^[A-Za-z0-9_-]{24}$/);
    });

    it("updates, pauses and deletes; an unknown or malformed id changes nothing", async () => {
      const { id } = await createDigestSubscription(input);
      expect(await updateDigestSubscription(id, { ...input, scope: { kind: "all" }, schedule: { weekday: 5, hour: 17, timeZone: "UTC" } })).toBe(true);
      expect(await getDigestSubscription(id)).toMatchObject({ scope: { kind: "all" }, schedule: { weekday: 5, hour: 17, timeZone: "UTC" } });
      expect(await setDigestSubscriptionPaused(id, true)).toBe(true);
      expect(await listActiveSchedules()).toEqual([]);
      expect(await updateDigestSubscription("00000000-0000-4000-8000-000000000000", input)).toBe(false);
      expect(await setDigestSubscriptionPaused("not-a-uuid", false)).toBe(false);
      expect(await deleteDigestSubscription(id)).toBe(true);
      expect(await getDigestSubscription(id)).toBeUndefined();
    });

    it("unsubscribes idempotently, and resubscribing renews the secret so old links stay void", async () => {
      const { id } = await createDigestSubscription(input);
      const before = (await getDigestSubscription(id))!;
      await unsubscribeDigest(id, T0);
      await unsubscribeDigest(id, later(60_000));
      expect((await getDigestSubscription(id))?.unsubscribedAt).toEqual(T0);
      expect(await listActiveSchedules()).toEqual([]);
      expect(await resubscribeDigest(id)).toBe(true);
      const after = (await getDigestSubscription(id))!;
      expect(after.unsubscribedAt).toBeNull();
      expect(after.unsubscribeSecret).not.toBe(before.unsubscribeSecret);
      expect((await listActiveSchedules()).map((schedule) => schedule.id)).toEqual([id]);
    });

    it("creates the installation's signing key once, even when asked concurrently", async () => {
      const keys = await Promise.all([getOrCreateDigestSigningKey(), getOrCreateDigestSigningKey(), getOrCreateDigestSigningKey()]);
      expect(new Set(keys).size).toBe(1);
      expect(await getOrCreateDigestSigningKey()).toBe(keys[0]);
    });
  });

  describe("deliveries", () => {
    it("creates one delivery per subscription and week however often the week is planned", async () => {
      const { id } = await createDigestSubscription(input);
      const due = [{ subscriptionId: id, week: "2026-W14", scheduledFor: T0, recipient: "ops@example.com" }];
      const results = await Promise.all([createScheduledDeliveries(due), createScheduledDeliveries(due), createScheduledDeliveries(due)]);
      expect(results.flat()).toHaveLength(1);
      expect(await createScheduledDeliveries([...due, { ...due[0]!, week: "2026-W15" }])).toHaveLength(1);
      expect((await listDeliveries(id)).map((delivery) => delivery.week).sort()).toEqual(["2026-W14", "2026-W15"]);
    });

    it("lets test sends repeat: they have no week", async () => {
      const { id } = await createDigestSubscription(input);
      await createTestDelivery(id, "ops@example.com", T0);
      await createTestDelivery(id, "ops@example.com", T0);
      expect((await listDeliveries(id)).map((delivery) => [delivery.kind, delivery.week])).toEqual([
        ["test", null],
        ["test", null],
      ]);
    });

    it("admits exactly one of several workers claiming a delivery at once", async () => {
      const { id } = await createDigestSubscription(input);
      const deliveryId = await scheduled(id);
      const claims = await Promise.all(Array.from({ length: 5 }, () => claimDelivery(deliveryId, T0, STALE)));
      const winners = claims.filter((claim) => claim !== null);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ id: deliveryId, status: "sending", attempt: 1 });
    });

    it("records the outcome only for the current claim: a worker whose claim went stale cannot overwrite it", async () => {
      const { id } = await createDigestSubscription(input);
      const deliveryId = await scheduled(id);
      const first = (await claimDelivery(deliveryId, T0, STALE))!;
      expect(await claimDelivery(deliveryId, later(STALE - 1000), STALE)).toBeNull();
      const second = (await claimDelivery(deliveryId, later(STALE + 1000), STALE))!;
      expect(second.attempt).toBe(2);
      const sent = { at: later(STALE + 2000), messageId: "<m@x>", transport: "smtp" as const, subject: "s" };
      expect(await markDeliverySent(first, sent)).toBe(false);
      expect(await markDeliverySent(second, sent)).toBe(true);
      expect(await getDelivery(deliveryId)).toMatchObject({ status: "sent", attempts: 2, messageId: "<m@x>", transport: "smtp" });
      expect(await claimDelivery(deliveryId, later(STALE * 10), STALE)).toBeNull();
    });

    it("holds a retrying delivery until its next attempt is due, and lists what is due to resume", async () => {
      const { id } = await createDigestSubscription(input);
      const retrying = await scheduled(id, "2026-W14");
      const pending = await scheduled(id, "2026-W15");
      const claim = (await claimDelivery(retrying, T0, STALE))!;
      await markDeliveryRetrying(claim, "451 try again later", later(60_000));
      expect(await getDelivery(retrying)).toMatchObject({ status: "retrying", lastError: "451 try again later", nextAttemptAt: later(60_000) });
      expect(await listDeliveriesToResume(later(30_000), STALE)).toEqual([pending]);
      expect(await claimDelivery(retrying, later(30_000), STALE)).toBeNull();
      expect(await listDeliveriesToResume(later(60_000), STALE)).toEqual([retrying, pending]);
      expect((await claimDelivery(retrying, later(60_000), STALE))?.attempt).toBe(2);
    });

    it("finds each subscription's latest delivery", async () => {
      const a = await createDigestSubscription(input);
      const b = await createDigestSubscription({ ...input, email: "b@example.com" });
      await scheduled(a.id, "2026-W14");
      const newest = await createTestDelivery(a.id, "ops@example.com", later(1000));
      const latest = await latestDeliveries([a.id, b.id]);
      expect([...latest.keys()]).toEqual([a.id]);
      expect(latest.get(a.id)?.id).toBe(newest);
    });
  });
});
