/**
 * The audit trail: append an event, and read it newest first, filtered, a page at a time (keyset
 * on (occurred_at, id), so page 500 is as fast as page 1) or in batches for an export.
 */
import "server-only";
import type { AuditEntry } from "@/lib/audit/entry";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";

export interface AuditEventRow {
  id: string;
  occurredAt: Date;
  actorKind: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorTokenId: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditQuery {
  /** An action ("auth.sign_in") or a family of them ("auth."). */
  action?: string;
  outcome?: "success" | "failure" | "denied";
  /** Part of the actor's email, case-insensitive. */
  actor?: string;
  /** Target type and, optionally, id: every event about one account, user or token. */
  targetType?: string;
  targetId?: string;
  since?: Date;
  until?: Date;
}

export interface AuditCursor {
  occurredAt: Date;
  id: bigint;
}

export async function insertAuditEvent(entry: AuditEntry): Promise<void> {
  await db().auditEvent.create({
    data: {
      actorKind: entry.actor.kind,
      actorUserId: entry.actor.userId ?? null,
      actorEmail: entry.actor.email ?? null,
      actorTokenId: entry.actor.tokenId ?? null,
      action: entry.action,
      outcome: entry.outcome,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      targetLabel: entry.target?.label ?? null,
      detail: entry.detail as Prisma.InputJsonObject,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent ?? null,
    },
  });
}

function whereFor(query: AuditQuery, cursor?: AuditCursor): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (query.action) and.push(query.action.endsWith(".") ? { action: { startsWith: query.action } } : { action: query.action });
  if (query.outcome) and.push({ outcome: query.outcome });
  if (query.actor) and.push({ actorEmail: { contains: query.actor, mode: "insensitive" } });
  if (query.targetType) and.push({ targetType: query.targetType });
  if (query.targetId) and.push({ targetId: query.targetId });
  if (query.since) and.push({ occurredAt: { gte: query.since } });
  if (query.until) and.push({ occurredAt: { lt: query.until } });
  if (cursor) {
    and.push({
      OR: [{ occurredAt: { lt: cursor.occurredAt } }, { occurredAt: cursor.occurredAt, id: { lt: cursor.id } }],
    });
  }
  return { AND: and };
}

function toRow(row: Awaited<ReturnType<ReturnType<typeof db>["auditEvent"]["findFirstOrThrow"]>>): AuditEventRow {
  return { ...row, id: row.id.toString(), detail: (row.detail ?? {}) as Record<string, unknown> };
}

/** One page, newest first, and the cursor of the next (null on the last page). */
export async function listAuditEvents(
  query: AuditQuery,
  options: { cursor?: AuditCursor; limit: number },
): Promise<{ rows: AuditEventRow[]; next: AuditCursor | null }> {
  const rows = await db().auditEvent.findMany({
    where: whereFor(query, options.cursor),
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
  });
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    rows: page.map(toRow),
    next: rows.length > options.limit && last ? { occurredAt: last.occurredAt, id: last.id } : null,
  };
}

/** Every matching event, newest first, in batches: exports stream without loading the trail. */
export async function* auditEventBatches(query: AuditQuery, batchSize = 1_000): AsyncGenerator<AuditEventRow[]> {
  let cursor: AuditCursor | undefined;
  for (;;) {
    const { rows, next } = await listAuditEvents(query, { cursor, limit: batchSize });
    if (rows.length > 0) yield rows;
    if (!next) return;
    cursor = next;
  }
}

/**
 * The distinct actions recorded so far, for the filter menu. The trail grows with every API call
 * for years, so this skips through audit_event_action_idx one action at a time (a loose index
 * scan) instead of reading every row, as a plain DISTINCT would.
 */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db().$queryRaw<Array<{ action: string }>>`WITH RECURSIVE actions AS (
       (SELECT action FROM audit_event ORDER BY action LIMIT 1)
       UNION ALL
       SELECT (SELECT e.action FROM audit_event e WHERE e.action > actions.action ORDER BY e.action LIMIT 1)
         FROM actions WHERE actions.action IS NOT NULL
     )
     SELECT action FROM actions WHERE action IS NOT NULL`;
  return rows.map((row) => row.action);
}
