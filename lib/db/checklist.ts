/**
 * Remediation checklist storage: reading and locking items, writing their columns and history.
 * The rules (what a collection or a person changes) are lib/remediation/checklist-store.ts's,
 * which hands this module plain columns inside its transaction.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { hexToBytes } from "./blobs";
import { db } from "./client";
import type { DbTransaction } from "./transaction";

export interface ChecklistItemSqlRow {
  id: bigint;
  check_id: string;
  resource_id: string;
  exercise: number;
  resource_type: string;
  resource_name: string;
  region: string | null;
  severity: string;
  reason: string;
  evidence_hash: Uint8Array;
  state: string;
  reopen_mark: string | null;
  state_changed_at: Date;
  assignee: string | null;
  due_on: Date | null;
  risk_reason: string | null;
  risk_expires_on: Date | null;
}

/** What a finding says about an item; `evidenceHash` is hex. */
export interface ChecklistDetailColumns {
  exercise: number;
  resourceType: string;
  resourceName: string;
  region: string | null;
  severity: string;
  reason: string;
  evidenceHash: string;
}

/** Where an item stands; days are midnight UTC. */
export interface ChecklistStateColumns {
  state: string;
  reopenMark: string | null;
  stateChangedAt: Date;
  assignee: string | null;
  dueOn: Date | null;
  riskReason: string | null;
  riskExpiresOn: Date | null;
}

export interface ChecklistEventRow {
  itemId: bigint;
  at: Date;
  actor: string;
  action: string;
  fromState: string | null;
  toState: string;
  reason: string | null;
  runId: bigint | null;
}

const ITEM_COLUMNS = Prisma.sql`i.id, i.check_id, i.resource_id, i.exercise::int AS exercise, i.resource_type, i.resource_name,
    i.region, i.severity, i.reason, i.evidence_hash, i.state, i.reopen_mark, i.state_changed_at,
    i.assignee, i.due_on, i.risk_reason, i.risk_expires_on`;

/** Every item of the account, locked until the transaction ends. */
export async function lockAccountChecklistItems(tx: DbTransaction, accountId: string): Promise<ChecklistItemSqlRow[]> {
  return tx.$queryRaw<ChecklistItemSqlRow[]>`SELECT ${ITEM_COLUMNS} FROM checklist_item i WHERE i.account_id = ${accountId}::uuid FOR UPDATE`;
}

/** The items among `itemIds` that belong to the account, locked until the transaction ends. */
export async function lockChecklistItems(tx: DbTransaction, awsAccountId: string, itemIds: string[]): Promise<ChecklistItemSqlRow[]> {
  return tx.$queryRaw<ChecklistItemSqlRow[]>`SELECT ${ITEM_COLUMNS}
         FROM checklist_item i JOIN linked_account a ON a.id = i.account_id
        WHERE a.aws_account_id = ${awsAccountId} AND i.id = ANY(${itemIds}::bigint[])
        ORDER BY i.id FOR UPDATE OF i`;
}

function detailData(details: ChecklistDetailColumns) {
  return { ...details, evidenceHash: hexToBytes(details.evidenceHash) };
}

/*
 * A first collection opens an item for every failing finding (dozens per account, thousands per
 * organization), so items and their history are inserted as one statement each, with a column
 * array per field: built through the ORM, the rows of a thousand-account collection took a large
 * share of the worker's CPU (`npm run bench:collect`). Timestamps travel as ISO strings.
 */
