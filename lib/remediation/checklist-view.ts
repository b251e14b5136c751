/**
 * A checklist as the pages and exports show it: items in plain, serialisable shape, ordered by
 * severity and impact within each exercise, with progress and overdue flags. One place, so the
 * page, the CSV and the Markdown export agree.
 */
import { SEVERITIES, type ExerciseNumber, type FindingStatus, type JsonValue, type Severity } from "@/lib/checks/types";
import type { FindingIdentity } from "@/lib/scorecard/finding-identity";
import { hasExpired, isPastDue } from "@/lib/dates/calendar-days";
import type { HistoryDetails } from "./history-wording";
import { isActiveState, type ChecklistState, type ReopenMark } from "./states";

export interface ChecklistHistoryEntry {
  at: string;
  actor: string;
  action: string;
  fromState: ChecklistState | null;
  toState: ChecklistState;
  reason: string | null;
  /** From what to what, for assignments, due dates and acceptances; absent for other changes. */
  details?: HistoryDetails;
}

export interface ChecklistItemView extends Omit<FindingIdentity, "evidenceHash"> {
  /** The current finding's sentence when it fails, else the last failing one's. */
  reason: string;
  /** The finding now: null when the resource is no longer reported. */
  currentStatus: FindingStatus | null;
  /** Evidence of the last failing finding, for the commands. */
  evidence: JsonValue | null;
  state: ChecklistState;
  reopenMark: ReopenMark | null;
  stateChangedAt: string;
  assignee: string | null;
  dueOn: string | null;
  riskReason: string | null;
  riskExpiresOn: string | null;
  createdAt: string;
  /** Resources the check judged (pass or fail) in the account now. */
  checkResources: number;
  history: ChecklistHistoryEntry[];
}

/** What a listing needs of an item: everything but its evidence and history, which only an opened item shows. */
export type ChecklistRow = Omit<ChecklistItemView, "evidence" | "history">;

const SEVERITY_RANK: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((severity, index) => [severity, index])) as Record<Severity, number>;

/**
 * A check's score is its passed share of the resources it judges (CHECKS.md, Scoring), so one
 * fixed item is worth 1/n of its check: fixing the only failing root key moves more than one
 * of forty stale keys.
 */
export function impactOf(item: Pick<ChecklistItemView, "checkResources">): number {
  return 1 / Math.max(1, item.checkResources);
}

export function compareItems(a: ChecklistItemView, b: ChecklistItemView): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    impactOf(b) - impactOf(a) ||
    a.checkId.localeCompare(b.checkId) ||
    a.resourceName.localeCompare(b.resourceName) ||
    a.id.localeCompare(b.id)
  );
}

export interface ExerciseGroup {
  exercise: ExerciseNumber;
  items: ChecklistItemView[];
}

/** Exercises in the scorecard's order; within each, most severe and most impactful first. */
export function groupByExercise(items: ChecklistItemView[]): ExerciseGroup[] {
  const groups = new Map<ExerciseNumber, ChecklistItemView[]>();
  for (const item of items) groups.set(item.exercise, [...(groups.get(item.exercise) ?? []), item]);
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([exercise, grouped]) => ({ exercise, items: [...grouped].sort(compareItems) }));
}

export function isOverdue(item: Pick<ChecklistItemView, "state" | "dueOn">, now: Date): boolean {
  return isActiveState(item.state) && item.dueOn !== null && isPastDue(item.dueOn, now);
}

/** An acceptance past its expiry day; the next collection reopens it. */
export function isAcceptanceExpired(item: Pick<ChecklistItemView, "state" | "riskExpiresOn">, now: Date): boolean {
  return item.state === "risk_accepted" && item.riskExpiresOn !== null && hasExpired(item.riskExpiresOn, now);
}

export interface ChecklistProgress {
  total: number;
  byState: Record<ChecklistState, number>;
  /** Verified or fixed: confirmed by a collection. */
  resolved: number;
  /** Claimed done, waiting for the next collection. */
  awaitingVerification: number;
  overdue: number;
  percentResolved: number;
}

export function progressOf(items: ChecklistRow[], now: Date): ChecklistProgress {
  const byState: Record<ChecklistState, number> = { open: 0, in_progress: 0, done: 0, risk_accepted: 0, verified: 0, fixed: 0 };
  let overdue = 0;
  for (const item of items) {
    byState[item.state] += 1;
    if (isOverdue(item, now)) overdue += 1;
  }
  const resolved = byState.verified + byState.fixed;
  const total = items.length;
  return { total, byState, resolved, awaitingVerification: byState.done, overdue, percentResolved: total === 0 ? 0 : Math.round((resolved / total) * 100) };
}
