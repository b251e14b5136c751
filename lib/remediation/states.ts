/**
 * The words of a checklist item's life (issue 5). `fixed` is the one state the issue does not
 * name: an item nobody claimed (open, in progress or risk accepted) whose finding passes again is
 * closed by the collection, and "verified" would claim a check of a claim that was never made.
 */
export const CHECKLIST_STATES = ["open", "in_progress", "done", "risk_accepted", "verified", "fixed"] as const;
export type ChecklistState = (typeof CHECKLIST_STATES)[number];

/** Someone still has to act. */
export const ACTIVE_STATES = ["open", "in_progress"] as const satisfies readonly ChecklistState[];
/** Closed by a collection: the finding passes (or its resource is gone). */
export const CLOSED_STATES = ["verified", "fixed"] as const satisfies readonly ChecklistState[];

export function isActiveState(state: ChecklistState): boolean {
  return (ACTIVE_STATES as readonly ChecklistState[]).includes(state);
}

export function isClosedState(state: ChecklistState): boolean {
  return (CLOSED_STATES as readonly ChecklistState[]).includes(state);
}

/** Why an item is open again: shown on the item until someone claims or accepts it anew. */
export const REOPEN_MARKS = ["claimed_fixed_still_failing", "risk_acceptance_expired", "regressed"] as const;
export type ReopenMark = (typeof REOPEN_MARKS)[number];

export const STATE_LABELS: Record<ChecklistState, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done (claimed fixed)",
  risk_accepted: "Risk accepted",
  verified: "Verified",
  fixed: "Fixed",
};

export const REOPEN_MARK_LABELS: Record<ReopenMark, string> = {
  claimed_fixed_still_failing: "Claimed fixed, still failing",
  risk_acceptance_expired: "Risk acceptance expired",
  regressed: "Failing again after it was fixed",
};

/** Who automatic changes are recorded as. */
export const SYSTEM_ACTOR = "iamfit";
