/**
 * The scorecard as /api/v1/scorecard and `iamfit scorecard --format json` show it: the
 * organization, then per account and per exercise the score and the passed, failed and unknown
 * counts of its latest evaluation.
 */
import { z } from "zod";
import type { ExerciseNumber } from "@/lib/checks/types";
import type { AccountScoresPage, CurrentAccountScore, ExerciseCounts } from "@/lib/db/account-scores";
import type { OrgOverview } from "@/lib/db/organization";
import { exerciseInfo } from "@/lib/scorecard/catalogue";
import { EXERCISE_NUMBERS } from "@/lib/scorecard/exercise-cards";

const score = z.number().int().min(0).max(100).nullable().describe("0–100; null when nothing could be judged");

export const apiExerciseScoreSchema = z
  .object({
    exercise: z.number().int().min(1).max(10),
    title: z.string(),
    score,
    passed: z.number().int().min(0),
    failed: z.number().int().min(0),
    unknown: z.number().int().min(0),
  });

export const apiAccountScoreSchema = z
  .object({
    accountId: z.string().regex(/^[0-9]{12}$/),
    name: z.string(),
    status: z.string().describe("Status of its last collection"),
    runId: z.string().nullable().describe("The run the scores come from; null when never assessed"),
    evaluatedAt: z.string().nullable(),
    score,
    passed: z.number().int().min(0),
    failed: z.number().int().min(0),
    unknown: z.number().int().min(0),
    exercises: z.array(apiExerciseScoreSchema).length(10),
  });

export const apiScorecardSchema = z
  .object({
    generatedAt: z.string(),
    organization: z.object({
      score,
      runId: z.string().nullable(),
      at: z.string().nullable(),
      accountsLinked: z.number().int().min(0),
      accountsAssessed: z.number().int().min(0),
      exercises: z.array(apiExerciseScoreSchema).length(10).describe("Organization score per exercise; counts summed over the accounts"),
    }),
    accounts: z.array(apiAccountScoreSchema).describe("One page of accounts, by name"),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    pageCount: z.number().int().min(0),
    total: z.number().int().min(0).describe("Accounts over all pages"),
  });

export type ApiExerciseScore = z.infer<typeof apiExerciseScoreSchema>;
export type ApiAccountScore = z.infer<typeof apiAccountScoreSchema>;
export type ApiScorecard = z.infer<typeof apiScorecardSchema>;

function exerciseScore(exercise: ExerciseNumber, value: number | null, counts?: { passed: number; failed: number; unknown: number }): ApiExerciseScore {
  return { exercise, title: exerciseInfo(exercise).title, score: value, passed: counts?.passed ?? 0, failed: counts?.failed ?? 0, unknown: counts?.unknown ?? 0 };
}

export function toApiAccountScore(account: CurrentAccountScore): ApiAccountScore {
  return {
    accountId: account.awsAccountId,
    name: account.name,
    status: account.lastStatus,
    runId: account.runId,
    evaluatedAt: account.evaluatedAt,
    score: account.score,
    passed: account.passed,
    failed: account.failed,
    unknown: account.unknown,
    exercises: EXERCISE_NUMBERS.map((exercise) =>
      exerciseScore(
        exercise,
        account.exerciseScores[exercise - 1] ?? null,
        account.detail?.exercises.find((entry) => entry.exercise === exercise),
      ),
    ),
  };
}

/** `organizationCounts`: per exercise, summed over every linked account, whatever the page. */
export function toApiScorecard(
  overview: OrgOverview,
  accounts: AccountScoresPage,
  organizationCounts: ExerciseCounts[],
  paging: { page: number; pageSize: number },
  now: Date,
): ApiScorecard {
  const latest = overview.latest;
  return {
    generatedAt: now.toISOString(),
    organization: {
      score: latest?.score ?? null,
      runId: latest?.runId ?? null,
      at: latest?.at ?? null,
      accountsLinked: overview.accounts.linked,
      accountsAssessed: overview.accounts.assessed,
      exercises: EXERCISE_NUMBERS.map((exercise) =>
        exerciseScore(
          exercise,
          latest?.exerciseScores[exercise - 1] ?? null,
          organizationCounts.find((counts) => counts.exercise === exercise),
        ),
      ),
    },
    accounts: accounts.accounts.map(toApiAccountScore),
    page: paging.page,
    pageSize: paging.pageSize,
    pageCount: Math.ceil(accounts.total / paging.pageSize),
    total: accounts.total,
  };
}
