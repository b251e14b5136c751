import { describe, expect, it } from "vitest";
import { scoreOrganization, type AccountScoreSummary } from "./organization";

const account = (accountId: string, score: number | null, exerciseScores: Array<number | null>, extra: Partial<AccountScoreSummary> = {}): AccountScoreSummary => ({
  accountId,
  score,
  exerciseScores: [...exerciseScores, ...Array<null>(10 - exerciseScores.length).fill(null)],
  ...extra,
});

describe("scoreOrganization", () => {
  it("averages account scores and exercise scores over accounts that have one", () => {
    const result = scoreOrganization([account("a", 80, [100, 60]), account("b", 40, [50, null]), account("c", null, [])]);
    expect(result.score).toBe(60);
    expect(result.exerciseScores.slice(0, 3)).toEqual([75, 60, null]);
    expect(result.accountsAssessed).toBe(2);
  });

  it("names the worst account per exercise, ties going to the first account id", () => {
    const result = scoreOrganization([account("b", 50, [20, 90]), account("a", 50, [20, 10])]);
    expect(result.worst).toEqual([
      { exercise: 1, accountId: "a", score: 20 },
      { exercise: 2, accountId: "a", score: 10 },
    ]);
  });

  it("uses exact ratios when given, rounding only at the end", () => {
    const result = scoreOrganization([
      account("a", 33, [33], { ratio: 1 / 3, exercises: [{ ratio: 1 / 3 }] }),
      account("b", 33, [33], { ratio: 1 / 3, exercises: [{ ratio: 1 / 3 }] }),
      account("c", 34, [34], { ratio: 0.335, exercises: [{ ratio: 0.335 }] }),
    ]);
    // Mean of rounded scores is 33.33 → 33; of exact ratios 33.39 → 33 as well; both stay within a point.
    expect(result.score).toBe(33);
  });

  it("sums counts where the accounts carry them", () => {
    const result = scoreOrganization([
      account("a", 50, [50], { passed: 1, failed: 1, unknown: 2, notApplicable: 0, unknownChecks: 1 }),
      account("b", 100, [100], { passed: 3, failed: 0, unknown: 0, notApplicable: 1, unknownChecks: 0 }),
    ]);
    expect(result).toMatchObject({ passed: 4, failed: 1, unknown: 2, notApplicable: 1, unknownChecks: 1 });
  });

  it("has no score for an organization where nothing could be judged", () => {
    expect(scoreOrganization([account("a", null, [])])).toMatchObject({ score: null, accountsAssessed: 0, worst: [] });
    expect(scoreOrganization([]).score).toBeNull();
  });
});
