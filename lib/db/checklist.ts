/**
 * Remediation checklists: the collection's sync (called inside commitAccountCollection's
 * transaction, after the findings are written) and people's changes. The rules live in
 * lib/remediation (sync-plan.ts, state-machine.ts); this module reads, locks and writes.
 */
import "server-only";
import type { Finding } from "@/lib/checks/types";
import { hashBlob, type HashedBlob } from "@/lib/collect/manifest";
import { dayOf, startOfDay } from "@/lib/remediation/calendar-days";
import type { ChecklistItemState, ManualEvent, TransitionError } from "@/lib/remediation/state-machine";
import { transition } from "@/lib/remediation/state-machine";
import { planChecklistSync, type ChecklistItemDetails, type ChecklistSyncPlan, type ExistingChecklistItem, type HistoryDraft, type SyncFinding } from "@/lib/remediation/sync-plan";
import type { ChecklistState, ReopenMark } from "@/lib/remediation/states";
import type { SandboxMutation } from "@/lib/sandbox/mutations";
import { bytesToHex, hexToBytes, putBlobs } from "./blobs";
import { db } from "./client";
import type { DbTransaction } from "./transaction";

interface ItemSqlRow {
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

function itemColumns(alias: string): string {
  return `${alias}.id, ${alias}.check_id, ${alias}.resource_id, ${alias}.exercise::int AS exercise, ${alias}.resource_type, ${alias}.resource_name,
    ${alias}.region, ${alias}.severity, ${alias}.reason, ${alias}.evidence_hash, ${alias}.state, ${alias}.reopen_mark, ${alias}.state_changed_at,
    ${alias}.assignee, ${alias}.due_on, ${alias}.risk_reason, ${alias}.risk_expires_on`;
}

function toItem(row: ItemSqlRow): ExistingChecklistItem<bigint> {
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

function stateColumns(state: ChecklistItemState) {
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

function detailColumns(details: ChecklistItemDetails) {
  return {
    exercise: details.exercise,
    resourceType: details.resourceType,
    resourceName: details.resourceName,
    region: details.region,
    severity: details.severity,
    reason: details.reason,
    evidenceHash: hexToBytes(details.evidenceHash),
  };
}

function historyRow(itemId: bigint, draft: HistoryDraft) {
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
  const rows = await tx.$queryRawUnsafe<ItemSqlRow[]>(`SELECT ${itemColumns("i")} FROM checklist_item i WHERE i.account_id = $1::uuid FOR UPDATE`, input.accountId);
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

  const history: ReturnType<typeof historyRow>[] = [];
  if (plan.create.length > 0) {
    const created = await tx.$queryRawUnsafe<Array<{ id: bigint; check_id: string; resource_id: string }>>(
      CREATE_ITEMS_SQL,
      ...createItemsParameters(input, plan.create),
    );
    const idByKey = new Map(created.map((item) => [`${item.check_id}\u0000${item.resource_id}`, item.id]));
    for (const entry of plan.create) {
      const id = idByKey.get(`${entry.checkId}\u0000${entry.resourceId}`)!;
      history.push(...entry.history.map((draft) => historyRow(id, draft)));
    }
  }
  for (const entry of plan.update) {
    await tx.checklistItem.update({
      where: { id: entry.id },
      data: { ...(entry.details ? detailColumns(entry.details) : {}), ...(entry.state ? stateColumns(entry.state) : {}) },
    });
    history.push(...entry.history.map((draft) => historyRow(entry.id, draft)));
  }
  if (history.length > 0) await tx.$executeRawUnsafe(INSERT_EVENTS_SQL, ...insertEventsParameters(history));
}

/*
 * A first collection opens an item for every failing finding (dozens per account, thousands per
 * organization), so items and their history are inserted as one statement each, with a column
 * array per field: built through the ORM, the rows of a thousand-account collection took a large
 * share of the worker's CPU (`npm run bench:collect`). Timestamps travel as ISO strings.
 */
const CREATE_ITEMS_SQL = `
INSERT INTO checklist_item (account_id, first_run_id, check_id, resource_id, exercise, resource_type, resource_name, region,
                            severity, reason, evidence_hash, state, reopen_mark, state_changed_at, assignee, due_on,
                            risk_reason, risk_expires_on)
SELECT $1::uuid, $2, u.check_id, u.resource_id, u.exercise, u.resource_type, u.resource_name, u.region,
       u.severity, u.reason, u.evidence_hash, u.state, u.reopen_mark, u.state_changed_at, u.assignee, u.due_on,
       u.risk_reason, u.risk_expires_on
  FROM unnest($3::text[], $4::text[], $5::smallint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
              $11::bytea[], $12::text[], $13::text[], $14::timestamptz[], $15::text[], $16::timestamptz[], $17::text[],
              $18::timestamptz[])
    AS u(check_id, resource_id, exercise, resource_type, resource_name, region, severity, reason, evidence_hash,
         state, reopen_mark, state_changed_at, assignee, due_on, risk_reason, risk_expires_on)
RETURNING id, check_id, resource_id`;

function createItemsParameters(input: ChecklistSyncInput, create: ChecklistSyncPlan<bigint>["create"]): unknown[] {
  const rows = create.map((entry) => ({ checkId: entry.checkId, resourceId: entry.resourceId, ...detailColumns(entry.details), ...stateColumns(entry.state) }));
  const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  return [
    input.accountId,
    input.runId,
    column((row) => row.checkId),
    column((row) => row.resourceId),
    column((row) => row.exercise),
    column((row) => row.resourceType),
    column((row) => row.resourceName),
    column((row) => row.region),
    column((row) => row.severity),
    column((row) => row.reason),
    column((row) => row.evidenceHash),
    column((row) => row.state),
    column((row) => row.reopenMark),
    column((row) => row.stateChangedAt.toISOString()),
    column((row) => row.assignee),
    column((row) => row.dueOn?.toISOString() ?? null),
    column((row) => row.riskReason),
    column((row) => row.riskExpiresOn?.toISOString() ?? null),
  ];
}

const INSERT_EVENTS_SQL = `
INSERT INTO checklist_event (item_id, at, actor, action, from_state, to_state, reason, run_id)
SELECT u.item_id, u.at, u.actor, u.action, u.from_state, u.to_state, u.reason, u.run_id
  FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[])
    AS u(item_id, at, actor, action, from_state, to_state, reason, run_id)`;

function insertEventsParameters(history: ReturnType<typeof historyRow>[]): unknown[] {
  const column = <T>(pick: (row: (typeof history)[number]) => T) => history.map(pick);
  return [
    column((row) => String(row.itemId)),
    column((row) => row.at.toISOString()),
    column((row) => row.actor),
    column((row) => row.action),
    column((row) => row.fromState),
    column((row) => row.toState),
    column((row) => row.reason),
    column((row) => String(row.runId)),
  ];
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
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<ItemSqlRow[]>(
      `SELECT ${itemColumns("i")}
         FROM checklist_item i JOIN linked_account a ON a.id = i.account_id
        WHERE a.aws_account_id = $1 AND i.id = ANY($2::bigint[])
        ORDER BY i.id FOR UPDATE OF i`,
      input.awsAccountId,
      input.itemIds,
    );
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
      if (outcome.changed) await tx.checklistItem.update({ where: { id: row.id }, data: stateColumns(outcome.item) });
      await tx.checklistEvent.create({
        data: {
          itemId: row.id,
          at: input.event.at,
          actor: input.actor,
          action: input.event.type,
          fromState: item.state,
          toState: outcome.item.state,
          reason: input.comment,
          details: eventDetails(input.event, item),
        },
      });
      result.changed.push(itemId);
    }
    return result;
  });
}

/** Records that a fix was applied to the sandbox for an item (the item's state is the collection's to change). */
export async function recordSandboxFix(input: { awsAccountId: string; itemId: string; actor: string; at: Date; mutations: SandboxMutation[]; summary: string }): Promise<void> {
  const rows = await db().$queryRawUnsafe<Array<{ id: bigint; state: string }>>(
    `SELECT i.id, i.state FROM checklist_item i JOIN linked_account a ON a.id = i.account_id WHERE a.aws_account_id = $1 AND i.id = $2::bigint`,
    input.awsAccountId,
    input.itemId,
  );
  const row = rows[0];
  if (!row) return;
  await db().checklistEvent.create({
    data: {
      itemId: row.id,
      at: input.at,
      actor: input.actor,
      action: "sandbox_fix",
      fromState: row.state,
      toState: row.state,
      reason: `Applied in the sandbox: ${input.summary}. The next collection verifies it.`,
      details: { mutations: input.mutations as unknown as object[] },
    },
  });
}
