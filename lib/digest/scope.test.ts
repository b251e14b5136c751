import { describe, expect, it } from "vitest";
import { accountInScope, describeScope, parseTagFilter, scopeFromColumns, scopeToColumns, type DigestScope } from "./scope";

const prod = { awsAccountId: "111111111111", tags: { env: "prod", team: "payments" } };
const dev = { awsAccountId: "222222222222", tags: { env: "dev" } };
const untagged = { awsAccountId: "333333333333", tags: {} };

describe("accountInScope", () => {
  it.each<[string, DigestScope, boolean[]]>([
    ["all accounts", { kind: "all" }, [true, true, true]],
    ["chosen accounts", { kind: "accounts", awsAccountIds: ["222222222222"] }, [false, true, false]],
    ["a tag with a value", { kind: "tags", tags: [{ key: "env", value: "prod" }] }, [true, false, false]],
    ["a tag key with any value", { kind: "tags", tags: [{ key: "env" }] }, [true, true, false]],
    ["any one of several tags", { kind: "tags", tags: [{ key: "team", value: "payments" }, { key: "env", value: "dev" }] }, [true, true, false]],
    ["a tag nobody has", { kind: "tags", tags: [{ key: "toString" }] }, [false, false, false]],
  ])("%s", (_label, scope, expected) => {
    expect([prod, dev, untagged].map((account) => accountInScope(scope, account))).toEqual(expected);
  });
});

describe("tag filters and stored columns", () => {
  it.each([
    ["env=prod", { key: "env", value: "prod" }],
    ["env=", { key: "env", value: "" }],
    [" team ", { key: "team" }],
    ["=prod", null],
    ["", null],
  ])("parses %j", (text, expected) => {
    expect(parseTagFilter(text)).toEqual(expected);
  });

  it.each<DigestScope>([
    { kind: "all" },
    { kind: "accounts", awsAccountIds: ["111111111111"] },
    { kind: "tags", tags: [{ key: "env", value: "prod" }, { key: "team" }] },
  ])("round-trips %j through the columns", (scope) => {
    expect(scopeFromColumns(scopeToColumns(scope))).toEqual(scope);
  });

  it("describes scopes in words", () => {
    expect(describeScope({ kind: "all" })).toBe("All accounts");
    expect(describeScope({ kind: "accounts", awsAccountIds: ["1", "2"] })).toBe("2 chosen accounts");
    expect(describeScope({ kind: "tags", tags: [{ key: "env", value: "prod" }, { key: "team" }] })).toBe("Accounts tagged env=prod or team");
  });
});
