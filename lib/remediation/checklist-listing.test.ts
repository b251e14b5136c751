import { describe, expect, it } from "vitest";
import {
  groupByCheck,
  listingToUrlState,
  pageContaining,
  pageOf,
  paginateGroups,
  parseChecklistListing,
  parseOrganizationChecklistPages,
  type CheckGroup,
} from "./checklist-listing";
import { itemView } from "./testing/item-views";

const names = (groups: CheckGroup[]) => groups.map((group) => [group.checkId, group.items.map((item) => item.resourceName)]);

describe("parseChecklistListing", () => {
  it.each([
    [{}, { sort: "severity", page: 1 }],
    [{ sort: "age", page: "3" }, { sort: "age", page: 3 }],
    [{ sort: ["state", "age"], page: ["2"] }, { sort: "state", page: 2 }],
    [{ sort: "bogus", page: "0" }, { sort: "severity", page: 1 }],
    [{ page: "-4" }, { sort: "severity", page: 1 }],
    [{ page: "2.5" }, { sort: "severity", page: 1 }],
    [{ page: "many" }, { sort: "severity", page: 1 }],
    [{ item: "42" }, { sort: "severity", page: 1, item: "42" }],
    [{ item: "42; drop" }, { sort: "severity", page: 1 }],
  ])("reads %o as %o", (params, expected) => {
    expect(parseChecklistListing(params)).toEqual(expected);
  });

  it("keeps only non-default values in links", () => {
    expect(listingToUrlState({ sort: "severity", page: 1 })).toEqual({ sort: undefined, page: undefined });
    expect(listingToUrlState({ sort: "age", page: 4 })).toEqual({ sort: "age", page: "4" });
  });
});

describe("groupByCheck", () => {
  const rows = [
    itemView({ checkId: "keys.rotated", exercise: 6, resourceName: "key-b", severity: "medium", state: "open", createdAt: "2026-01-05T00:00:00.000Z" }),
    itemView({ checkId: "keys.rotated", exercise: 6, resourceName: "key-a", severity: "high", state: "in_progress", createdAt: "2026-03-01T00:00:00.000Z" }),
    itemView({ checkId: "keys.rotated", exercise: 6, resourceName: "key-c", severity: "medium", state: "done", createdAt: "2025-12-01T00:00:00.000Z" }),
    itemView({ checkId: "root.access-keys", exercise: 1, resourceName: "root", severity: "critical", state: "done", createdAt: "2026-06-01T00:00:00.000Z" }),
    itemView({ checkId: "users.console-mfa", exercise: 2, resourceName: "bob", severity: "high", state: "open", reopenMark: null, createdAt: "2026-02-01T00:00:00.000Z" }),
    itemView({ checkId: "users.console-mfa", exercise: 2, resourceName: "alice", severity: "high", state: "open", reopenMark: "claimed_fixed_still_failing", createdAt: "2026-02-01T00:00:00.000Z" }),
  ];

  it("by severity: the check with the worst item first, items most severe then oldest first", () => {
    expect(names(groupByCheck(rows, "severity"))).toEqual([
      ["root.access-keys", ["root"]],
      // Both lead with a high item; the bigger group first.
      ["keys.rotated", ["key-a", "key-c", "key-b"]],
      ["users.console-mfa", ["alice", "bob"]],
    ]);
  });

  it("by age: the check with the oldest item first, items oldest first", () => {
    expect(names(groupByCheck(rows, "age"))).toEqual([
      ["keys.rotated", ["key-c", "key-b", "key-a"]],
      ["users.console-mfa", ["alice", "bob"]],
      ["root.access-keys", ["root"]],
    ]);
  });

  it("by state: open work first (reopened claims before untouched items), then started, then claimed done", () => {
    expect(names(groupByCheck(rows, "state"))).toEqual([
      ["users.console-mfa", ["alice", "bob"]],
      ["keys.rotated", ["key-b", "key-a", "key-c"]],
      ["root.access-keys", ["root"]],
    ]);
  });

  it("gives each group its worst severity, its exercise and how many items are in each state", () => {
    const keys = groupByCheck(rows, "severity").find((group) => group.checkId === "keys.rotated")!;
    expect({ severity: keys.severity, exercise: keys.exercise, byState: keys.byState }).toEqual({
      severity: "high",
      exercise: 6,
      byState: { open: 1, in_progress: 1, done: 1 },
    });
  });

  it("is empty for no items", () => {
    expect(groupByCheck([], "severity")).toEqual([]);
  });
});

