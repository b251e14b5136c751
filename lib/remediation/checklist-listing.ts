/**
 * A checklist of any size as the page lists it: items grouped by check, the groups and their
 * items in the chosen order (severity, age or state), one page of items at a time. The sort and
 * the page live in the URL (STYLE.md, "URL is state"); the filters are checklist-params.ts.
 */
import { z } from "zod";
import { SEVERITIES, type ExerciseNumber, type Severity } from "@/lib/checks/types";
import type { ChecklistRow } from "./checklist-view";
import { CHECKLIST_STATES, type ChecklistState } from "./states";
import type { RawSearchParams } from "./checklist-params";

export const CHECKLIST_SORTS = ["severity", "age", "state"] as const;
export type ChecklistSort = (typeof CHECKLIST_SORTS)[number];

export const CHECKLIST_SORT_LABELS: Record<ChecklistSort, string> = {
  severity: "Most severe first",
  age: "Oldest first",
  state: "By state",
};

/** Collapsed rows are about 60 px high: 25 of them and their group headers fit two screens. */
export const CHECKLIST_PAGE_SIZE = 25;

export interface ChecklistListing {
  sort: ChecklistSort;
  /** 1-based; clamped to the last page when the list is shorter. */
  page: number;
  /** A link to one item: its page is shown, with the item open. */
  item?: string;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const listingSchema = z.object({
  sort: z.enum(CHECKLIST_SORTS).catch("severity"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  item: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
});

export function parseChecklistListing(params: RawSearchParams): ChecklistListing {
  const parsed = listingSchema.parse({ sort: first(params.sort) ?? "severity", page: first(params.page) ?? 1, item: first(params.item) });
  return { sort: parsed.sort, page: parsed.page, ...(parsed.item ? { item: parsed.item } : {}) };
}

/** Only the non-default values, for links that keep the view. */
export function listingToUrlState(listing: ChecklistListing): Record<string, string | undefined> {
  return { sort: listing.sort === "severity" ? undefined : listing.sort, page: listing.page === 1 ? undefined : String(listing.page) };
}

const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((severity, index) => [severity, index])) as Record<Severity, number>;
// Where work is waiting first: untouched, then started, then claims and acceptances, then closed.
const STATE_RANK = Object.fromEntries(CHECKLIST_STATES.map((state, index) => [state, index])) as Record<ChecklistState, number>;

const bySeverity = (a: ChecklistRow, b: ChecklistRow) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
const byAge = (a: ChecklistRow, b: ChecklistRow) => a.createdAt.localeCompare(b.createdAt);
// A reopened item ("claimed fixed, still failing") is more urgent than one never touched.
const byState = (a: ChecklistRow, b: ChecklistRow) => STATE_RANK[a.state] - STATE_RANK[b.state] || Number(b.reopenMark !== null) - Number(a.reopenMark !== null);
const byName = (a: ChecklistRow, b: ChecklistRow) => a.resourceName.localeCompare(b.resourceName) || a.id.localeCompare(b.id);

/** The order of items inside a group (and of the groups' leading items). */
export function compareRows(sort: ChecklistSort): (a: ChecklistRow, b: ChecklistRow) => number {
  switch (sort) {
    case "severity":
      return (a, b) => bySeverity(a, b) || byAge(a, b) || byName(a, b);
    case "age":
      return (a, b) => byAge(a, b) || bySeverity(a, b) || byName(a, b);
    case "state":
      return (a, b) => byState(a, b) || bySeverity(a, b) || byAge(a, b) || byName(a, b);
  }
}

export interface CheckGroup {
  checkId: string;
  exercise: ExerciseNumber;
  /** The most severe of its items (severity can rise with an item's age). */
  severity: Severity;
  /** Items of the check under the current filters, in the chosen order. */
  items: ChecklistRow[];
  byState: Partial<Record<ChecklistState, number>>;
}

/**
 * One group per check. "Most severe first" puts the check with the worst item first and, among
 * equals, the one with more items; the other orders follow each group's leading item (its oldest,
 * its most urgent state). Remaining ties go to the bigger group, then the scorecard's order.
 */
export function groupByCheck(rows: ChecklistRow[], sort: ChecklistSort): CheckGroup[] {
  const compare = compareRows(sort);
  const byCheck = new Map<string, ChecklistRow[]>();
  for (const row of rows) byCheck.set(row.checkId, [...(byCheck.get(row.checkId) ?? []), row]);
  const groups = [...byCheck.entries()].map(([checkId, grouped]): CheckGroup => {
    const items = [...grouped].sort(compare);
    const byState: Partial<Record<ChecklistState, number>> = {};
    for (const item of items) byState[item.state] = (byState[item.state] ?? 0) + 1;
    const severity = items.reduce((worst, item) => (SEVERITY_RANK[item.severity] < SEVERITY_RANK[worst] ? item.severity : worst), items[0]!.severity);
    return { checkId, exercise: items[0]!.exercise, severity, items, byState };
  });
  const leading = (a: CheckGroup, b: CheckGroup) => compare(a.items[0]!, b.items[0]!);
  const bigger = (a: CheckGroup, b: CheckGroup) => b.items.length - a.items.length;
  const first = sort === "severity" ? (a: CheckGroup, b: CheckGroup) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || bigger(a, b) || leading(a, b) : leading;
  return groups.sort((a, b) => first(a, b) || bigger(a, b) || a.exercise - b.exercise || a.checkId.localeCompare(b.checkId));
}

export interface CheckGroupPage extends CheckGroup {
  /** This page's slice of the group's items. */
  shown: ChecklistRow[];
  /** 0-based position of the first shown item within the group. */
  offset: number;
}

export interface ChecklistPage {
  groups: CheckGroupPage[];
  page: number;
  pageCount: number;
  pageSize: number;
  /** Items under the current filters, on all pages. */
  total: number;
}

/** The page an item is on in this listing, or undefined when the filters leave it out. */
export function pageContaining(groups: CheckGroup[], itemId: string, pageSize = CHECKLIST_PAGE_SIZE): number | undefined {
  const index = groups.flatMap((group) => group.items).findIndex((item) => item.id === itemId);
  return index < 0 ? undefined : Math.floor(index / pageSize) + 1;
}

/** One page of items in group order; a group cut by a page boundary continues on the next page under its header. */
export function paginateGroups(groups: CheckGroup[], requestedPage: number, pageSize = CHECKLIST_PAGE_SIZE): ChecklistPage {
  const total = groups.reduce((sum, group) => sum + group.items.length, 0);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requestedPage)), pageCount);
  const start = (page - 1) * pageSize;
  const end = start + pageSize;
  const shownGroups: CheckGroupPage[] = [];
  let position = 0;
  for (const group of groups) {
    const groupStart = position;
    position += group.items.length;
    if (position <= start || groupStart >= end) continue;
    const offset = Math.max(0, start - groupStart);
    shownGroups.push({ ...group, offset, shown: group.items.slice(offset, Math.min(group.items.length, end - groupStart)) });
  }
  return { groups: shownGroups, page, pageCount, pageSize, total };
}

/** The organization's checklists page lists accounts and overdue items, each paged on its own. */
export const ORGANIZATION_PAGE_SIZE = 50;

const organizationPagesSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  overdue: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function parseOrganizationChecklistPages(params: RawSearchParams): { accountsPage: number; overduePage: number } {
  const parsed = organizationPagesSchema.parse({ page: first(params.page) ?? 1, overdue: first(params.overdue) ?? 1 });
  return { accountsPage: parsed.page, overduePage: parsed.overdue };
}

/** One page of a list, clamped to the pages there are. */
export function pageOf<T>(list: T[], requestedPage: number, pageSize: number): { shown: T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(list.length / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requestedPage)), pageCount);
  return { shown: list.slice((page - 1) * pageSize, page * pageSize), page, pageCount };
}
