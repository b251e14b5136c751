/**
 * The life of a checklist item (issue 5) as one exhaustive function: people move items between
 * open, in progress, done and risk accepted; collections close them (verified, fixed) or reopen
 * them, marked with why. Every transition not listed here is refused with a reason.
 */
import { hasExpired, isCalendarDay, startOfDay } from "@/lib/dates/calendar-days";
import type { ChecklistState, ReopenMark } from "./states";

export interface ChecklistItemState {
  state: ChecklistState;
  reopenMark: ReopenMark | null;
  /** When `state` was entered: a claim of "done" is judged only by data collected after it. */
  stateChangedAt: Date;
  assignee: string | null;
  dueOn: string | null;
  riskReason: string | null;
  riskExpiresOn: string | null;
}

export const ASSIGNEE_MAX_LENGTH = 200;
export const TEXT_MAX_LENGTH = 5000;

/** Events people cause. `at` is when they happened. */
export type ManualEvent =
  | { type: "start"; at: Date }
  | { type: "stop"; at: Date }
  | { type: "mark_done"; at: Date }
  | { type: "reopen"; at: Date }
  | { type: "accept_risk"; at: Date; reason: string; expiresOn: string }
  | { type: "assign"; at: Date; assignee: string | null }
  | { type: "set_due_date"; at: Date; dueOn: string | null }
  | { type: "add_note"; at: Date; note: string };

/** Events a collection causes; `at` is the collection's collectedAt. */
export type AutomaticEvent =
  | { type: "finding_failed"; at: Date }
  | { type: "finding_passed"; at: Date; resourceGone: boolean }
  | { type: "acceptance_expired"; at: Date };

export type ChecklistEvent = ManualEvent | AutomaticEvent;
export type ChecklistEventType = ChecklistEvent["type"];

export const MANUAL_EVENT_TYPES = ["start", "stop", "mark_done", "reopen", "accept_risk", "assign", "set_due_date", "add_note"] as const satisfies readonly ManualEvent["type"][];

export type TransitionErrorCode =
  | "invalid_transition"
  | "reason_required"
  | "invalid_date"
  | "expiry_not_in_future"
  | "not_expired"
  | "note_required"
  | "too_long";

export interface TransitionError {
  code: TransitionErrorCode;
  message: string;
}

export type TransitionResult = { ok: true; item: ChecklistItemState; changed: boolean } | { ok: false; error: TransitionError };

const STATE_WORDS: Record<ChecklistState, string> = {
  open: "open",
  in_progress: "in progress",
  done: "done",
  risk_accepted: "risk accepted",
  verified: "verified",
  fixed: "fixed",
};

function refuse(code: TransitionErrorCode, message: string): TransitionResult {
  return { ok: false, error: { code, message } };
}

function invalid(item: ChecklistItemState, action: string): TransitionResult {
  return refuse("invalid_transition", `An item that is ${STATE_WORDS[item.state]} cannot be ${action}.`);
}

function unchanged(item: ChecklistItemState): TransitionResult {
  return { ok: true, item, changed: false };
}

function moveTo(item: ChecklistItemState, state: ChecklistState, at: Date, fields: Partial<ChecklistItemState> = {}): TransitionResult {
  return { ok: true, changed: true, item: { ...item, state, stateChangedAt: at, reopenMark: null, riskReason: null, riskExpiresOn: null, ...fields } };
}

function edit(item: ChecklistItemState, fields: Partial<ChecklistItemState>): TransitionResult {
  return { ok: true, changed: true, item: { ...item, ...fields } };
}

function acceptRisk(item: ChecklistItemState, event: Extract<ManualEvent, { type: "accept_risk" }>): TransitionResult {
  if (!["open", "in_progress", "done", "risk_accepted"].includes(item.state)) return invalid(item, "risk accepted");
  const reason = event.reason.trim();
  if (reason === "") return refuse("reason_required", "Accepting a risk needs a reason.");
  if (reason.length > TEXT_MAX_LENGTH) return refuse("too_long", `The reason is longer than ${TEXT_MAX_LENGTH} characters.`);
  if (!isCalendarDay(event.expiresOn)) return refuse("invalid_date", "Accepting a risk needs an expiry date (YYYY-MM-DD).");
  // A risk accepted until today or earlier would reopen at the next collection: refuse it now.
  if (startOfDay(event.expiresOn).getTime() <= event.at.getTime()) {
    return refuse("expiry_not_in_future", "The expiry date must be after today.");
  }
  return moveTo(item, "risk_accepted", event.at, { riskReason: reason, riskExpiresOn: event.expiresOn });
}

