/**
 * A checklist item's history as a person reads it: each line says what changed from what to what
 * ("Assigned to Dana (was unassigned)", "State: open → in progress"), with people by name.
 */
import { z } from "zod";
import type { ChecklistHistoryEntry } from "./checklist-view";
import { STATE_LABELS, type ChecklistState } from "./states";

/**
 * What a change recorded beside its states (checklist_event.details). The previous values are
 * recorded since this wording exists; older entries have only the new value.
 */
export const historyDetailsSchema = z.object({
  assignee: z.string().nullable().optional(),
  previousAssignee: z.string().nullable().optional(),
  dueOn: z.string().nullable().optional(),
  previousDueOn: z.string().nullable().optional(),
  expiresOn: z.string().optional(),
});
export type HistoryDetails = z.infer<typeof historyDetailsSchema>;

/** Stored details, or undefined when there are none or they are not of this shape (a sandbox fix's mutations). */
export function parseHistoryDetails(value: unknown): HistoryDetails | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = historyDetailsSchema.strict().safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

const EVENT_WORDS: Record<string, string> = {
  created: "Opened by a collection",
  finding_failed: "Reopened by a collection",
  finding_passed: "Closed by a collection",
  acceptance_expired: "Risk acceptance expired",
  sandbox_fix: "Fix applied in the sandbox",
  add_note: "Note added",
  mark_done: "Marked done",
  reopen: "Reopened",
};

function stateWord(state: ChecklistState): string {
  return STATE_LABELS[state].toLowerCase();
}

function assignment(details: HistoryDetails | undefined, nameOf: (email: string) => string): string {
  const to = details?.assignee ?? null;
  const headline = to === null ? "Unassigned" : `Assigned to ${nameOf(to)}`;
  if (details === undefined || details.previousAssignee === undefined) return headline;
  return `${headline} (was ${details.previousAssignee === null ? "unassigned" : nameOf(details.previousAssignee)})`;
}

function dueDate(details: HistoryDetails | undefined): string {
  const to = details?.dueOn ?? null;
  const headline = to === null ? "Due date cleared" : `Due date set to ${to}`;
  if (details === undefined || details.previousDueOn === undefined) return headline;
  return `${headline} (was ${details.previousDueOn ?? "none"})`;
}

/**
 * The parts of one history line, in reading order: what happened, then the state it moved
 * between when it moved. `nameOf` turns a recorded email into the person's name.
 */
export function describeHistoryEntry(entry: Pick<ChecklistHistoryEntry, "action" | "fromState" | "toState" | "details">, nameOf: (email: string) => string): string[] {
  const parts: string[] = [];
  if (entry.action === "assign") parts.push(assignment(entry.details, nameOf));
  else if (entry.action === "set_due_date") parts.push(dueDate(entry.details));
  else if (entry.action === "accept_risk") parts.push(entry.details?.expiresOn ? `Risk accepted until ${entry.details.expiresOn}` : "Risk accepted");
  else if (EVENT_WORDS[entry.action]) parts.push(EVENT_WORDS[entry.action]!);
  if (entry.fromState && entry.fromState !== entry.toState) parts.push(`State: ${stateWord(entry.fromState)} → ${stateWord(entry.toState)}`);
  if (parts.length === 0) parts.push(entry.fromState === null ? `State: ${stateWord(entry.toState)}` : "Changed");
  return parts;
}
