/**
 * The facts one digest is written from, already narrowed to the subscription's scope
 * (lib/digest/gather-digest-data.ts reads them; lib/digest/content.ts turns them into the email).
 * Plain data only: it travels between the worker and pages and is built by hand in tests.
 */
import type { ExerciseNumber, Severity } from "@/lib/checks/types";
import type { DigestScope } from "./scope";

export interface DigestAccountFacts {
  awsAccountId: string;
  name: string;
  /** Score of the current evaluation; null when not assessed or nothing could be judged. */
  scoreNow: number | null;
  /** Score as of the start of the window; null when not assessed then. */
  scoreBefore: number | null;
  assessedNow: boolean;
  assessedBefore: boolean;
  /** never | succeeded | partial | failed */
  lastStatus: string;
  lastCollectedAt: string | null;
  lastError: { api?: string; code?: string; message?: string } | null;
}

export interface DigestFindingChange {
  awsAccountId: string;
  accountName: string;
  checkId: string;
  exercise: ExerciseNumber;
  resourceId: string;
  resourceName: string;
  severity: Severity;
  reason: string;
  changedAt: string;
}

export interface DigestChecklistEntry {
  itemId: string;
  awsAccountId: string;
  accountName: string;
  checkId: string;
  exercise: ExerciseNumber;
  resourceName: string;
  severity: Severity;
  /** YYYY-MM-DD: the due day (overdue items) or the expiry day (risk acceptances). */
  day: string;
  assignee: string | null;
}

/** A list cut to what a digest shows, with how many there are in all. */
export interface Counted<T> {
  items: T[];
  total: number;
}

export interface DigestData {
  generatedAt: string;
  scope: DigestScope;
  /** The two runs compared: the latest, and the latest at least a week older (lib/db/changes.ts). */
  window: { fromAt: string | null; toAt: string | null };
  /** Every account in scope. */
  accounts: DigestAccountFacts[];
  /** The stored organization score (scope "all"); other scopes average their accounts instead. */
  organization: { now: number | null; before: number | null } | null;
  /** Critical and high failures that appeared in the window, most severe first. */
  newFailures: Counted<DigestFindingChange>;
  /** Failures that pass now (or whose resource is gone), most severe first. */
  fixed: Counted<DigestFindingChange>;
  /** null when checklists are not available in this installation. */
  overdue: Counted<DigestChecklistEntry> | null;
  expiringAcceptances: Counted<DigestChecklistEntry> | null;
}
