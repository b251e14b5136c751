import { describe, expect, it } from "vitest";
import { filterReport, paramOfStatus, parseComplianceStatus } from "./view-params";
import type { ComplianceReport } from "./report";

describe("compliance status filter", () => {
  it.each([
    ["fail", "fail"],
    ["not-assessed", "not-assessed"],
    [["unknown", "fail"], "unknown"],
    ["not_assessed", undefined],
    ["FAIL", undefined],
    [undefined, undefined],
  ])("%j parses as %j", (raw, expected) => {
    expect(parseComplianceStatus(raw)).toBe(expected);
  });

  it("names not assessed with a hyphen in the URL", () => {
    expect(paramOfStatus("not_assessed")).toBe("not-assessed");
  });

  it("keeps only the controls of the status, and the summary of all", () => {
    const control = (id: string, status: ComplianceReport["controls"][number]["status"]) => ({ id, status }) as ComplianceReport["controls"][number];
    const report = { summary: { fail: 1, pass: 1, unknown: 0, not_assessed: 1 }, controls: [control("1.1", "not_assessed"), control("1.4", "fail"), control("1.5", "pass")] } as ComplianceReport;
    expect(filterReport(report, "not-assessed").controls.map((entry) => entry.id)).toEqual(["1.1"]);
    expect(filterReport(report, "not-assessed").summary).toEqual(report.summary);
    expect(filterReport(report, undefined).controls).toHaveLength(3);
  });
});
