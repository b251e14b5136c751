/**
 * Digest deliveries: one row per email. A scheduled delivery is unique per (subscription, ISO
 * week), so however many workers tick at once, restart or retry, a week gets one row. Sending is
 * guarded by a claim: one conditional UPDATE moves the row to `sending` and bumps `attempts`,
 * which only one worker can win; the attempt number then fences every later write, so a worker
 * whose claim went stale cannot overwrite the outcome of the one that took over.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";
import { isSubscriptionId } from "./digest-subscriptions";

export type DeliveryStatus = "pending" | "sending" | "retrying" | "sent" | "failed" | "skipped";
export type DeliveryKind = "scheduled" | "test";

export interface DeliveryView {
  id: string;
  subscriptionId: string;
  kind: DeliveryKind;
  week: string | null;
  scheduledFor: Date;
  recipient: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  sentAt: Date | null;
  messageId: string | null;
  transport: "smtp" | "outbox" | null;
  outboxFile: string | null;
  subject: string | null;
  createdAt: Date;
}

const select = {
  id: true,
  subscriptionId: true,
  kind: true,
  week: true,
  scheduledFor: true,
  recipient: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  sentAt: true,
  messageId: true,
  transport: true,
  outboxFile: true,
  subject: true,
  createdAt: true,
} as const;

function toView(row: Prisma.DigestDeliveryGetPayload<{ select: typeof select }>): DeliveryView {
  return {
    ...row,
    id: row.id.toString(),
    kind: row.kind as DeliveryKind,
    status: row.status as DeliveryStatus,
    transport: row.transport as DeliveryView["transport"],
  };
}

const DELIVERY_ID = /^[1-9]\d{0,18}$/;

export interface DueDelivery {
  subscriptionId: string;
  week: string;
  scheduledFor: Date;
  recipient: string;
}

/** Inserts the weeks not delivered yet; returns the ids of the rows this call created. */
export async function createScheduledDeliveries(due: DueDelivery[]): Promise<string[]> {
  if (due.length === 0) return [];
  const rows = await db().$queryRaw<Array<{ id: string }>>`INSERT INTO digest_delivery (subscription_id, kind, week, scheduled_for, recipient)
     SELECT s, 'scheduled', w, f, r FROM unnest(${due.map((entry) => entry.subscriptionId)}::uuid[], ${due.map((entry) => entry.week)}::text[], ${due.map((entry) => entry.scheduledFor)}::timestamptz[], ${due.map((entry) => entry.recipient)}::text[]) AS d(s, w, f, r)
     ON CONFLICT (subscription_id, week) DO NOTHING
     RETURNING id::text AS id`;
  return rows.map((row) => row.id);
}

export async function createTestDelivery(subscriptionId: string, recipient: string, at: Date): Promise<string> {
  const row = await db().digestDelivery.create({
    data: { subscriptionId, kind: "test", week: null, scheduledFor: at, recipient },
    select: { id: true },
  });
  return row.id.toString();
}

export interface ClaimedDelivery extends DeliveryView {
  /** The fencing token: every write after the claim names it. */
  attempt: number;
}

/**
 * Takes a delivery to send it now, or returns null when it is not this worker's to send: sent,
 * failed, skipped, waiting for its next attempt, or being sent by another worker. A claim older
 * than `staleClaimMs` belongs to a worker that died mid-send and is taken over.
 */
export async function claimDelivery(id: string, now: Date, staleClaimMs: number): Promise<ClaimedDelivery | null> {
  if (!DELIVERY_ID.test(id)) return null;
  const claimed = await db().$queryRaw<Array<{ id: bigint }>>`UPDATE digest_delivery SET status = 'sending', attempts = attempts + 1, claimed_at = ${now}, next_attempt_at = NULL, updated_at = ${now}
      WHERE id = ${id}::bigint
        AND ((status IN ('pending', 'retrying') AND (next_attempt_at IS NULL OR next_attempt_at <= ${now}))
          OR (status = 'sending' AND claimed_at < ${new Date(now.getTime() - staleClaimMs)}))
      RETURNING id`;
  if (claimed.length === 0) return null;
  const row = await db().digestDelivery.findUniqueOrThrow({ where: { id: BigInt(id) }, select });
  return { ...toView(row), attempt: row.attempts };
}

