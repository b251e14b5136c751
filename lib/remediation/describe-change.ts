/**
 * The one sentence a person reads after changing checklist items: what changed, and for each
 * item that could not change, why.
 */
import type { ManualEvent, TransitionError } from "./state-machine";

const DONE: Record<ManualEvent["type"], string> = {
  start: "started",
  stop: "put back to open",
  mark_done: "marked done; the next collection verifies them",
  reopen: "reopened",
  accept_risk: "marked risk accepted",
  assign: "assigned",
  set_due_date: "given the due date",
  add_note: "noted",
};

export interface ChangeOutcome {
  changed: string[];
  unchanged: string[];
  refused: Array<{ itemId: string; error: TransitionError }>;
  missing: string[];
}

function items(count: number): string {
  return `${count} item${count === 1 ? "" : "s"}`;
}

export function describeChange(event: ManualEvent["type"], outcome: ChangeOutcome): { tone: "success" | "error"; message: string } {
  const parts: string[] = [];
  if (outcome.changed.length > 0) parts.push(`${items(outcome.changed.length)} ${DONE[event]}.`);
  if (outcome.unchanged.length > 0) parts.push(`${items(outcome.unchanged.length)} already as asked.`);
  const reasons = [...new Set(outcome.refused.map((entry) => entry.error.message))];
  if (outcome.refused.length > 0) parts.push(`${items(outcome.refused.length)} not changed: ${reasons.join(" ")}`);
  if (outcome.missing.length > 0) parts.push(`${items(outcome.missing.length)} not found in this account (reload the page).`);
  const tone = outcome.changed.length > 0 || (outcome.refused.length === 0 && outcome.missing.length === 0) ? "success" : "error";
  return { tone, message: parts.join(" ") || "Nothing to change." };
}
