/**
 * Alert deliveries: one row per (destination, event key). Creating them is ON CONFLICT DO NOTHING,
 * so any number of workers scanning at once create each once; sending starts with a claim only one
 * worker wins, and the attempt number fences every later write (as digest deliveries do).
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ExerciseNumber, Severity } from "@/lib/checks/types";
import { FINDING_EVENT_KEY_PREFIX, OVERDUE_EVENT_KEY_PREFIX, type AlertAccount, type NewFailingInterval, type OverdueChecklistItem } from "@/lib/alerts/events";
import { db } from "./client";

export type AlertDeliveryStatus = "pending" | "sending" | "retrying" | "sent" | "failed";

export interface NewAlertDelivery {
  eventKey: string;
  event: string;
  payload: Prisma.InputJsonValue;
  occurredAt: Date;
}

/** Inserts the events this destination has not had yet; returns the ids of the rows created. */
export async function createAlertDeliveries(destinationId: string, deliveries: NewAlertDelivery[]): Promise<string[]> {
  if (deliveries.length === 0) return [];
  const rows = await db().$queryRaw<Array<{ id: string }>>`
    INSERT INTO alert_delivery (destination_id, event_key, event, payload, occurred_at)
    SELECT ${destinationId}::uuid, k, e, p, o
      FROM unnest(${deliveries.map((entry) => entry.eventKey)}::text[], ${deliveries.map((entry) => entry.event)}::text[],
                  ${deliveries.map((entry) => JSON.stringify(entry.payload))}::jsonb[], ${deliveries.map((entry) => entry.occurredAt)}::timestamptz[]) AS d(k, e, p, o)
    ON CONFLICT (destination_id, event_key) DO NOTHING
    RETURNING id::text AS id`;
  return rows.map((row) => row.id);
}