async function finish(id: string, attempt: number, data: Prisma.DigestDeliveryUpdateManyMutationInput): Promise<boolean> {
  const result = await db().digestDelivery.updateMany({ where: { id: BigInt(id), status: "sending", attempts: attempt }, data });
  return result.count === 1;
}

export function markDeliverySent(
  claim: Pick<ClaimedDelivery, "id" | "attempt">,
  sent: { at: Date; messageId: string; transport: "smtp" | "outbox"; outboxFile?: string; subject: string },
): Promise<boolean> {
  return finish(claim.id, claim.attempt, {
    status: "sent",
    sentAt: sent.at,
    messageId: sent.messageId,
    transport: sent.transport,
    outboxFile: sent.outboxFile ?? null,
    subject: sent.subject,
    lastError: null,
    claimedAt: null,
  });
}

export function markDeliveryRetrying(claim: Pick<ClaimedDelivery, "id" | "attempt">, error: string, nextAttemptAt: Date): Promise<boolean> {
  return finish(claim.id, claim.attempt, { status: "retrying", lastError: error, nextAttemptAt, claimedAt: null });
}

export function markDeliveryFailed(claim: Pick<ClaimedDelivery, "id" | "attempt">, error: string): Promise<boolean> {
  return finish(claim.id, claim.attempt, { status: "failed", lastError: error, claimedAt: null });
}

/** Not sent on purpose (paused or unsubscribed since it was scheduled). */
export function markDeliverySkipped(claim: Pick<ClaimedDelivery, "id" | "attempt">, reason: string): Promise<boolean> {
  return finish(claim.id, claim.attempt, { status: "skipped", lastError: reason, claimedAt: null });
}

/** Deliveries a worker should (re)start now: never started, due for a retry, or orphaned mid-send. */
export async function listDeliveriesToResume(now: Date, staleClaimMs: number, limit = 500): Promise<string[]> {
  const rows = await db().$queryRaw<Array<{ id: string }>>`SELECT id::text AS id FROM digest_delivery
      WHERE status = 'pending'
         OR (status = 'retrying' AND next_attempt_at <= ${now})
         OR (status = 'sending' AND claimed_at < ${new Date(now.getTime() - staleClaimMs)})
      ORDER BY id LIMIT ${limit}::int`;
  return rows.map((row) => row.id);
}

export async function getDelivery(id: string): Promise<DeliveryView | undefined> {
  if (!DELIVERY_ID.test(id)) return undefined;
  const row = await db().digestDelivery.findUnique({ where: { id: BigInt(id) }, select });
  return row ? toView(row) : undefined;
}

/** A subscription's deliveries, newest first. */
export async function listDeliveries(subscriptionId: string, limit = 50): Promise<DeliveryView[]> {
  if (!isSubscriptionId(subscriptionId)) return [];
  const rows = await db().digestDelivery.findMany({
    where: { subscriptionId },
    select,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 500),
  });
  return rows.map(toView);
}

/** The latest delivery per subscription, for the subscriptions list. */
export async function latestDeliveries(subscriptionIds: string[]): Promise<Map<string, DeliveryView>> {
  if (subscriptionIds.length === 0) return new Map();
  const rows = await db().$queryRaw<Array<{ id: string }>>`SELECT DISTINCT ON (subscription_id) id::text AS id FROM digest_delivery
      WHERE subscription_id = ANY(${subscriptionIds.filter(isSubscriptionId)}::uuid[]) ORDER BY subscription_id, created_at DESC, id DESC`;
  if (rows.length === 0) return new Map();
  const deliveries = await db().digestDelivery.findMany({ where: { id: { in: rows.map((row) => BigInt(row.id)) } }, select });
  return new Map(deliveries.map((row) => [row.subscriptionId, toView(row)]));
}
