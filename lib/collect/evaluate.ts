/**
 * Turns a snapshot into what a collection stores: findings (from the check catalogue) and the
 * account's scores, and the organization score over every account's latest evaluation.
 * Pure: the formulas live in lib/checks and lib/scoring; this only maps them to storage shapes.
 */
import type { Finding, Thresholds } from "@/lib/checks/types";
import { CHECKS, evaluateSnapshot } from "@/lib/checks/registry";
import type { AccountScoreInput, LatestAccountScore, OrgScoreInput } from "@/lib/db/collections";
import { scoreFindings } from "@/lib/scoring/score";
import { scoreOrganization } from "@/lib/scoring/organization";
import type { StoredScoreDetail } from "@/lib/scoring/stored-score";
import type { AccountSnapshot } from "@/lib/snapshot/schema";

export function evaluateAccountSnapshot(
  snapshot: AccountSnapshot,
  thresholds: Thresholds,
): { findings: Finding[]; score: AccountScoreInput } {
  return evaluationFromFindings(evaluateSnapshot(snapshot, thresholds));
}

/** The findings of every check, in catalogue order, with the account's scores over them. */
export function evaluationFromFindings(findings: Finding[]): { findings: Finding[]; score: AccountScoreInput } {
  const score = scoreFindings(findings, CHECKS);
  const detail: StoredScoreDetail = {
    version: 1,
    exercises: score.exercises.map((exercise) => ({
      exercise: exercise.exercise,
      score: exercise.score,
      passed: exercise.passed,
      failed: exercise.failed,
      unknown: exercise.unknown,
      unknownChecks: exercise.unknownChecks,
    })),
    checks: score.exercises.flatMap((exercise) =>
      exercise.checks.map((check) => ({
        checkId: check.checkId,
        exercise: check.exercise,
        score: check.score,
        passed: check.passed,
        failed: check.failed,
        unknown: check.unknown,
        notApplicable: check.notApplicable,
      })),
    ),
  };
  return {
    findings,
    score: {
      score: score.score,
      exerciseScores: score.exerciseScores,
      passed: score.passed,
      failed: score.failed,
      unknown: score.unknown,
      unknownChecks: score.unknownChecks,
      detail,
    },
  };
}

export function scoreOrganizationForRun(accounts: LatestAccountScore[]): OrgScoreInput {
  const organization = scoreOrganization(
    accounts.map((account) => ({ accountId: account.accountId, score: account.score, exerciseScores: account.exerciseScores })),
  );
  return {
    score: organization.score,
    exerciseScores: organization.exerciseScores,
    accountsAssessed: organization.accountsAssessed,
    worst: organization.worst,
  };
}
