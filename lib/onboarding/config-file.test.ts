import { describe, expect, it } from "vitest";
import { formatConfigProblems, validateAccountsConfig, type ConfigProblem } from "./config-file";

function problemsOf(text: string): ConfigProblem[] {
  const result = validateAccountsConfig(text);
  if (result.ok) throw new Error("expected the file to be invalid");
  return result.problems;
}

const lines = (...rows: string[]) => rows.join("\n");

describe("validateAccountsConfig: a valid file", () => {
  it("resolves role names to ARNs in each account, applying the defaults", () => {
    const result = validateAccountsConfig(
      lines(
        "{",
        '  "defaults": { "role": "audit-reader", "externalId": "team-external-id" },',
        '  "accounts": [',
        '    { "accountId": "111111111111", "name": "Payments", "tags": { "env": "prod" } },',
        '    { "accountId": "222222222222", "role": "arn:aws:iam::222222222222:role/custom/reader", "externalId": "other-id" }',
        "  ],",
        '  "organization": { "autoLink": true, "excludeOus": ["Sandbox", "ou-ab12-34cd56ef"] }',
        "}",
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.accounts).toEqual([
      { accountId: "111111111111", roleArn: "arn:aws:iam::111111111111:role/audit-reader", externalId: "team-external-id", name: "Payments", tags: { env: "prod" } },
      { accountId: "222222222222", roleArn: "arn:aws:iam::222222222222:role/custom/reader", externalId: "other-id", name: "222222222222", tags: {} },
    ]);
    expect(result.config.organization).toMatchObject({ autoLink: true, role: "iamfit-audit", excludeOus: ["Sandbox", "ou-ab12-34cd56ef"], includeOus: [], syncIntervalHours: 24 });
    expect(result.config.prune).toBe(false);
  });

  it("accepts an empty object: nothing declared", () => {
    expect(validateAccountsConfig("{}")).toEqual({ ok: true, config: { accounts: [], prune: false } });
  });
});

describe("validateAccountsConfig: errors name the line and column", () => {
  it("reports a JSON syntax error where it is", () => {
    expect(problemsOf(lines("{", '  "accounts": [', '    { "accountId": "111111111111" },', "  ]", "}"))).toEqual([
      { line: 4, column: 3, path: "", message: "not valid JSON: trailing comma before ]" },
    ]);
  });

  it("reports every bad account field at its value, in line order", () => {
    const problems = problemsOf(
      lines(
        "{",
        '  "accounts": [',
        '    { "accountId": "12345" },',
        '    { "accountId": "222222222222",',
        '      "role": "arn:aws:iam::333333333333:role/iamfit-audit" },',
        '    { "accountId": "444444444444", "externalId": "x" }',
        "  ]",
        "}",
      ),
    );
    expect(problems).toEqual([
      { line: 3, column: 20, path: "accounts[0].accountId", message: "must be exactly 12 digits, e.g. 123456789012" },
      {
        line: 5,
        column: 15,
        path: "accounts[1].role",
        message: "belongs to account 333333333333, not 222222222222; the audit role must live in the account it audits",
      },
      { line: 6, column: 50, path: "accounts[2].externalId", message: "must be 2–1224 characters of letters, digits and +=,.@:/-" },
    ]);
  });

  it("points an unknown property at its key and suggests the one meant", () => {
    const problems = problemsOf(lines("{", '  "acounts": [],', '  "organization": { "autolink": true, "excludeOu": [] }', "}"));
    expect(problems).toEqual([
      { line: 2, column: 3, path: "acounts", message: 'unknown property "acounts"; did you mean "accounts"?' },
      { line: 3, column: 21, path: "organization.autolink", message: 'unknown property "autolink"; did you mean "autoLink"?' },
      { line: 3, column: 39, path: "organization.excludeOu", message: 'unknown property "excludeOu"; did you mean "excludeOus"?' },
    ]);
  });

  it("says what type a value must have, and that a required field is missing", () => {
    const problems = problemsOf(lines("{", '  "accounts": [', "    { \"name\": \"no id\" }", "  ],", '  "prune": "yes"', "}"));
    expect(problems).toEqual([
      { line: 3, column: 5, path: "accounts[0].accountId", message: "is required (a string)" },
      { line: 5, column: 12, path: "prune", message: "must be a boolean" },
    ]);
  });

  it("reports a duplicate account with the line of its first declaration", () => {
    const problems = problemsOf(lines("{", '  "accounts": [', '    { "accountId": "111111111111" },', '    { "accountId": "111111111111" }', "  ]", "}"));
    expect(problems).toEqual([{ line: 4, column: 20, path: "accounts[1].accountId", message: "111111111111 is declared twice (first at line 3)" }]);
  });

  it("reports a bad default once, where it is written", () => {
    const problems = problemsOf(
      lines("{", '  "defaults": { "role": "not a role!" },', '  "accounts": [{ "accountId": "111111111111" }, { "accountId": "222222222222" }]', "}"),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 25, path: "defaults.role" });
  });

  it("validates OU patterns, account ids and the interval of the organization section", () => {
    const problems = problemsOf(
      lines("{", '  "organization": {', '    "includeOus": ["Workloads//Prod"],', '    "excludeAccounts": ["12"],', '    "syncIntervalHours": 500', "  }", "}"),
    );
    expect(problems.map((problem) => `${problem.line}: ${problem.path}`)).toEqual([
      "3: organization.includeOus[0]",
      "4: organization.excludeAccounts[0]",
      "5: organization.syncIntervalHours",
    ]);
  });
});

describe("formatConfigProblems", () => {
  it("writes one compiler-style line per problem", () => {
    expect(
      formatConfigProblems("iamfit.config.json", [
        { line: 3, column: 20, path: "accounts[0].accountId", message: "must be exactly 12 digits" },
        { line: 1, column: 1, path: "", message: "not valid JSON" },
      ]),
    ).toBe("iamfit.config.json:3:20: accounts[0].accountId: must be exactly 12 digits\niamfit.config.json:1:1: not valid JSON");
  });
});