export async function createChecklistItems(
  tx: DbTransaction,
  input: { accountId: string; runId: bigint },
  items: Array<{ checkId: string; resourceId: string; details: ChecklistDetailColumns; state: ChecklistStateColumns }>,
): Promise<Array<{ id: bigint; check_id: string; resource_id: string }>> {
  const rows = items.map((entry) => ({ checkId: entry.checkId, resourceId: entry.resourceId, ...detailData(entry.details), ...entry.state }));
  const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  return tx.$queryRaw<Array<{ id: bigint; check_id: string; resource_id: string }>>`
INSERT INTO checklist_item (account_id, first_run_id, check_id, resource_id, exercise, resource_type, resource_name, region,
                            severity, reason, evidence_hash, state, reopen_mark, state_changed_at, assignee, due_on,
                            risk_reason, risk_expires_on)
SELECT ${input.accountId}::uuid, ${input.runId}, u.check_id, u.resource_id, u.exercise, u.resource_type, u.resource_name, u.region,
       u.severity, u.reason, u.evidence_hash, u.state, u.reopen_mark, u.state_changed_at, u.assignee, u.due_on,
       u.risk_reason, u.risk_expires_on
  FROM unnest(${column((row) => row.checkId)}::text[], ${column((row) => row.resourceId)}::text[], ${column((row) => row.exercise)}::smallint[],
              ${column((row) => row.resourceType)}::text[], ${column((row) => row.resourceName)}::text[], ${column((row) => row.region)}::text[],
              ${column((row) => row.severity)}::text[], ${column((row) => row.reason)}::text[], ${column((row) => row.evidenceHash)}::bytea[],
              ${column((row) => row.state)}::text[], ${column((row) => row.reopenMark)}::text[],
              ${column((row) => row.stateChangedAt.toISOString())}::timestamptz[], ${column((row) => row.assignee)}::text[],
              ${column((row) => row.dueOn?.toISOString() ?? null)}::timestamptz[], ${column((row) => row.riskReason)}::text[],
              ${column((row) => row.riskExpiresOn?.toISOString() ?? null)}::timestamptz[])
    AS u(check_id, resource_id, exercise, resource_type, resource_name, region, severity, reason, evidence_hash,
         state, reopen_mark, state_changed_at, assignee, due_on, risk_reason, risk_expires_on)
RETURNING id, check_id, resource_id`;
}

export async function updateChecklistItem(
  tx: DbTransaction,
  id: bigint,
  columns: { details?: ChecklistDetailColumns | null; state?: ChecklistStateColumns | null },
): Promise<void> {
  await tx.checklistItem.update({ where: { id }, data: { ...(columns.details ? detailData(columns.details) : {}), ...(columns.state ?? {}) } });
}

/** Many events in one statement (see createChecklistItems). */
export async function insertChecklistEvents(tx: DbTransaction, history: ChecklistEventRow[]): Promise<void> {
  if (history.length === 0) return;
  const column = <T>(pick: (row: ChecklistEventRow) => T) => history.map(pick);
  await tx.$executeRaw`
INSERT INTO checklist_event (item_id, at, actor, action, from_state, to_state, reason, run_id)
SELECT u.item_id, u.at, u.actor, u.action, u.from_state, u.to_state, u.reason, u.run_id
  FROM unnest(${column((row) => String(row.itemId))}::bigint[], ${column((row) => row.at.toISOString())}::timestamptz[], ${column((row) => row.actor)}::text[],
              ${column((row) => row.action)}::text[], ${column((row) => row.fromState)}::text[], ${column((row) => row.toState)}::text[],
              ${column((row) => row.reason)}::text[], ${column((row) => (row.runId === null ? null : String(row.runId)))}::bigint[])
    AS u(item_id, at, actor, action, from_state, to_state, reason, run_id)`;
}

/** One event with details (what a person changed: the new value and the one it replaced). */
export async function createChecklistEvent(event: Omit<ChecklistEventRow, "runId"> & { details?: object }, tx: DbTransaction = db()): Promise<void> {
  await tx.checklistEvent.create({ data: event });
}

/** The item's id and state when it is an item of this account. */
export async function findChecklistItemState(awsAccountId: string, itemId: string): Promise<{ id: bigint; state: string } | undefined> {
  const rows = await db().$queryRaw<Array<{ id: bigint; state: string }>>`SELECT i.id, i.state FROM checklist_item i JOIN linked_account a ON a.id = i.account_id WHERE a.aws_account_id = ${awsAccountId} AND i.id = ${itemId}::bigint`;
  return rows[0];
}
