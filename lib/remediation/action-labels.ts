/**
 * The changes a person can make to an item in its state, as the forms offer them. Derived from
 * the state machine itself (a sample of each event), so a form never offers what it would refuse.
 */
import { MANUAL_EVENT_TYPES, transition, type ChecklistItemState, type ManualEvent } from "./state-machine";

export type ManualAction = ManualEvent["type"];

export const ACTION_LABELS: Record<ManualAction, string> = {
  start: "Start (in progress)",
  stop: "Put back to open",
  mark_done: "Mark done (claimed fixed)",
  reopen: "Reopen",
  accept_risk: "Accept the risk…",
  assign: "Assign…",
  set_due_date: "Set due date…",
  add_note: "Add a note…",
};

const FAR_FUTURE_DAY = "9999-12-31";

function sample(type: ManualAction, at: Date): ManualEvent {
  switch (type) {
    case "accept_risk":
      return { type, at, reason: "sample", expiresOn: FAR_FUTURE_DAY };
    case "assign":
      return { type, at, assignee: "sample" };
    case "set_due_date":
      return { type, at, dueOn: FAR_FUTURE_DAY };
    case "add_note":
      return { type, at, note: "sample" };
    default:
      return { type, at };
  }
}

/** Actions that apply to an item in this state, in the order forms list them. */
export function actionsFor(item: Pick<ChecklistItemState, "state">): ManualAction[] {
  const probe: ChecklistItemState = { state: item.state, reopenMark: null, stateChangedAt: new Date(0), assignee: null, dueOn: null, riskReason: null, riskExpiresOn: item.state === "risk_accepted" ? FAR_FUTURE_DAY : null };
  return MANUAL_EVENT_TYPES.filter((type) => {
    const result = transition(probe, sample(type, new Date(1)));
    return result.ok || result.error.code !== "invalid_transition";
  });
}

/** Every action, for the bulk form: each selected item is judged on its own. */
export const BULK_ACTIONS: ManualAction[] = [...MANUAL_EVENT_TYPES];