describe("paginateGroups", () => {
  const group = (checkId: string, count: number) => groupByCheck(Array.from({ length: count }, (_, index) => itemView({ checkId, resourceName: `${checkId}-${String(index).padStart(2, "0")}` })), "severity")[0]!;
  const groups = [group("a", 3), group("b", 4), group("c", 2)];
  const shape = (page: ReturnType<typeof paginateGroups>) => page.groups.map((shown) => [shown.checkId, shown.offset, shown.shown.map((item) => item.resourceName)]);

  it("cuts groups at page boundaries and says where each slice starts", () => {
    const first = paginateGroups(groups, 1, 4);
    expect(shape(first)).toEqual([
      ["a", 0, ["a-00", "a-01", "a-02"]],
      ["b", 0, ["b-00"]],
    ]);
    expect({ page: first.page, pageCount: first.pageCount, total: first.total, pageSize: first.pageSize }).toEqual({ page: 1, pageCount: 3, total: 9, pageSize: 4 });
    expect(shape(paginateGroups(groups, 2, 4))).toEqual([["b", 1, ["b-01", "b-02", "b-03"]], ["c", 0, ["c-00"]]]);
    expect(shape(paginateGroups(groups, 3, 4))).toEqual([["c", 1, ["c-01"]]]);
  });

  it("keeps each slice's group whole in its header facts (all items, not the page's)", () => {
    const second = paginateGroups(groups, 2, 4).groups[0]!;
    expect([second.items.length, second.shown.length]).toEqual([4, 3]);
  });

  it("shows the last page for a page past the end, and the first for nonsense", () => {
    expect(paginateGroups(groups, 99, 4).page).toBe(3);
    expect(paginateGroups(groups, 0, 4).page).toBe(1);
  });

  it("finds the page an item is on, and none for an item the filters leave out", () => {
    const onSecond = groups[1]!.items[2]!;
    expect(pageContaining(groups, groups[0]!.items[0]!.id, 4)).toBe(1);
    expect(pageContaining(groups, onSecond.id, 4)).toBe(2);
    expect(pageContaining(groups, groups[2]!.items[1]!.id, 4)).toBe(3);
    expect(pageContaining(groups, "999999", 4)).toBeUndefined();
  });

  it("has one empty page when nothing matches", () => {
    expect(paginateGroups([], 2, 4)).toEqual({ groups: [], page: 1, pageCount: 1, pageSize: 4, total: 0 });
  });

  it("lists 79 items on 4 pages of 25 by default", () => {
    const many = [group("x", 40), group("y", 39)];
    const pages = [1, 2, 3, 4].map((page) => paginateGroups(many, page));
    expect(pages.map((page) => page.groups.reduce((sum, shown) => sum + shown.shown.length, 0))).toEqual([25, 25, 25, 4]);
    expect(pages[0]!.pageCount).toBe(4);
    expect(new Set(pages.flatMap((page) => page.groups.flatMap((shown) => shown.shown.map((item) => item.id)))).size).toBe(79);
  });
});

describe("the organization page's pages", () => {
  it.each([
    [{}, { accountsPage: 1, overduePage: 1 }],
    [{ page: "2", overdue: "3" }, { accountsPage: 2, overduePage: 3 }],
    [{ page: "x", overdue: "-1" }, { accountsPage: 1, overduePage: 1 }],
  ])("reads %o", (params, expected) => {
    expect(parseOrganizationChecklistPages(params)).toEqual(expected);
  });

  it("slices a list to one page, clamped to the pages there are", () => {
    const list = Array.from({ length: 7 }, (_, index) => index);
    expect(pageOf(list, 2, 3)).toEqual({ shown: [3, 4, 5], page: 2, pageCount: 3 });
    expect(pageOf(list, 9, 3)).toEqual({ shown: [6], page: 3, pageCount: 3 });
    expect(pageOf([], 1, 3)).toEqual({ shown: [], page: 1, pageCount: 1 });
  });
});
