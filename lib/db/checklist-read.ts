/**
 * The rows behind the checklist pages: one account's items with their current finding, their
 * history, and the organization's open and overdue items per account. Plain rows; what they mean
 * (states, days, history wording) is lib/remediation/checklist-read.ts's.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./client";
import type { FindingIdentitySqlRow } from "./finding-row";
import { severityRankSql } from "./sql-params";

export interface ChecklistItemSqlRow extends FindingIdentitySqlRow {
  state: string;
  reopen_mark: string | null;
  state_changed_at: Date;
  assignee: string | null;
  due_on: Date | null;
  risk_reason: string | null;
  risk_expires_on: Date | null;
  created_at: Date;
  current_status: string | null;
  current_reason: string | null;
  check_resources: number;
}

export interface ChecklistHistorySqlRow {
  item_id: string;
  at: Date;
  actor: string;
  action: string;
  from_state: string | null;
  to_state: string;
  reason: string | null;
  details: unknown;
}

export interface ChecklistAccount {
  id: string;
  awsAccountId: string;
  name: string;
}

export async function findChecklistAccount(awsAccountId: string): Promise<ChecklistAccount | null> {
  return db().linkedAccount.findFirst({ where: { awsAccountId, removedAt: null }, select: { id: true, awsAccountId: true, name: true } });
}

const onlyItems = (itemIds: string[] | undefined) => (itemIds ? Prisma.sql` AND i.id = ANY(${itemIds}::bigint[])` : Prisma.empty);

/** The account's items (all, or the ids given), each with the current finding of its (check, resource) and how many resources its check judges now. */
export async function readChecklistItems(accountId: string, itemIds?: string[]): Promise<ChecklistItemSqlRow[]> {
  return db().$queryRaw<ChecklistItemSqlRow[]>`
  SELECT i.id::text AS id, a.aws_account_id, a.name AS account_name, i.check_id, i.exercise::int AS exercise, i.resource_id, i.resource_type,
         i.resource_name, i.region, i.severity, i.reason, i.evidence_hash, i.state, i.reopen_mark, i.state_changed_at, i.assignee, i.due_on,
         i.risk_reason, i.risk_expires_on, i.created_at, f.status AS current_status, f.reason AS current_reason,
         coalesce(c.judged, 0)::int AS check_resources
    FROM checklist_item i
    JOIN linked_account a ON a.id = i.account_id
    LEFT JOIN finding f ON f.account_id = i.account_id AND f.check_id = i.check_id AND f.resource_id = i.resource_id AND f.closed_run_id IS NULL
    LEFT JOIN (
      SELECT check_id, count(*) FILTER (WHERE status IN ('pass', 'fail')) AS judged
        FROM finding WHERE account_id = ${accountId}::uuid AND closed_run_id IS NULL GROUP BY check_id
    ) c ON c.check_id = i.check_id
   WHERE i.account_id = ${accountId}::uuid${onlyItems(itemIds)} ORDER BY i.id`;
}

/** The history of the account's items (all, or the ids given), oldest first. */
export async function readChecklistHistory(accountId: string, itemIds?: string[]): Promise<ChecklistHistorySqlRow[]> {
  return db().$queryRaw<ChecklistHistorySqlRow[]>`
    SELECT e.item_id::text AS item_id, e.at, e.actor, e.action, e.from_state, e.to_state, e.reason, e.details
      FROM checklist_event e JOIN checklist_item i ON i.id = e.item_id
     WHERE i.account_id = ${accountId}::uuid${onlyItems(itemIds)} ORDER BY e.at, e.id`;
}

export interface ChecklistCountSqlRow {
  aws_account_id: string;
  name: string;
  state: string;
  items: number;
  overdue: number;
  expired: number;
}

/** Items per account and state of linked accounts, with how many are overdue (due before `today`) and accepted past expiry at `now`. */
export async function readChecklistCounts(today: Date, now: Date): Promise<ChecklistCountSqlRow[]> {
  return db().$queryRaw<ChecklistCountSqlRow[]>`SELECT a.aws_account_id, a.name, i.state, count(*)::int AS items,
            count(*) FILTER (WHERE i.state IN ('open', 'in_progress') AND i.due_on < ${today})::int AS overdue,
            count(*) FILTER (WHERE i.state = 'risk_accepted' AND i.risk_expires_on <= ${now})::int AS expired
       FROM checklist_item i JOIN linked_account a ON a.id = i.account_id
      WHERE a.removed_at IS NULL
      GROUP BY a.aws_account_id, a.name, i.state`;
}

export interface OverdueItemSqlRow {
  id: string;
  aws_account_id: string;
  account_name: string;
  check_id: string;
  exercise: number;
  resource_name: string;
  severity: string;
  state: string;
  assignee: string | null;
  due_on: Date;
  total: number;
}

/** One page of the open items due before `today`, oldest due date first, each row with the total. */
export async function readOverdueItems(today: Date, pageSize: number, offset: number): Promise<OverdueItemSqlRow[]> {
  return db().$queryRaw<OverdueItemSqlRow[]>`
    SELECT i.id::text AS id, a.aws_account_id, a.name AS account_name, i.check_id, i.exercise::int AS exercise, i.resource_name, i.severity, i.state,
           i.assignee, i.due_on, count(*) OVER ()::int AS total
      FROM checklist_item i JOIN linked_account a ON a.id = i.account_id
     WHERE a.removed_at IS NULL AND i.state IN ('open', 'in_progress') AND i.due_on < ${today}
     ORDER BY i.due_on, ${severityRankSql(Prisma.sql`i.severity`)}, lower(a.name), i.id
     LIMIT ${pageSize} OFFSET ${offset}`;
}

export async function countOverdueItems(today: Date): Promise<number> {
  const rows = await db().$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM checklist_item i JOIN linked_account a ON a.id = i.account_id
      WHERE a.removed_at IS NULL AND i.state IN ('open', 'in_progress') AND i.due_on < ${today}`;
  return rows[0]?.total ?? 0;
}
