import { describe, expect, it } from "vitest";
import type { CheckDefinition, ExerciseNumber, Finding, FindingStatus, Severity } from "@/lib/checks/types";
import { scoreCheck, scoreFindings, SEVERITY_WEIGHTS } from "./score";

type CheckMeta = Pick<CheckDefinition, "id" | "exercise" | "severity">;

const check = (id: string, exercise: ExerciseNumber, severity: Severity = "medium"): CheckMeta => ({ id, exercise, severity });

let counter = 0;
function finding(checkMeta: CheckMeta, status: FindingStatus, severity: Severity = checkMeta.severity): Finding {
  counter += 1;
  return {
    checkId: checkMeta.id,
    exercise: checkMeta.exercise,
    resourceId: `r-${counter}`,
    resourceType: "user",
    resourceName: `r-${counter}`,
    status,
    severity,
    evidence: null,
    reason: "test",
  };
}

const many = (checkMeta: CheckMeta, status: FindingStatus, count: number, severity?: Severity) =>
  Array.from({ length: count }, () => finding(checkMeta, status, severity));

describe("scoreCheck", () => {
  const c = check("c", 1, "high");
  it.each([
    ["all pass", [...many(c, "pass", 3)], 100],
    ["all fail", [...many(c, "fail", 2)], 0],
    ["3 of 4 pass at equal severity", [...many(c, "pass", 3), ...many(c, "fail", 1)], 75],
    ["a critical fail outweighs a low pass 4 to 1", [finding(c, "pass", "low"), finding(c, "fail", "critical")], 20],
    ["unknown is never a pass", [...many(c, "pass", 1), ...many(c, "unknown", 5), ...many(c, "fail", 1)], 50],
    ["not applicable is left out", [...many(c, "pass", 1), ...many(c, "not_applicable", 3)], 100],
    ["only unknown", [...many(c, "unknown", 2)], null],
    ["no findings", [], null],
  ])("%s → %s", (_, findings, score) => {
    expect(scoreCheck(c, findings).score).toBe(score);
  });

  it("counts each status and marks a check with unknown findings", () => {
    const result = scoreCheck(c, [...many(c, "pass", 2), ...many(c, "fail", 1), ...many(c, "unknown", 1), ...many(c, "not_applicable", 1)]);
    expect(result).toMatchObject({ passed: 2, failed: 1, unknown: 1, notApplicable: 1, unknownChecks: 1 });
  });
});

describe("scoreFindings", () => {
  const critical = check("crit", 2, "critical");
  const low = check("low", 2, "low");
  const other = check("other", 3, "medium");

  it("weights checks within an exercise by check severity", () => {
    // critical check 100 (weight 4), low check 0 (weight 1) → 80.
    const result = scoreFindings([finding(critical, "pass"), finding(low, "fail")], [critical, low]);
    expect(result.exercises[1]).toMatchObject({ exercise: 2, score: 80, passed: 1, failed: 1 });
  });

  it("leaves checks with nothing judged out of the exercise mean", () => {
    const result = scoreFindings([finding(critical, "pass"), finding(low, "unknown")], [critical, low]);
    expect(result.exercises[1]).toMatchObject({ score: 100, unknown: 1, unknownChecks: 1 });
  });

  it("gives an exercise with only unknown findings no score, not 0 and not 100", () => {
    const result = scoreFindings([finding(critical, "unknown"), finding(other, "pass")], [critical, other]);
    expect(result.exercises[1]?.score).toBeNull();
    expect(result.exerciseScores).toEqual([null, null, 100, null, null, null, null, null, null, null]);
    expect(result.score).toBe(100);
    expect(result.unknownChecks).toBe(1);
  });

  it("averages exercises with a score equally, whatever their number of checks", () => {
    const result = scoreFindings([finding(critical, "pass"), finding(low, "pass"), finding(other, "fail")], [critical, low, other]);
    expect(result.score).toBe(50);
  });

  it("rounds only at the end", () => {
    // Exercise scores 44.6, 44.6 and 43.6: rounding them first would give (45 + 45 + 44) / 3 → 45.
    const [a, b, d] = [check("a", 1), check("b", 2), check("d", 3)];
    const findings = [
      ...many(a, "pass", 223), ...many(a, "fail", 277),
      ...many(b, "pass", 223), ...many(b, "fail", 277),
      ...many(d, "pass", 218), ...many(d, "fail", 282),
    ];
    const result = scoreFindings(findings, [a, b, d]);
    expect(result.exerciseScores.slice(0, 3)).toEqual([45, 45, 44]);
    expect(result.score).toBe(44);
    expect(result.ratio).toBeCloseTo((0.446 + 0.446 + 0.436) / 3, 10);
  });

  it("has no score at all when nothing could be judged", () => {
    const result = scoreFindings([finding(critical, "unknown")], [critical]);
    expect(result).toMatchObject({ score: null, ratio: null, unknown: 1, unknownChecks: 1 });
  });

  it("lists every check of the catalogue, with or without findings, and scores findings of unlisted checks too", () => {
    const stray = check("retired", 4, "high");
    const result = scoreFindings([finding(stray, "fail")], [critical, low]);
    expect(result.exercises[1]?.checks.map((c) => c.checkId)).toEqual(["crit", "low"]);
    expect(result.exercises[3]).toMatchObject({ score: 0, failed: 1 });
  });

  it("uses weights critical 4, high 3, medium 2, low 1", () => {
    expect(SEVERITY_WEIGHTS).toEqual({ critical: 4, high: 3, medium: 2, low: 1 });
  });
});
