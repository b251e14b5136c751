/**
 * Remediation checklists: the collection's sync (called inside commitAccountCollection's
 * transaction, after the findings are written) and people's changes. The rules are
 * sync-plan.ts's and state-machine.ts's; this module applies them to what lib/db/checklist.ts
 * reads and locks, and hands it the columns to write.
 */
import "server-only";
import type { Finding } from "@/lib/checks/types";
import { dayOf, startOfDay } from "@/lib/dates/calendar-days";
import { bytesToHex, putBlobs } from "@/lib/db/blobs";
import {
  createChecklistEvent,
  createChecklistItems,
  findChecklistItemState,
  insertChecklistEvents,
  lockAccountChecklistItems,
  lockChecklistItems,
  updateChecklistItem,
  type ChecklistDetailColumns,
  type ChecklistEventRow,
  type ChecklistItemSqlRow,
  type ChecklistStateColumns,
} from "@/lib/db/checklist";
import { inTransaction, type DbTransaction } from "@/lib/db/transaction";
import type { SandboxMutation } from "@/lib/sandbox/mutations";
import { hashBlob, type HashedBlob } from "@/lib/snapshot/content-hash";
import type { ChecklistItemState, ManualEvent, TransitionError } from "./state-machine";
import { transition } from "./state-machine";
import { planChecklistSync, type ChecklistItemDetails, type ExistingChecklistItem, type HistoryDraft, type SyncFinding } from "./sync-plan";
import type { ChecklistState, ReopenMark } from "./states";

function toItem(row: ChecklistItemSqlRow): ExistingChecklistItem<bigint> {
  return {
    id: row.id,
    checkId: row.check_id,
    resourceId: row.resource_id,
    exercise: row.exercise as ExistingChecklistItem<bigint>["exercise"],
    resourceType: row.resource_type as ExistingChecklistItem<bigint>["resourceType"],
    resourceName: row.resource_name,
    region: row.region,
    severity: row.severity as ExistingChecklistItem<bigint>["severity"],
    reason: row.reason,
    evidenceHash: bytesToHex(row.evidence_hash),
    state: row.state as ChecklistState,
    reopenMark: row.reopen_mark as ReopenMark | null,
    stateChangedAt: row.state_changed_at,
    assignee: row.assignee,
    dueOn: row.due_on ? dayOf(row.due_on) : null,
    riskReason: row.risk_reason,
    riskExpiresOn: row.risk_expires_on ? dayOf(row.risk_expires_on) : null,
  };
}

function stateColumns(state: ChecklistItemState): ChecklistStateColumns {
  return {
    state: state.state,
    reopenMark: state.reopenMark,
    stateChangedAt: state.stateChangedAt,
    assignee: state.assignee,
    dueOn: state.dueOn ? startOfDay(state.dueOn) : null,
    riskReason: state.riskReason,
    riskExpiresOn: state.riskExpiresOn ? startOfDay(state.riskExpiresOn) : null,
  };
}

function detailColumns(details: ChecklistItemDetails): ChecklistDetailColumns {
  return {
    exercise: details.exercise,
    resourceType: details.resourceType,
    resourceName: details.resourceName,
    region: details.region,
    severity: details.severity,
    reason: details.reason,
    evidenceHash: details.evidenceHash,
  };
}

function historyRow(itemId: bigint, draft: HistoryDraft): ChecklistEventRow {
  return { itemId, at: draft.at, actor: draft.actor, action: draft.action, fromState: draft.fromState, toState: draft.toState, reason: draft.reason, runId: draft.runId };
}

export interface ChecklistSyncInput {
  accountId: string;
  runId: bigint;
  collectedAt: Date;
  findings: Finding[];
}

/**
 * Applies one collection's findings to the account's checklist (lib/remediation/sync-plan.ts).
 * Runs inside the commit transaction; an account whose checklist did not change writes nothing.
 */
