/**
 * The checklist page's URL state (STYLE.md, "URL is state"): which items (by state and
 * assignee) and whether it is the print view. Invalid values fall back to the defaults, so an
 * edited link still opens the page.
 */
import { z } from "zod";
import { isOverdue, type ChecklistItemView } from "./checklist-view";

/** What the filters read of an item; the listing's rows and the full items both have it. */
type FilteredItem = Pick<ChecklistItemView, "state" | "dueOn" | "assignee">;
import type { ChecklistState } from "./states";

export type RawSearchParams = Record<string, string | string[] | undefined>;

export const STATE_FILTERS = ["unresolved", "all", "open", "in_progress", "done", "risk_accepted", "closed", "overdue"] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export const STATE_FILTER_LABELS: Record<StateFilter, string> = {
  unresolved: "Unresolved",
  all: "All",
  open: "Open",
  in_progress: "In progress",
  done: "Done, awaiting verification",
  risk_accepted: "Risk accepted",
  closed: "Verified or fixed",
  overdue: "Overdue",
};

/** `assignee=` filter value for items nobody owns. */
export const UNASSIGNED = "-";

export interface ChecklistFilters {
  state: StateFilter;
  /** undefined: anyone; UNASSIGNED: nobody; else that assignee. */
  assignee?: string;
  print: boolean;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const filtersSchema = z.object({
  state: z.enum(STATE_FILTERS).catch("unresolved"),
  assignee: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
  print: z.literal("1").optional().catch(undefined),
});

export function parseChecklistFilters(params: RawSearchParams): ChecklistFilters {
  const parsed = filtersSchema.parse({ state: first(params.state) ?? "unresolved", assignee: first(params.assignee), print: first(params.print) });
  return { state: parsed.state, ...(parsed.assignee ? { assignee: parsed.assignee } : {}), print: parsed.print === "1" };
}

/** Only the non-default values, for links that keep the view. */
export function filtersToUrlState(filters: ChecklistFilters): Record<string, string | undefined> {
  return { state: filters.state === "unresolved" ? undefined : filters.state, assignee: filters.assignee, print: filters.print ? "1" : undefined };
}

const STATES_OF: Partial<Record<StateFilter, ChecklistState[]>> = {
  unresolved: ["open", "in_progress", "done", "risk_accepted"],
  open: ["open"],
  in_progress: ["in_progress"],
  done: ["done"],
  risk_accepted: ["risk_accepted"],
  closed: ["verified", "fixed"],
};

export function matchesFilters(item: FilteredItem, filters: ChecklistFilters, now: Date): boolean {
  if (filters.state === "overdue" ? !isOverdue(item, now) : filters.state !== "all" && !STATES_OF[filters.state]!.includes(item.state)) return false;
  if (filters.assignee === undefined) return true;
  return filters.assignee === UNASSIGNED ? item.assignee === null : item.assignee === filters.assignee;
}

export function assigneesOf(items: FilteredItem[]): string[] {
  return [...new Set(items.flatMap((item) => (item.assignee ? [item.assignee] : [])))].sort((a, b) => a.localeCompare(b));
}

/** How many items each state chip would show, under the current assignee filter. */
export function stateFilterCounts(items: FilteredItem[], filters: ChecklistFilters, now: Date): Record<StateFilter, number> {
  return Object.fromEntries(STATE_FILTERS.map((state) => [state, items.filter((item) => matchesFilters(item, { ...filters, state }, now)).length])) as Record<StateFilter, number>;
}
