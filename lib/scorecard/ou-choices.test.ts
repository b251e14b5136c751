import { describe, expect, it } from "vitest";
import { ouWithAncestors } from "./ou-choices";

describe("ouWithAncestors", () => {
  it("adds every parent OU, in tree order, counting the accounts below it", () => {
    expect(
      ouWithAncestors([
        { ouPath: "Root/Workloads/Prod", accounts: 3 },
        { ouPath: "Root/Workloads/Dev", accounts: 2 },
        { ouPath: "Root/Security", accounts: 1 },
      ]),
    ).toEqual([
      { ouPath: "Root", depth: 0, accounts: 6 },
      { ouPath: "Root/Security", depth: 1, accounts: 1 },
      { ouPath: "Root/Workloads", depth: 1, accounts: 5 },
      { ouPath: "Root/Workloads/Dev", depth: 2, accounts: 2 },
      { ouPath: "Root/Workloads/Prod", depth: 2, accounts: 3 },
    ]);
  });

  it("is empty when no account has an OU", () => {
    expect(ouWithAncestors([])).toEqual([]);
  });
});