function manual(item: ChecklistItemState, event: ManualEvent): TransitionResult {
  switch (event.type) {
    case "start":
      return item.state === "open" ? moveTo(item, "in_progress", event.at, { reopenMark: item.reopenMark }) : invalid(item, "started");
    case "stop":
      return item.state === "in_progress" ? moveTo(item, "open", event.at, { reopenMark: item.reopenMark }) : invalid(item, "put back to open");
    case "mark_done":
      return item.state === "open" || item.state === "in_progress" ? moveTo(item, "done", event.at) : invalid(item, "marked done");
    case "reopen":
      // Closed items reopen only when a collection sees them fail: it, not a person, closed them.
      return item.state === "done" || item.state === "risk_accepted" ? moveTo(item, "open", event.at) : invalid(item, "reopened by hand");
    case "accept_risk":
      return acceptRisk(item, event);
    case "assign": {
      const assignee = event.assignee?.trim() || null;
      if (assignee && assignee.length > ASSIGNEE_MAX_LENGTH) return refuse("too_long", `The assignee is longer than ${ASSIGNEE_MAX_LENGTH} characters.`);
      return assignee === item.assignee ? unchanged(item) : edit(item, { assignee });
    }
    case "set_due_date":
      if (event.dueOn !== null && !isCalendarDay(event.dueOn)) return refuse("invalid_date", "A due date is a day written YYYY-MM-DD.");
      return event.dueOn === item.dueOn ? unchanged(item) : edit(item, { dueOn: event.dueOn });
    case "add_note": {
      const note = event.note.trim();
      if (note === "") return refuse("note_required", "A note needs some text.");
      if (note.length > TEXT_MAX_LENGTH) return refuse("too_long", `The note is longer than ${TEXT_MAX_LENGTH} characters.`);
      // Notes live in the item's history; the item itself does not change.
      return unchanged(item);
    }
  }
}

function onFindingFailed(item: ChecklistItemState, at: Date): TransitionResult {
  switch (item.state) {
    case "done":
      // Data collected before the claim says nothing about the claimed fix: wait for newer data.
      if (at.getTime() <= item.stateChangedAt.getTime()) return unchanged(item);
      return moveTo(item, "open", at, { reopenMark: "claimed_fixed_still_failing" });
    case "verified":
    case "fixed":
      return moveTo(item, "open", at, { reopenMark: "regressed" });
    case "open":
    case "in_progress":
    case "risk_accepted":
      return unchanged(item);
  }
}

function onFindingPassed(item: ChecklistItemState, at: Date): TransitionResult {
  switch (item.state) {
    case "done":
      return moveTo(item, "verified", at);
    case "open":
    case "in_progress":
    case "risk_accepted":
      return moveTo(item, "fixed", at, { reopenMark: null });
    case "verified":
    case "fixed":
      return unchanged(item);
  }
}

function automatic(item: ChecklistItemState, event: AutomaticEvent): TransitionResult {
  switch (event.type) {
    case "finding_failed":
      return onFindingFailed(item, event.at);
    case "finding_passed":
      return onFindingPassed(item, event.at);
    case "acceptance_expired":
      if (item.state !== "risk_accepted" || item.riskExpiresOn === null) return invalid(item, "expired");
      if (!hasExpired(item.riskExpiresOn, event.at)) return refuse("not_expired", `The risk acceptance runs until ${item.riskExpiresOn}.`);
      return moveTo(item, "open", event.at, { reopenMark: "risk_acceptance_expired" });
  }
}

export function isManualEvent(event: ChecklistEvent): event is ManualEvent {
  return (MANUAL_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** The item after `event`, or why the event does not apply to it. Never mutates `item`. */
export function transition(item: ChecklistItemState, event: ChecklistEvent): TransitionResult {
  return isManualEvent(event) ? manual(item, event) : automatic(item, event as AutomaticEvent);
}