export async function syncChecklistForAccount(tx: DbTransaction, input: ChecklistSyncInput): Promise<void> {
  const rows = await lockAccountChecklistItems(tx, input.accountId);
  const evidence = new Map<string, HashedBlob>();
  const findings: SyncFinding[] = input.findings.map((finding) => {
    // Only failing findings' evidence is kept on items; hashing the rest would be wasted work.
    if (finding.status !== "fail") return { ...finding, evidenceHash: "" };
    const blob = hashBlob(finding.evidence);
    evidence.set(blob.hash, blob);
    return { ...finding, evidenceHash: blob.hash };
  });
  const plan = planChecklistSync(rows.map(toItem), findings, { runId: input.runId, collectedAt: input.collectedAt });
  if (plan.create.length === 0 && plan.update.length === 0) return;

  const needed = new Set([...plan.create.map((entry) => entry.details.evidenceHash), ...plan.update.flatMap((entry) => (entry.details ? [entry.details.evidenceHash] : []))]);
  await putBlobs(
    tx,
    [...needed].flatMap((hash) => evidence.get(hash) ?? []),
  );

  const history: ChecklistEventRow[] = [];
  if (plan.create.length > 0) {
    const created = await createChecklistItems(
      tx,
      input,
      plan.create.map((entry) => ({ checkId: entry.checkId, resourceId: entry.resourceId, details: detailColumns(entry.details), state: stateColumns(entry.state) })),
    );
    const idByKey = new Map(created.map((item) => [`${item.check_id}\u0000${item.resource_id}`, item.id]));
    for (const entry of plan.create) {
      const id = idByKey.get(`${entry.checkId}\u0000${entry.resourceId}`)!;
      history.push(...entry.history.map((draft) => historyRow(id, draft)));
    }
  }
  for (const entry of plan.update) {
    await updateChecklistItem(tx, entry.id, { details: entry.details ? detailColumns(entry.details) : null, state: entry.state ? stateColumns(entry.state) : null });
    history.push(...entry.history.map((draft) => historyRow(entry.id, draft)));
  }
  await insertChecklistEvents(tx, history);
}

export interface ChecklistChangeInput {
  awsAccountId: string;
  itemIds: string[];
  event: ManualEvent;
  /** A person; until sign-in exists, the name the form gave. */
  actor: string;
  comment: string | null;
}

export interface ChecklistChangeResult {
  changed: string[];
  unchanged: string[];
  refused: Array<{ itemId: string; error: TransitionError }>;
  /** Ids that are not items of this account. */
  missing: string[];
}

/** What the history shows beside the states: the new value and the one it replaced (lib/remediation/history-wording.ts). */
function eventDetails(event: ManualEvent, before: ExistingChecklistItem<bigint>): object | undefined {
  switch (event.type) {
    case "accept_risk":
      return { expiresOn: event.expiresOn };
    case "assign":
      return { assignee: event.assignee, previousAssignee: before.assignee };
    case "set_due_date":
      return { dueOn: event.dueOn, previousDueOn: before.dueOn };
    default:
      return undefined;
  }
}

/** One person's change to some items of one account; each item is judged by the state machine on its own. */
export async function changeChecklistItems(input: ChecklistChangeInput): Promise<ChecklistChangeResult> {
  return inTransaction(async (tx) => {
    const rows = await lockChecklistItems(tx, input.awsAccountId, input.itemIds);
    const result: ChecklistChangeResult = { changed: [], unchanged: [], refused: [], missing: [] };
    const found = new Set(rows.map((row) => row.id.toString()));
    result.missing = input.itemIds.filter((id) => !found.has(id));
    for (const row of rows) {
      const item = toItem(row);
      const outcome = transition(item, input.event);
      const itemId = row.id.toString();
      if (!outcome.ok) {
        result.refused.push({ itemId, error: outcome.error });
        continue;
      }
      // A note changes nothing on the item but is a change worth recording.
      if (!outcome.changed && input.event.type !== "add_note") {
        result.unchanged.push(itemId);
        continue;
      }
      if (outcome.changed) await updateChecklistItem(tx, row.id, { state: stateColumns(outcome.item) });
      await createChecklistEvent(
        {
          itemId: row.id,
          at: input.event.at,
          actor: input.actor,
          action: input.event.type,
          fromState: item.state,
          toState: outcome.item.state,
          reason: input.comment,
          details: eventDetails(input.event, item),
        },
        tx,
      );
      result.changed.push(itemId);
    }
    return result;
  });
}

/** Records that a fix was applied to the sandbox for an item (the item's state is the collection's to change). */
export async function recordSandboxFix(input: { awsAccountId: string; itemId: string; actor: string; at: Date; mutations: SandboxMutation[]; summary: string }): Promise<void> {
  const row = await findChecklistItemState(input.awsAccountId, input.itemId);
  if (!row) return;
  await createChecklistEvent({
    itemId: row.id,
    at: input.at,
    actor: input.actor,
    action: "sandbox_fix",
    fromState: row.state,
    toState: row.state,
    reason: `Applied in the sandbox: ${input.summary}. The next collection verifies it.`,
    details: { mutations: input.mutations as unknown as object[] },
  });
}
