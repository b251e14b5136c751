/**
 * Checklists as the pages read them: one account's items with their current finding, evidence
 * and history, and the organization's open and overdue items per account. lib/db/checklist-read.ts
 * reads the rows; their states, days and history wording are given meaning here.
 */
import "server-only";
import type { ExerciseNumber, FindingStatus, JsonValue, Severity } from "@/lib/checks/types";
import { dayOf, startOfDay } from "@/lib/dates/calendar-days";
import { bytesToHex, getBlobs } from "@/lib/db/blobs";
import {
  countOverdueItems,
  findChecklistAccount,
  readChecklistCounts,
  readChecklistHistory,
  readChecklistItems,
  readOverdueItems,
  type ChecklistItemSqlRow,
} from "@/lib/db/checklist-read";
import { toFindingIdentity } from "@/lib/db/finding-row";
import type { ChecklistHistoryEntry, ChecklistItemView, ChecklistRow } from "./checklist-view";
import { parseHistoryDetails, type HistoryDetails } from "./history-wording";
import type { ChecklistState, ReopenMark } from "./states";

const withDetails = (details: HistoryDetails | undefined) => (details ? { details } : {});

function toRow(row: ChecklistItemSqlRow): ChecklistRow {
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

function toView(row: ChecklistItemSqlRow, evidence: Map<string, unknown>, history: ChecklistHistoryEntry[]): ChecklistItemView {
  return { ...toRow(row), evidence: (evidence.get(bytesToHex(row.evidence_hash)) as JsonValue | undefined) ?? null, history };
}

export interface AccountChecklist {
  account: { id: string; awsAccountId: string; name: string };
  items: ChecklistItemView[];
}

/** Every item of the account ever opened (closed ones too), with evidence and history; undefined when not linked. */
export async function getAccountChecklist(awsAccountId: string, options: { itemIds?: string[] } = {}): Promise<AccountChecklist | undefined> {
  const account = await findChecklistAccount(awsAccountId);
  if (!account) return undefined;
  const rows = await readChecklistItems(account.id, options.itemIds);
  if (rows.length === 0) return { account, items: [] };
  const history = await readChecklistHistory(account.id, options.itemIds);
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
  const account = await findChecklistAccount(awsAccountId);
  if (!account) return undefined;
  const rows = await readChecklistItems(account.id);
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
  const counts = await readChecklistCounts(today, now);
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
  const overdueRows = await readOverdueItems(today, pageSize, offset);
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
    overdueTotal: overdueRows[0]?.total ?? (offset === 0 ? 0 : await countOverdueItems(today)),
  };
}
