import { describe, expect, it } from "vitest";
import { organizationRowStatus, organizationView, type OrganizationViewInput } from "./organization-view";

const row = (accountId: string, ouPath: string, overrides: Partial<OrganizationViewInput> = {}): OrganizationViewInput => ({
  accountId,
  name: `n-${accountId}`,
  state: "ACTIVE",
  ouPath,
  linkState: "not_linked",
  ...overrides,
});

const rows = [
  row("1", "Root", { linkState: "linked" }),
  row("2", "Root/Workloads/Prod"),
  row("3", "Root/Workloads/Prod", { linkState: "failing" }),
  row("4", "Root/Workloads/NonProd", { linkState: "removed" }),
  row("5", "Root/Suspended", { state: "SUSPENDED" }),
  row("6", "Root/Suspended", { state: "CLOSED", linkState: "linked" }),
];

describe("organizationRowStatus", () => {
  it.each([
    [{ state: "SUSPENDED", linkState: "linked" }, "suspended"],
    [{ state: "PENDING_CLOSURE", linkState: "not_linked" }, "closed"],
    [{ state: "PENDING_ACTIVATION", linkState: "not_linked" }, "pending"],
    [{ state: "ACTIVE", linkState: "failing" }, "failing"],
    [{ state: "ACTIVE", linkState: "removed" }, "removed"],
  ] as const)("%j is %s: Organizations' state first", (overrides, expected) => {
    expect(organizationRowStatus(row("1", "Root", overrides))).toBe(expected);
  });
});

describe("organizationView", () => {
  it("counts each filter and groups the shown rows by OU path", () => {
    const view = organizationView(rows, { show: "all" });
    expect(view.counts).toEqual({ all: 6, not_linked: 2, linked: 3, failing: 1, unreachable: 2 });
    expect(view.groups.map((group) => [group.ouPath, group.rows.map((candidate) => candidate.accountId)])).toEqual([
      ["Root", ["1"]],
      ["Root/Suspended", ["5", "6"]],
      ["Root/Workloads/NonProd", ["4"]],
      ["Root/Workloads/Prod", ["2", "3"]],
    ]);
  });

  it("offers only active accounts not linked (or removed) for linking, and linked ones for unlinking", () => {
    const flat = organizationView(rows, { show: "all" }).groups.flatMap((group) => group.rows);
    expect(flat.filter((candidate) => candidate.linkable).map((candidate) => candidate.accountId)).toEqual(["4", "2"]);
    expect(flat.filter((candidate) => candidate.unlinkable).map((candidate) => candidate.accountId)).toEqual(["1", "6", "3"]);
  });

  it("narrows to an OU subtree and a filter together", () => {
    const view = organizationView(rows, { ou: "Workloads", show: "not_linked" });
    expect(view.counts).toEqual({ all: 3, not_linked: 2, linked: 1, failing: 1, unreachable: 0 });
    expect(view.groups.flatMap((group) => group.rows.map((candidate) => candidate.accountId))).toEqual(["4", "2"]);
    expect(view.ouPaths).toHaveLength(4);
  });
});
