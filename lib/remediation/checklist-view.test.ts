import { describe, expect, it } from "vitest";
import { groupByExercise, isAcceptanceExpired, isOverdue, progressOf } from "./checklist-view";
import { assigneesOf, matchesFilters, parseChecklistFilters, stateFilterCounts, UNASSIGNED } from "./checklist-params";
import { itemView } from "./testing/item-views";

const NOW = new Date("2026-11-23T12:00:00Z");

describe("groupByExercise", () => {
  it("groups by exercise in scorecard order, most severe first, then the biggest share of its check", () => {
    const items = [
      itemView({ exercise: 6, resourceName: "stale-key", severity: "medium", checkResources: 40 }),
      itemView({ exercise: 2, resourceName: "alice", severity: "high", checkResources: 40 }),
      itemView({ exercise: 2, resourceName: "root", severity: "critical", checkResources: 1 }),
      itemView({ exercise: 2, resourceName: "bob", severity: "high", checkResources: 2 }),
      itemView({ exercise: 1, resourceName: "root-key", severity: "critical", checkResources: 1 }),
    ];
    expect(groupByExercise(items).map((group) => [group.exercise, group.items.map((item) => item.resourceName)])).toEqual([
      [1, ["root-key"]],
      [2, ["root", "bob", "alice"]],
      [6, ["stale-key"]],
    ]);
  });
});

describe("progressOf", () => {
  it("counts states, resolved items and overdue ones", () => {
    const items = [
      itemView({ state: "open", dueOn: "2026-11-22" }),
      itemView({ state: "in_progress", dueOn: "2026-11-23" }),
      itemView({ state: "done", dueOn: "2026-11-01" }),
      itemView({ state: "verified" }),
      itemView({ state: "fixed" }),
      itemView({ state: "risk_accepted", riskExpiresOn: "2027-01-01", riskReason: "x" }),
    ];
    expect(progressOf(items, NOW)).toEqual({
      total: 6,
      byState: { open: 1, in_progress: 1, done: 1, risk_accepted: 1, verified: 1, fixed: 1 },
      resolved: 2,
      awaitingVerification: 1,
      overdue: 1,
      percentResolved: 33,
    });
  });

  it("is zero percent for an empty checklist", () => {
    expect(progressOf([], NOW).percentResolved).toBe(0);
  });
});

describe("overdue and expired", () => {
  it.each([
    [{ state: "open", dueOn: "2026-11-22" }, true],
    [{ state: "open", dueOn: "2026-11-23" }, false],
    [{ state: "in_progress", dueOn: "2026-01-01" }, true],
    [{ state: "done", dueOn: "2026-01-01" }, false],
    [{ state: "open", dueOn: null }, false],
  ] as const)("%o is overdue: %s", (fields, expected) => {
    expect(isOverdue(itemView(fields), NOW)).toBe(expected);
  });

  it("sees an acceptance past its expiry day before the next collection reopens it", () => {
    expect(isAcceptanceExpired(itemView({ state: "risk_accepted", riskExpiresOn: "2026-11-23" }), NOW)).toBe(true);
    expect(isAcceptanceExpired(itemView({ state: "risk_accepted", riskExpiresOn: "2026-11-24" }), NOW)).toBe(false);
  });
});

describe("checklist filters", () => {
  it.each([
    [{}, { state: "unresolved", print: false }],
    [{ state: "closed", assignee: " sec-team ", print: "1" }, { state: "closed", assignee: "sec-team", print: true }],
    [{ state: "bogus", assignee: "", print: "yes" }, { state: "unresolved", print: false }],
    [{ state: ["done", "open"] }, { state: "done", print: false }],
  ])("parses %o", (params, expected) => {
    expect(parseChecklistFilters(params)).toEqual(expected);
  });

  const items = [
    itemView({ resourceName: "a", state: "open", assignee: "ann" }),
    itemView({ resourceName: "b", state: "done" }),
    itemView({ resourceName: "c", state: "verified", assignee: "ann" }),
    itemView({ resourceName: "d", state: "in_progress", dueOn: "2026-11-01", assignee: "bob" }),
  ];
  const names = (params: Record<string, string>) => items.filter((item) => matchesFilters(item, parseChecklistFilters(params), NOW)).map((item) => item.resourceName);

  it.each([
    [{}, ["a", "b", "d"]],
    [{ state: "all" }, ["a", "b", "c", "d"]],
    [{ state: "closed" }, ["c"]],
    [{ state: "overdue" }, ["d"]],
    [{ state: "all", assignee: "ann" }, ["a", "c"]],
    [{ state: "all", assignee: UNASSIGNED }, ["b"]],
  ])("filters %o", (params, expected) => {
    expect(names(params)).toEqual(expected);
  });

  it("counts each state chip under the assignee filter", () => {
    expect(stateFilterCounts(items, parseChecklistFilters({ assignee: "ann" }), NOW)).toEqual({
      unresolved: 1,
      all: 2,
      open: 1,
      in_progress: 0,
      done: 0,
      risk_accepted: 0,
      closed: 1,
      overdue: 0,
    });
  });

  it("lists assignees once, sorted", () => {
    expect(assigneesOf(items)).toEqual(["ann", "bob"]);
  });
});
