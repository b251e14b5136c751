/**
 * What one collection of an account does to its checklist (issue 5): a new failure adds an
 * item keyed by (check, resource); a pass, or a resource that is gone, closes an item (verified
 * when someone claimed it done, fixed otherwise); a claimed fix that still fails reopens marked;
 * an expired risk acceptance reopens. Pure: checklist-store.ts reads the items and writes the plan.
 *
 * `unknown` is never a pass (CHECKS.md), and neither is `not_applicable`: such a finding changes
 * nothing, and a resource that is absent while its check could not judge the whole account (or
 * the item's region) is not "gone" either.
 */
import type { ExerciseNumber, Finding, ResourceType, Severity } from "@/lib/checks/types";
import { transition, type AutomaticEvent, type ChecklistItemState } from "./state-machine";
import { SYSTEM_ACTOR, type ChecklistState } from "./states";

/** Facts of the last failing finding, kept on the item so it can be shown after the finding changes. */
export interface ChecklistItemDetails {
  exercise: ExerciseNumber;
  resourceType: ResourceType;
  resourceName: string;
  region: string | null;
  severity: Severity;
  reason: string;
  evidenceHash: string;
}

export interface ExistingChecklistItem<Id> extends ChecklistItemState, ChecklistItemDetails {
  id: Id;
  checkId: string;
  resourceId: string;
}

export type SyncFinding = Finding & { evidenceHash: string };

export interface HistoryDraft {
  at: Date;
  actor: string;
  action: "created" | AutomaticEvent["type"];
  fromState: ChecklistState | null;
  toState: ChecklistState;
  reason: string;
  runId: bigint;
}

export interface ChecklistSyncPlan<Id> {
  create: Array<{ checkId: string; resourceId: string; details: ChecklistItemDetails; state: ChecklistItemState; history: HistoryDraft[] }>;
  update: Array<{ id: Id; details: ChecklistItemDetails | null; state: ChecklistItemState | null; history: HistoryDraft[] }>;
}

export interface SyncContext {
  runId: bigint;
  collectedAt: Date;
}

function itemKey(checkId: string, resourceId: string): string {
  return `${checkId}\u0000${resourceId}`;
}

function detailsOf(finding: SyncFinding): ChecklistItemDetails {
  return {
    exercise: finding.exercise,
    resourceType: finding.resourceType,
    resourceName: finding.resourceName,
    region: finding.region ?? null,
    severity: finding.severity,
    reason: finding.reason,
    evidenceHash: finding.evidenceHash,
  };
}

/** The reason sentence may carry an age that moves daily; it alone is not worth a write. */
function detailsChanged(item: ChecklistItemDetails, next: ChecklistItemDetails): boolean {
  return (
    item.exercise !== next.exercise ||
    item.resourceType !== next.resourceType ||
    item.resourceName !== next.resourceName ||
    item.region !== next.region ||
    item.severity !== next.severity ||
    item.evidenceHash !== next.evidenceHash
  );
}

/** Unknown or not-applicable findings that stop an absent resource from counting as gone. */
function undecidedScopes(findings: SyncFinding[]): { wholeAccount: Set<string>; regions: Set<string> } {
  const wholeAccount = new Set<string>();
  const regions = new Set<string>();
  for (const finding of findings) {
    if (finding.status !== "unknown" && finding.status !== "not_applicable") continue;
    if (finding.resourceType === "account") wholeAccount.add(finding.checkId);
    if (finding.resourceType === "region" && finding.region) regions.add(`${finding.checkId}\u0000${finding.region}`);
  }
  return { wholeAccount, regions };
}

function automaticReason(
  event: AutomaticEvent,
  context: SyncContext,
  from: ChecklistItemState,
  to: ChecklistState,
  resourceName: string,
  finding: SyncFinding | undefined,
): string {
  const run = `collection #${context.runId}`;
  switch (event.type) {
    case "acceptance_expired":
      return `The risk acceptance expired on ${from.riskExpiresOn}.`;
    case "finding_passed":
      return event.resourceGone
        ? `${resourceName} is no longer reported by ${run}: the resource is gone, closed as ${to}.`
        : `Passing in ${run}: ${finding?.reason ?? ""}`;
    case "finding_failed":
      return from.state === "done"
        ? `Claimed fixed, but still failing in ${run}: ${finding?.reason ?? ""}`
        : `Failing again in ${run}: ${finding?.reason ?? ""}`;
  }
}

export function planChecklistSync<Id>(items: ExistingChecklistItem<Id>[], findings: SyncFinding[], context: SyncContext): ChecklistSyncPlan<Id> {
  const plan: ChecklistSyncPlan<Id> = { create: [], update: [] };
  const findingByKey = new Map<string, SyncFinding>();
  for (const finding of findings) {
    const key = itemKey(finding.checkId, finding.resourceId);
    // Same rule as the finding intervals: a duplicate report of one resource keeps the first.
    if (!findingByKey.has(key)) findingByKey.set(key, finding);
  }
  const undecided = undecidedScopes(findings);
  const at = context.collectedAt;

  const known = new Set<string>();
  for (const item of items) {
    const key = itemKey(item.checkId, item.resourceId);
    known.add(key);
    const finding = findingByKey.get(key);
    let state: ChecklistItemState = item;
    const history: HistoryDraft[] = [];
    const apply = (event: AutomaticEvent) => {
      const result = transition(state, event);
      if (!result.ok || !result.changed) return;
      history.push({
        at,
        actor: SYSTEM_ACTOR,
        action: event.type,
        fromState: state.state,
        toState: result.item.state,
        reason: automaticReason(event, context, state, result.item.state, item.resourceName, finding),
        runId: context.runId,
      });
      state = result.item;
    };

    if (state.state === "risk_accepted") apply({ type: "acceptance_expired", at });
    if (finding?.status === "fail") apply({ type: "finding_failed", at });
    else if (finding?.status === "pass") apply({ type: "finding_passed", at, resourceGone: false });
    else if (!finding) {
      const undecidedHere = undecided.wholeAccount.has(item.checkId) || (item.region !== null && undecided.regions.has(`${item.checkId}\u0000${item.region}`));
      if (!undecidedHere) apply({ type: "finding_passed", at, resourceGone: true });
    }

    const next = finding?.status === "fail" ? detailsOf(finding) : null;
    const details = next && (detailsChanged(item, next) || history.length > 0) ? next : null;
    if (history.length > 0 || details) plan.update.push({ id: item.id, details, state: history.length > 0 ? state : null, history });
  }

  for (const [key, finding] of findingByKey) {
    if (finding.status !== "fail" || known.has(key)) continue;
    plan.create.push({
      checkId: finding.checkId,
      resourceId: finding.resourceId,
      details: detailsOf(finding),
      state: { state: "open", reopenMark: null, stateChangedAt: at, assignee: null, dueOn: null, riskReason: null, riskExpiresOn: null },
      history: [
        {
          at,
          actor: SYSTEM_ACTOR,
          action: "created",
          fromState: null,
          toState: "open",
          reason: `First seen failing in collection #${context.runId}: ${finding.reason}`,
          runId: context.runId,
        },
      ],
    });
  }
  return plan;
}
