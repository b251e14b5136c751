import { describe, expect, it } from "vitest";
import type { StoredScoreDetail } from "@/lib/scoring/stored-score";
import { getCheck } from "@/lib/checks/registry";
import { exerciseCards, exerciseCheckScores, trendRows } from "./exercise-cards";

const scores = (first: number | null, rest: number | null = 100) => [first, ...Array.from({ length: 9 }, () => rest)];

function detail(exercise1: { failed: number; passed: number; unknownChecks: number }): StoredScoreDetail {
  return {
    version: 1,
    exercises: [{ exercise: 1, score: 50, unknown: exercise1.unknownChecks, ...exercise1 }],
    checks: [
      { checkId: "root.access-keys", exercise: 1, score: 0, passed: 0, failed: 1, unknown: 0, notApplicable: 0 },
      { checkId: "root.mfa", exercise: 2, score: 100, passed: 1, failed: 0, unknown: 0, notApplicable: 0 },
    ],
  };
}

describe("exerciseCards", () => {
  it("gives ten cards with score, failing resources, unknown checks and change since the previous run", () => {
    const cards = exerciseCards(
      { exerciseScores: scores(50), detail: detail({ failed: 3, passed: 3, unknownChecks: 1 }) },
      { exerciseScores: scores(70, null), detail: null },
    );
    expect(cards).toHaveLength(10);
    expect(cards[0]).toEqual({ exercise: 1, score: 50, change: -20, failed: 3, passed: 3, unknownChecks: 1, zeroed: null });
    expect(cards[1]).toEqual({ exercise: 2, score: 100, change: null, failed: 0, passed: 0, unknownChecks: 0, zeroed: null });
  });

  it("says which check sets an exercise to 0", () => {
    const cards = exerciseCards({ exerciseScores: scores(0), detail: detail({ failed: 1, passed: 0, unknownChecks: 0 }) }, null);
    expect(cards[0]?.zeroed).toEqual({ kind: "one-check", checkId: "root.access-keys", title: getCheck("root.access-keys")!.title, failed: 1, unjudgedChecks: 0 });
    expect(cards[1]?.zeroed).toBeNull();
  });

  it("shows every card as not assessed when there is no evaluation", () => {
    expect(exerciseCards(null, null).every((card) => card.score === null && card.change === null)).toBe(true);
  });
});

describe("exerciseCheckScores", () => {
  it("keeps one exercise's checks", () => {
    expect(exerciseCheckScores(detail({ failed: 1, passed: 0, unknownChecks: 0 }), 2).map((check) => check.checkId)).toEqual(["root.mfa"]);
    expect(exerciseCheckScores(null, 2)).toEqual([]);
  });
});

describe("trendRows", () => {
  it("spreads the exercise scores into e1..e10 columns", () => {
    const [row] = trendRows([{ runId: "7", at: "2026-01-01T00:00:00.000Z", score: 64, exerciseScores: scores(10, 70) }]);
    expect(row).toMatchObject({ runId: "7", score: 64, e1: 10, e2: 70, e10: 70 });
  });
});
