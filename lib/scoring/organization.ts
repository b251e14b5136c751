/**
 * The organization's score: the mean over accounts, per exercise and overall, and the worst
 * account per exercise (CHECKS.md "Scoring"). Accepts full AccountScores (exact ratios) or the
 * stored summaries (rounded scores) the database keeps per account.
 */
import type { ExerciseNumber } from "@/lib/checks/types";
import { EXERCISE_NUMBERS, type ScoreCounts } from "./score";

export interface AccountScoreSummary extends Partial<ScoreCounts> {
  accountId: string;
  score: number | null;
  /** Exact 0–1 ratio when known; otherwise `score` is used. */
  ratio?: number | null;
  /** Ten entries in exercise order. */
  exerciseScores: Array<number | null>;
  /** Ten exact ratios in exercise order, when known. */
  exercises?: Array<{ ratio: number | null }>;
}

export interface WorstAccount {
  exercise: ExerciseNumber;
  accountId: string;
  score: number;
}

export interface OrganizationScore extends ScoreCounts {
  score: number | null;
  exerciseScores: Array<number | null>;
  /** Accounts with an overall score (at least one exercise could be judged). */
  accountsAssessed: number;
  worst: WorstAccount[];
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

const toScore = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 100));

function accountRatio(account: AccountScoreSummary): number | null {
  if (account.ratio !== undefined && account.ratio !== null) return account.ratio;
  return account.score === null ? null : account.score / 100;
}

function exerciseRatio(account: AccountScoreSummary, index: number): number | null {
  const exact = account.exercises?.[index]?.ratio;
  if (exact !== undefined && exact !== null) return exact;
  const score = account.exerciseScores[index];
  return score === undefined || score === null ? null : score / 100;
}

export function scoreOrganization(accounts: AccountScoreSummary[]): OrganizationScore {
  const ordered = [...accounts].sort((a, b) => a.accountId.localeCompare(b.accountId));
  const accountRatios = ordered.map(accountRatio).filter((ratio): ratio is number => ratio !== null);
  const exerciseScores = EXERCISE_NUMBERS.map((_, index) =>
    toScore(mean(ordered.map((account) => exerciseRatio(account, index)).filter((ratio): ratio is number => ratio !== null))),
  );
  const worst = EXERCISE_NUMBERS.flatMap((exercise, index): WorstAccount[] => {
    let lowest: { accountId: string; ratio: number } | undefined;
    for (const account of ordered) {
      const ratio = exerciseRatio(account, index);
      if (ratio !== null && (lowest === undefined || ratio < lowest.ratio)) lowest = { accountId: account.accountId, ratio };
    }
    return lowest ? [{ exercise, accountId: lowest.accountId, score: Math.round(lowest.ratio * 100) }] : [];
  });
  const sum = (key: keyof ScoreCounts) => ordered.reduce((total, account) => total + (account[key] ?? 0), 0);
  return {
    score: toScore(mean(accountRatios)),
    exerciseScores,
    accountsAssessed: accountRatios.length,
    worst,
    passed: sum("passed"),
    failed: sum("failed"),
    unknown: sum("unknown"),
    notApplicable: sum("notApplicable"),
    unknownChecks: sum("unknownChecks"),
  };
}