export interface AlertDeliveryView {
  id: string;
  destinationId: string;
  eventKey: string;
  event: string;
  payload: Prisma.JsonValue;
  occurredAt: Date;
  status: AlertDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  responseStatus: number | null;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

function toView(row: Prisma.AlertDeliveryGetPayload<object>): AlertDeliveryView {
  return { ...row, id: row.id.toString(), status: row.status as AlertDeliveryStatus };
}

export interface ClaimedAlertDelivery extends AlertDeliveryView {
  attempt: number;
}

const DELIVERY_ID = /^[1-9]\d{0,18}$/;

export async function claimAlertDelivery(id: string, now: Date, staleClaimMs: number): Promise<ClaimedAlertDelivery | null> {
  if (!DELIVERY_ID.test(id)) return null;
  const stale = new Date(now.getTime() - staleClaimMs);
  const claimed = await db().$queryRaw<Array<{ id: bigint }>>`
    UPDATE alert_delivery SET status = 'sending', attempts = attempts + 1, claimed_at = ${now}, next_attempt_at = NULL
     WHERE id = ${BigInt(id)}
       AND ((status IN ('pending', 'retrying') AND (next_attempt_at IS NULL OR next_attempt_at <= ${now}))
         OR (status = 'sending' AND claimed_at < ${stale}))
     RETURNING id`;
  if (claimed.length === 0) return null;
  const row = await db().alertDelivery.findUniqueOrThrow({ where: { id: BigInt(id) } });
  return { ...toView(row), attempt: row.attempts };
}

async function finish(claim: Pick<ClaimedAlertDelivery, "id" | "attempt">, data: Prisma.AlertDeliveryUpdateManyMutationInput): Promise<boolean> {
  const result = await db().alertDelivery.updateMany({ where: { id: BigInt(claim.id), status: "sending", attempts: claim.attempt }, data });
  return result.count === 1;
}

export function markAlertSent(claim: Pick<ClaimedAlertDelivery, "id" | "attempt">, at: Date, responseStatus: number): Promise<boolean> {
  return finish(claim, { status: "sent", sentAt: at, responseStatus, lastError: null, claimedAt: null });
}

export function markAlertAttemptFailed(
  claim: Pick<ClaimedAlertDelivery, "id" | "attempt">,
  failure: { responseStatus: number | null; error: string; nextAttemptAt: Date | null },
): Promise<boolean> {
  return finish(claim, {
    status: failure.nextAttemptAt ? "retrying" : "failed",
    responseStatus: failure.responseStatus,
    lastError: failure.error,
    nextAttemptAt: failure.nextAttemptAt,
    claimedAt: null,
  });
}

/** Deliveries a worker should send now: due ones, and ones whose sender died mid-send. */
export async function listAlertDeliveriesToResume(now: Date, staleClaimMs: number, limit = 500): Promise<Array<{ id: string; nextAttemptAt: Date | null }>> {
  const stale = new Date(now.getTime() - staleClaimMs);
  const rows = await db().$queryRaw<Array<{ id: string; next_attempt_at: Date | null }>>`
    SELECT id::text, next_attempt_at FROM alert_delivery
     WHERE status = 'pending' OR status = 'retrying' OR (status = 'sending' AND claimed_at < ${stale})
     ORDER BY id LIMIT ${limit}`;
  return rows.map((row) => ({ id: row.id, nextAttemptAt: row.next_attempt_at }));
}

export async function listAlertDeliveries(destinationId: string, limit = 100): Promise<AlertDeliveryView[]> {
  if (!/^[0-9a-f-]{36}$/i.test(destinationId)) return [];
  const rows = await db().alertDelivery.findMany({ where: { destinationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
  return rows.map(toView);
}

type AccountColumns = { aws_account_id: string; account_name: string; ou_path: string | null; tags: Prisma.JsonValue };

type SubjectColumns = AccountColumns & { check_id: string; exercise: number; severity: string; resource_id: string; resource_name: string; resource_type: string; region: string | null };

/** The account, check and resource an alert is about: the same columns for findings and checklist items. */
function subjectOf(row: SubjectColumns, titleOf: (checkId: string) => string) {
  return {
    account: accountOf(row),
    checkId: row.check_id,
    checkTitle: titleOf(row.check_id),
    exercise: row.exercise as ExerciseNumber,
    severity: row.severity as Severity,
    resourceId: row.resource_id,
    resourceName: row.resource_name,
    resourceType: row.resource_type,
    region: row.region,
  };
}

function accountOf(row: AccountColumns): AlertAccount {
  const tags = row.tags && typeof row.tags === "object" && !Array.isArray(row.tags) ? (row.tags as Record<string, string>) : {};
  return { awsAccountId: row.aws_account_id, name: row.account_name, ouPath: row.ou_path, tags };
}

/** Which events one destination may still be owed: at its severities, and not delivered to it yet. */
export interface OwedTo {
  destinationId: string;
  severities: Severity[];
}

/**
 * Failing intervals opened since `since` that `owedTo` has not had yet, each with how its finding
 * stood just before: failing back to back (a continuation), failing at some earlier time (a
 * reopening), or never failing. Leaving out what was delivered keeps the minutely scan to what is new.
 */
export async function listNewFailingIntervals(since: Date, owedTo: OwedTo, titleOf: (checkId: string) => string): Promise<NewFailingInterval[]> {
  const rows = await db().$queryRaw<
    Array<SubjectColumns & { id: string; reason: string; first_seen_at: Date; before: string }>
  >`
    SELECT f.id::text, f.check_id, f.exercise, f.severity, f.resource_id, f.resource_name, f.resource_type, f.region, f.reason, f.first_seen_at,
           a.aws_account_id, a.name AS account_name, a.ou_path, a.tags,
           CASE
             WHEN EXISTS (SELECT 1 FROM finding p WHERE p.account_id = f.account_id AND p.check_id = f.check_id AND p.resource_id = f.resource_id
                            AND p.status = 'fail' AND p.closed_run_id = f.first_run_id) THEN 'continued'
             WHEN EXISTS (SELECT 1 FROM finding p WHERE p.account_id = f.account_id AND p.check_id = f.check_id AND p.resource_id = f.resource_id
                            AND p.status = 'fail' AND p.first_run_id < f.first_run_id) THEN 'earlier'
             ELSE 'none'
           END AS before
      FROM finding f JOIN linked_account a ON a.id = f.account_id
     WHERE f.status = 'fail' AND f.first_seen_at >= ${since} AND f.severity = ANY(${owedTo.severities}::text[])
       AND NOT EXISTS (SELECT 1 FROM alert_delivery d WHERE d.destination_id = ${owedTo.destinationId}::uuid AND d.event_key = ${FINDING_EVENT_KEY_PREFIX} || f.id::text)
     ORDER BY f.id`;
  return rows.map((row) => ({
    intervalId: row.id,
    ...subjectOf(row, titleOf),
    reason: row.reason,
    firstSeenAt: row.first_seen_at,
    before: row.before as NewFailingInterval["before"],
  }));
}

/** Checklist items still to do whose due day is before `today` (YYYY-MM-DD, UTC), not yet sent to `owedTo` for that day. */
export async function listOverdueChecklistItems(today: string, owedTo: OwedTo, titleOf: (checkId: string) => string): Promise<OverdueChecklistItem[]> {
  const rows = await db().$queryRaw<
    Array<SubjectColumns & { id: string; due_on: string }>
  >`
    SELECT c.id::text, c.check_id, c.exercise, c.severity, c.resource_id, c.resource_name, c.resource_type, c.region, to_char(c.due_on AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS due_on,
           a.aws_account_id, a.name AS account_name, a.ou_path, a.tags
      FROM checklist_item c JOIN linked_account a ON a.id = c.account_id
     WHERE c.state IN ('open', 'in_progress') AND c.due_on IS NOT NULL AND c.due_on < ${new Date(`${today}T00:00:00.000Z`)}
       AND c.severity = ANY(${owedTo.severities}::text[])
       AND NOT EXISTS (SELECT 1 FROM alert_delivery d WHERE d.destination_id = ${owedTo.destinationId}::uuid
                         AND d.event_key = ${OVERDUE_EVENT_KEY_PREFIX} || c.id::text || ':' || to_char(c.due_on AT TIME ZONE 'UTC', 'YYYY-MM-DD'))
     ORDER BY c.id`;
  return rows.map((row) => ({
    itemId: row.id,
    ...subjectOf(row, titleOf),
    dueOn: row.due_on,
  }));
}
