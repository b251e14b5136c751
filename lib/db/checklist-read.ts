/**
 * Checklists as the pages read them: one account's items with their current finding, evidence
 * and history, and the organization's open and overdue items per account.
 */
import "server-only";
import type { ExerciseNumber, FindingStatus, JsonValue, Severity } from "@/lib/checks/types";
import { dayOf, startOfDay } from "@/lib/remediation/calendar-days";
import type { ChecklistHistoryEntry, ChecklistItemView, ChecklistRow } from "@/lib/remediation/checklist-view";
import { parseHistoryDetails, type HistoryDetails } from "@/lib/remediation/history-wording";
import type { ChecklistState, ReopenMark } from "@/lib/remediation/states";
import { bytesToHex, getBlobs } from "./blobs";
import { db } from "./client";
import { toFindingIdentity, type FindingIdentitySqlRow } from "./finding-row";
import { SEVERITY_RANK_SQL } from "./scorecard";

interface ViewSqlRow extends FindingIdentitySqlRow {
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

interface HistorySqlRow {
  item_id: string;
  at: Date;
  actor: string;
  action: string;
  from_state: string | null;
  to_state: string;
  reason: string | null;
  details: unknown;
}

// The current finding of the item's (check, resource), and how many resources its check judges now.
const VIEW_SELECT = `
  SELECT i.id::text AS id, a.aws_account_id, a.name AS account_name, i.check_id, i.exercise::int AS exercise, i.resource_id, i.resource_type,
         i.resource_name, i.region, i.severity, i.reason, i.evidence_hash, i.state, i.reopen_mark, i.state_changed_at, i.assignee, i.due_on,
         i.risk_reason, i.risk_expires_on, i.created_at, f.status AS current_status, f.reason AS current_reason,
         coalesce(c.judged, 0)::int AS check_resources
    FROM checklist_item i
    JOIN linked_account a ON a.id = i.account_id
    LEFT JOIN finding f ON f.account_id = i.account_id AND f.check_id = i.check_id AND f.resource_id = i.resource_id AND f.closed_run_id IS NULL
    LEFT JOIN (
      SELECT check_id, count(*) FILTER (WHERE status IN ('pass', 'fail')) AS judged
        FROM finding WHERE account_id = $1::uuid AND closed_run_id IS NULL GROUP BY check_id
    ) c ON c.check_id = i.check_id`;

const withDetails = (details: HistoryDetails | undefined) => (details ? { details } : {});

function toRow(row: ViewSqlRow): ChecklistRow {
  const { evidenceHash: _evidenceHash, ...identity } = toFindingIdentity(row);
  return {
    ...identity,
    reason: row.current_status === "fail" && row.current_reason ? row.current_reason : row.reason,
    currentStatus: row.current_status as FindingStatus | null,
    state: row.state as ChecklistState,
    reopenMark: row.reopen_mark as ReopenMark | null,
    stateChangedAt: row.state_changed_at.toISOString(),
    assignee: row.assignee,
    dueOn: row.due_on ? dayOf(row.due_on) : null,
    riskReason: row.risk_reason,
    riskExpiresOn: row.risk_expires_on ? dayOf(row.risk_expires_on) : null,
    createdAt: row.created_at.toISOString(),
    checkResources: row.check_resources,
  };
}

function toView(row: ViewSqlRow, evidence: Map<string, unknown>, history: ChecklistHistoryEntry[]): ChecklistItemView {
  return { ...toRow(row), evidence: (evidence.get(bytesToHex(row.evidence_hash)) as JsonValue | undefined) ?? null, history };
}

export interface AccountChecklist {
  account: { id: string; awsAccountId: string; name: string };
  items: ChecklistItemView[];
}

/** Every item of the account ever opened (closed ones too), with evidence and history; undefined when not linked. */
export async function getAccountChecklist(awsAccountId: string, options: { itemIds?: string[] } = {}): Promise<AccountChecklist | undefined> {
  const account = await db().linkedAccount.findFirst({ where: { awsAccountId, removedAt: null }, select: { id: true, awsAccountId: true, name: true } });
  if (!account) return undefined;
  const onlyItems = options.itemIds ? " AND i.id = ANY($2::bigint[])" : "";
  const params: unknown[] = options.itemIds ? [account.id, options.itemIds] : [account.id];
  const rows = await db().$queryRawUnsafe<ViewSqlRow[]>(`${VIEW_SELECT} WHERE i.account_id = $1::uuid${onlyItems} ORDER BY i.id`, ...params);
  if (rows.length === 0) return { account, items: [] };
  const history = await db().$queryRawUnsafe<HistorySqlRow[]>(
    `SELECT e.item_id::text AS item_id, e.at, e.actor, e.action, e.from_state, e.to_state, e.reason, e.details
       FROM checklist_event e JOIN checklist_item i ON i.id = e.item_id
      WHERE i.account_id = $1::uuid${onlyItems} ORDER BY e.at, e.id`,
    ...params,
  );
  const historyByItem = new Map<string, ChecklistHistoryEntry[]>();
  for (const entry of history) {
    const list = historyByItem.get(entry.item_id) ?? [];
    list.push({
      at: entry.at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      fromState: entry.from_state as ChecklistState | null,
      toState: entry.to_state as ChecklistState,
      reason: entry.reason,
      ...withDetails(parseHistoryDetails(entry.details)),
    });
    historyByItem.set(entry.item_id, list);
  }
  const evidence = await getBlobs([...new Set(rows.map((row) => bytesToHex(row.evidence_hash)))]);
  return { account, items: rows.map((row) => toView(row, evidence, historyByItem.get(row.id) ?? [])) };
}

/**
 * Every item of the account without evidence or history: enough to filter, count, sort and page a
 * checklist of any size, whose shown page then reads its details with getAccountChecklist(itemIds).
 */
export async function getAccountChecklistRows(awsAccountId: string): Promise<{ account: AccountChecklist["account"]; rows: ChecklistRow[] } | undefined> {
  const account = await db().linkedAccount.findFirst({ where: { awsAccountId, removedAt: null }, select: { id: true, awsAccountId: true, name: true } });
  if (!account) return undefined;
  const rows = await db().$queryRawUnsafe<ViewSqlRow[]>(`${VIEW_SELECT} WHERE i.account_id = $1::uuid ORDER BY i.id`, account.id);
  return { account, rows: rows.map(toRow) };
}

export interface AccountChecklistSummary {
  awsAccountId: string;
  name: string;
  byState: Record<ChecklistState, number>;
  overdue: number;
  /** Accepted risks past their expiry day, waiting for the next collection to reopen them. */
  expiredAcceptances: number;
}

export interface OverdueItem {
  id: string;
  awsAccountId: string;
  accountName: string;
  checkId: string;
  exercise: ExerciseNumber;
  resourceName: string;
  severity: Severity;
  state: ChecklistState;
  assignee: string | null;
  dueOn: string;
}

export interface OrganizationChecklist {
  accounts: AccountChecklistSummary[];
  overdue: OverdueItem[];
  overdueTotal: number;
}

const OVERDUE_LIST_LIMIT = 200;

export interface OverdueListOptions {
  /** 1-based page of the overdue items; past the last page reads nothing. */
  overduePage?: number;
  overduePageSize?: number;
}

/** Open work per account (accounts with none are left out) and one page of the overdue items, oldest due date first. */
export async function getOrganizationChecklist(now: Date, options: OverdueListOptions = {}): Promise<OrganizationChecklist> {
  const pageSize = Math.max(1, Math.floor(options.overduePageSize ?? OVERDUE_LIST_LIMIT));
  const offset = (Math.max(1, Math.floor(options.overduePage ?? 1)) - 1) * pageSize;
  // Due on a day means overdue from the next day: anything due before today's start is overdue.
  const today = startOfDay(dayOf(now));
  const counts = await db().$queryRawUnsafe<Array<{ aws_account_id: string; name: string; state: string; items: number; overdue: number; expired: number }>>(
    `SELECT a.aws_account_id, a.name, i.state, count(*)::int AS items,
            count(*) FILTER (WHERE i.state IN ('open', 'in_progress') AND i.due_on < $1)::int AS overdue,
            count(*) FILTER (WHERE i.state = 'risk_accepted' AND i.risk_expires_on <= $2)::int AS expired
       FROM checklist_item i JOIN linked_account a ON a.id = i.account_id
      WHERE a.removed_at IS NULL
      GROUP BY a.aws_account_id, a.name, i.state`,
    today,
    now,
  );
  const byAccount = new Map<string, AccountChecklistSummary>();
  for (const row of counts) {
    const summary = byAccount.get(row.aws_account_id) ?? {
      awsAccountId: row.aws_account_id,
      name: row.name,
      byState: { open: 0, in_progress: 0, done: 0, risk_accepted: 0, verified: 0, fixed: 0 },
      overdue: 0,
      expiredAcceptances: 0,
    };
    summary.byState[row.state as ChecklistState] = row.items;
    summary.overdue += row.overdue;
    summary.expiredAcceptances += row.expired;
    byAccount.set(row.aws_account_id, summary);
  }
  const overdueRows = await db().$queryRawUnsafe<Array<{ id: string; aws_account_id: string; account_name: string; check_id: string; exercise: number; resource_name: string; severity: string; state: string; assignee: string | null; due_on: Date; total: number }>>(
    `SELECT i.id::text AS id, a.aws_account_id, a.name AS account_name, i.check_id, i.exercise::int AS exercise, i.resource_name, i.severity, i.state,
            i.assignee, i.due_on, count(*) OVER ()::int AS total
       FROM checklist_item i JOIN linked_account a ON a.id = i.account_id
      WHERE a.removed_at IS NULL AND i.state IN ('open', 'in_progress') AND i.due_on < $1
      ORDER BY i.due_on, ${SEVERITY_RANK_SQL("i.severity")}, lower(a.name), i.id
      LIMIT $2 OFFSET $3`,
    today,
    pageSize,
    offset,
  );
  const accounts = [...byAccount.values()].sort(
    (a, b) => b.overdue - a.overdue || b.byState.open + b.byState.in_progress - (a.byState.open + a.byState.in_progress) || a.name.localeCompare(b.name),
  );
  return {
    accounts,
    overdue: overdueRows.map((row) => ({
      id: row.id,
      awsAccountId: row.aws_account_id,
      accountName: row.account_name,
      checkId: row.check_id,
      exercise: row.exercise as ExerciseNumber,
      resourceName: row.resource_name,
      severity: row.severity as Severity,
      state: row.state as ChecklistState,
      assignee: row.assignee,
      dueOn: dayOf(row.due_on),
    })),
    // A page past the last has no rows to carry the total: count again rather than say zero.
    overdueTotal: overdueRows[0]?.total ?? (offset === 0 ? 0 : await countOverdue(today)),
  };
}

async function countOverdue(today: Date): Promise<number> {
  const rows = await db().$queryRawUnsafe<Array<{ total: number }>>(
    `SELECT count(*)::int AS total FROM checklist_item i JOIN linked_account a ON a.id = i.account_id
      WHERE a.removed_at IS NULL AND i.state IN ('open', 'in_progress') AND i.due_on < $1`,
    today,
  );
  return rows[0]?.total ?? 0;
}
