import { describe, expect, it } from "vitest";
import {
  accountScopeDecision,
  accountScopeSchema,
  ALL_ACCOUNTS,
  describeAccountScope,
  describeRegionScope,
  effectiveRegionScope,
  regionFilter,
  regionScopeSchema,
  splitList,
  type AccountScope,
  type ScopedAccount,
} from "./scope";

const account = (overrides: Partial<ScopedAccount> = {}): ScopedAccount => ({
  awsAccountId: "111122223333",
  tags: { env: "prod", team: "payments" },
  ouPath: "Root/Workloads/Prod",
  ...overrides,
});

const scope = (include: Partial<AccountScope["include"]> = {}, exclude: Partial<AccountScope["exclude"]> = {}): AccountScope =>
  accountScopeSchema.parse({ include, exclude });

describe("account scope", () => {
  it.each([
    ["nothing is configured", ALL_ACCOUNTS, true, "every account is in scope"],
    ["its id is included", scope({ accountIds: ["111122223333"] }), true, "included by account 111122223333"],
    ["another id is included", scope({ accountIds: ["444455556666"] }), false, "matches none of the accounts, tags or OUs in scope"],
    ["its tag key and value are included", scope({ tags: ["env=prod"] }), true, "included by tag env=prod"],
    ["the tag key is included with another value", scope({ tags: ["env=dev"] }), false, "matches none of the accounts, tags or OUs in scope"],
    ["a tag key alone is included", scope({ tags: ["team"] }), true, "included by tag team"],
    ["a parent OU is included", scope({ ouPaths: ["Workloads"] }), true, "included by OU Workloads"],
    ["a sibling OU is included", scope({ ouPaths: ["Workloads/Dev"] }), false, "matches none of the accounts, tags or OUs in scope"],
    ["it is included by OU but excluded by tag", scope({ ouPaths: ["Root/Workloads"] }, { tags: ["team=payments"] }), false, "excluded by tag team=payments"],
    ["only an exclusion names another account", scope({}, { accountIds: ["444455556666"] }), true, "every account is in scope"],
  ])("when %s → in scope: %s", (_, accountScope, inScope, reason) => {
    expect(accountScopeDecision(accountScope, account())).toEqual({ inScope, reason });
  });

  it("does not match OU selectors for an account that was not discovered through an organization", () => {
    expect(accountScopeDecision(scope({ ouPaths: ["Root"] }), account({ ouPath: null })).inScope).toBe(false);
  });

  it("matches a tag value containing '=' exactly", () => {
    expect(accountScopeDecision(scope({ tags: ["note=a=b"] }), account({ tags: { note: "a=b" } })).inScope).toBe(true);
  });

  it.each([
    [{ include: { accountIds: ["12345"] } }, "include.accountIds.0"],
    [{ include: { ouPaths: ["//"] } }, "include.ouPaths.0"],
    [{ exclude: { tags: ["=prod"] } }, "exclude.tags.0"],
  ])("rejects the invalid selector %j at %s", (input, path) => {
    const parsed = accountScopeSchema.safeParse({ include: {}, exclude: {}, ...input });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual([path]);
  });

  it("describes itself in one line", () => {
    expect(describeAccountScope(ALL_ACCOUNTS)).toBe("every linked account");
    expect(describeAccountScope(scope({ tags: ["env=prod"], ouPaths: ["Workloads"] }, { accountIds: ["444455556666"] }))).toBe(
      "tag env=prod, OU Workloads, except account 444455556666",
    );
  });
});

describe("region scope", () => {
  it.each([
    [{ mode: "all" }, {}, "every enabled region"],
    [{ mode: "allow", regions: ["eu-west-1", "us-east-1"] }, { allow: ["eu-west-1", "us-east-1"] }, "only eu-west-1, us-east-1"],
    [{ mode: "deny", regions: ["ap-east-1"] }, { deny: ["ap-east-1"] }, "every enabled region except ap-east-1"],
  ] as const)("%j filters collections as %j", (input, filter, description) => {
    const parsed = regionScopeSchema.parse(input);
    expect(regionFilter(parsed)).toEqual(filter);
    expect(describeRegionScope(parsed)).toBe(description);
  });

  it.each([
    [{ mode: "allow", regions: [] }, "name at least one region to allow"],
    [{ mode: "deny", regions: ["Frankfurt"] }, 'must be a region code such as "eu-west-1"'],
  ])("rejects %j", (input, message) => {
    const parsed = regionScopeSchema.safeParse(input);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });

  it("lets an account's own scope replace the installation's, and inherits it otherwise", () => {
    const installation = regionScopeSchema.parse({ mode: "deny", regions: ["ap-east-1"] });
    const own = regionScopeSchema.parse({ mode: "allow", regions: ["eu-west-1"] });
    expect(effectiveRegionScope(installation, own)).toEqual(own);
    expect(effectiveRegionScope(installation, undefined)).toEqual(installation);
  });
});

describe("form lists", () => {
  it("splits ids by lines and commas, tags by lines only", () => {
    expect(splitList(" 111122223333, 444455556666\n\n555566667777 ", "lines-and-commas")).toEqual(["111122223333", "444455556666", "555566667777"]);
    expect(splitList("owner=a, b\r\nenv=prod\n")).toEqual(["owner=a, b", "env=prod"]);
  });
});
