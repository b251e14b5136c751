import { describe, expect, it } from "vitest";
import type { CheckDefinition, FindingStatus } from "@/lib/checks/types";
import type { CisControl } from "./cis-aws-v3";
import { countByStatus, evaluateCompliance, type CheckStatusCount, type ComplianceFinding, type ControlResult } from "./evaluate";

// Two checks implement control 9.1 together; 9.2 has one; 9.3 none.
const checks = [
  { id: "a.one", title: "A one", cis: ["9.1"] },
  { id: "a.two", title: "A two", cis: ["9.1", "9.2"] },
  { id: "b.other", title: "Other", cis: [] },
] as unknown as CheckDefinition[];
const controls: CisControl[] = [
  { id: "9.1", section: "1", title: "Control one" },
  { id: "9.2", section: "1", title: "Control two" },
  { id: "9.3", section: "5", title: "Control three" },
];
const PROD = { awsAccountId: "111111111111", name: "prod" };
const DEV = { awsAccountId: "222222222222", name: "dev" };

function count(account: { awsAccountId: string }, checkId: string, status: FindingStatus, n = 1): CheckStatusCount {
  return { awsAccountId: account.awsAccountId, checkId, status, count: n };
}

function control(results: ControlResult[], id: string): ControlResult {
  return results.find((result) => result.control.id === id)!;
}

describe("evaluateCompliance for one account", () => {
  it.each<[string, CheckStatusCount[], string]>([
    ["every check passes", [count(PROD, "a.one", "pass", 3), count(PROD, "a.two", "pass")], "pass"],
    ["one check fails among passes", [count(PROD, "a.one", "pass", 3), count(PROD, "a.one", "fail"), count(PROD, "a.two", "pass")], "fail"],
    ["one check fails, the other unknown", [count(PROD, "a.one", "fail"), count(PROD, "a.two", "unknown")], "fail"],
    ["one check unknown, none fail", [count(PROD, "a.one", "pass"), count(PROD, "a.two", "unknown")], "unknown"],
    ["a check has no finding at all", [count(PROD, "a.one", "pass")], "unknown"],
    ["a check found nothing to judge", [count(PROD, "a.one", "pass"), count(PROD, "a.two", "not_applicable")], "pass"],
    ["findings of another check do not count", [count(PROD, "a.one", "pass"), count(PROD, "a.two", "pass"), count(PROD, "b.other", "fail")], "pass"],
    ["findings of another account do not count", [count(PROD, "a.one", "pass"), count(PROD, "a.two", "pass"), count(DEV, "a.one", "fail")], "pass"],
  ])("control of two checks: %s → %s", (_case, counts, expected) => {
    const results = evaluateCompliance({ accounts: [PROD], counts }, checks, controls);
    expect(control(results, "9.1").status).toBe(expected);
  });

  it("a control no check implements is not assessed, with no counts", () => {
    const results = evaluateCompliance({ accounts: [PROD], counts: [count(PROD, "a.one", "fail")] }, checks, controls);
    expect(control(results, "9.3")).toMatchObject({ status: "not_assessed", checks: [], accounts: { fail: 0, pass: 0, unknown: 0 }, problems: [] });
  });

  it("lists every control, in catalogue order, with its section and checks", () => {
    const results = evaluateCompliance({ accounts: [PROD], counts: [] }, checks, controls);
    expect(results.map((result) => [result.control.id, result.status, result.checks.map((check) => check.id)])).toEqual([
      ["9.1", "unknown", ["a.one", "a.two"]],
      ["9.2", "unknown", ["a.two"]],
      ["9.3", "not_assessed", []],
    ]);
    expect(results[0]!.sectionTitle).toBe("1 Identity and Access Management");
    expect(results[2]!.sectionTitle).toBe("5 Networking");
  });

  it("counts findings by status and lists failing resources before unknown ones", () => {
    const finding = (id: string, checkId: string, status: "fail" | "unknown", account = PROD): ComplianceFinding => ({
      id,
      awsAccountId: account.awsAccountId,
      accountName: account.name,
      checkId,
      status,
      resourceId: `arn:${id}`,
      resourceName: id,
      region: null,
      reason: "",
    });
    const results = evaluateCompliance(
      {
        accounts: [PROD],
        counts: [count(PROD, "a.one", "pass", 4), count(PROD, "a.one", "not_applicable"), count(PROD, "a.one", "unknown"), count(PROD, "a.two", "fail", 2)],
        findings: [finding("u1", "a.one", "unknown"), finding("f1", "a.two", "fail"), finding("f2", "a.two", "fail"), finding("x", "b.other", "fail"), finding("d", "a.two", "fail", DEV)],
      },
      checks,
      controls,
    );
    expect(control(results, "9.1")).toMatchObject({ status: "fail", findings: { fail: 2, pass: 5, unknown: 1 } });
    expect(control(results, "9.1").problems.map((problem) => problem.id)).toEqual(["f1", "f2", "u1"]);
    expect(control(results, "9.2").problems.map((problem) => problem.id)).toEqual(["f1", "f2"]);
  });
});

describe("evaluateCompliance across accounts", () => {
  it.each<[string, CheckStatusCount[], string, { fail: number; pass: number; unknown: number }]>([
    ["both pass", [count(PROD, "a.two", "pass"), count(DEV, "a.two", "pass")], "pass", { fail: 0, pass: 2, unknown: 0 }],
    ["one fails", [count(PROD, "a.two", "fail"), count(DEV, "a.two", "pass")], "fail", { fail: 1, pass: 1, unknown: 0 }],
    ["one unknown, one fails", [count(PROD, "a.two", "fail"), count(DEV, "a.two", "unknown")], "fail", { fail: 1, pass: 0, unknown: 1 }],
    ["one unknown, one passes", [count(PROD, "a.two", "pass"), count(DEV, "a.two", "unknown")], "unknown", { fail: 0, pass: 1, unknown: 1 }],
    ["one without a result", [count(PROD, "a.two", "pass")], "unknown", { fail: 0, pass: 1, unknown: 1 }],
  ])("%s → %s", (_case, counts, expected, accounts) => {
    const results = evaluateCompliance({ accounts: [PROD, DEV], counts }, checks, controls);
    expect(control(results, "9.2")).toMatchObject({ status: expected, accounts });
  });

  it("with no account judged yet every implemented control is unknown, never pass", () => {
    const results = evaluateCompliance({ accounts: [], counts: [count(PROD, "a.two", "pass")] }, checks, controls);
    expect(results.map((result) => result.status)).toEqual(["unknown", "unknown", "not_assessed"]);
    expect(control(results, "9.2").findings).toEqual({ fail: 0, pass: 0, unknown: 0 });
  });

  it("counts controls per status", () => {
    const results = evaluateCompliance({ accounts: [PROD], counts: [count(PROD, "a.one", "pass"), count(PROD, "a.two", "fail")] }, checks, controls);
    expect(countByStatus(results)).toEqual({ fail: 2, unknown: 0, pass: 0, not_assessed: 1 });
  });
});
