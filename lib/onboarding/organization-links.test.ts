import { describe, expect, it } from "vitest";
import {
  organizationLinkState,
  partitionOf,
  planAutomaticLinks,
  planSelectedLinks,
  roleArnFor,
  type InventoryAccount,
  type LinkedAccountState,
} from "./organization-links";

function account(accountId: string, overrides: Partial<InventoryAccount> = {}): InventoryAccount {
  return {
    accountId,
    name: `account-${accountId.slice(-2)}`,
    arn: `arn:aws:organizations::111111111111:account/o-abc/${accountId}`,
    state: "ACTIVE",
    ouPath: "Root/Workloads/Prod",
    ouIds: ["r-ab12", "ou-ab12-workload", "ou-ab12-prod0001"],
    ...overrides,
  };
}

const linked = (entries: Array<[string, Partial<LinkedAccountState>]>) =>
  new Map(entries.map(([id, state]) => [id, { awsAccountId: id, removed: false, lastStatus: "succeeded", ...state }]));

const role = { roleName: "iamfit-audit", externalId: "iamfit-ext" };

describe("organizationLinkState", () => {
  it.each([
    [undefined, "not_linked"],
    [{ awsAccountId: "1", removed: false, lastStatus: "succeeded" }, "linked"],
    [{ awsAccountId: "1", removed: false, lastStatus: "never" }, "linked"],
    [{ awsAccountId: "1", removed: false, lastStatus: "failed" }, "failing"],
    [{ awsAccountId: "1", removed: true, lastStatus: "failed" }, "removed"],
  ] as const)("%j is %s", (state, expected) => {
    expect(organizationLinkState(state)).toBe(expected);
  });
});

describe("role ARNs", () => {
  it("are built in the account's partition", () => {
    expect(partitionOf("arn:aws-us-gov:organizations::1:account/o-x/2")).toBe("aws-us-gov");
    expect(partitionOf("")).toBe("aws");
    expect(roleArnFor(account("222222222222", { arn: "arn:aws-cn:organizations::1:account/o-x/222222222222" }), "reader")).toBe(
      "arn:aws-cn:iam::222222222222:role/reader",
    );
  });
});

describe("planSelectedLinks", () => {
  it("links the selected active accounts with one role name and ExternalId, and says why it skips the others", () => {
    const inventory = [
      account("100000000001"),
      account("100000000002"),
      account("100000000003", { state: "SUSPENDED" }),
      account("100000000004", { state: "CLOSED" }),
      account("100000000005"),
    ];
    const plan = planSelectedLinks(
      inventory,
      ["100000000001", "100000000002", "100000000003", "100000000004", "100000000005", "100000000009", "100000000001"],
      linked([["100000000002", {}], ["100000000005", { removed: true }]]),
      role,
    );
    expect(plan.toLink).toEqual([
      { accountId: "100000000001", name: "account-01", roleArn: "arn:aws:iam::100000000001:role/iamfit-audit", externalId: "iamfit-ext", tags: {}, ouPath: "Root/Workloads/Prod", organizationState: "ACTIVE" },
      { accountId: "100000000005", name: "account-05", roleArn: "arn:aws:iam::100000000005:role/iamfit-audit", externalId: "iamfit-ext", tags: {}, ouPath: "Root/Workloads/Prod", organizationState: "ACTIVE" },
    ]);
    expect(plan.skipped.map((skip) => `${skip.accountId}: ${skip.reason}`)).toEqual([
      "100000000002: already linked",
      "100000000003: suspended in AWS Organizations: no role can be assumed until it is reactivated",
      "100000000004: closed in AWS Organizations: there is nothing left to audit",
      "100000000009: not in the organization any more; discover again",
    ]);
  });
});

describe("planAutomaticLinks", () => {
  const inventory = [
    account("100000000001"),
    account("100000000002", { ouPath: "Root/Sandbox", ouIds: ["r-ab12", "ou-ab12-sandbox0"] }),
    account("100000000003", { state: "SUSPENDED", ouPath: "Root/Suspended", ouIds: ["r-ab12", "ou-ab12-suspend0"] }),
    account("100000000004"),
    account("100000000005"),
    account("100000000006"),
  ];
  const settings = { ...role, includeOus: [], excludeOus: ["Sandbox"], excludeAccounts: ["100000000006"] };

  it("links only accounts never linked, active, inside the OUs and not excluded", () => {
    const plan = planAutomaticLinks(inventory, linked([["100000000004", {}], ["100000000005", { removed: true }]]), settings);
    expect(plan.toLink.map((request) => request.accountId)).toEqual(["100000000001"]);
    expect(plan.skipped.map((skip) => `${skip.accountId}: ${skip.reason}`)).toEqual([
      "100000000002: Root/Sandbox is outside the OUs to include",
      "100000000003: suspended in AWS Organizations: no role can be assumed until it is reactivated",
      "100000000006: excluded by excludeAccounts",
    ]);
  });

  it("limits linking to the OUs to include when some are named", () => {
    const plan = planAutomaticLinks(inventory, new Map(), { ...settings, includeOus: ["ou-ab12-sandbox0"], excludeOus: [] });
    expect(plan.toLink.map((request) => request.accountId)).toEqual(["100000000002"]);
  });
});
