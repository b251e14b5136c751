/**
 * One row per check of an exercise for the drill-down pages: the catalogue's checks in catalogue
 * order, with their counts (from an account's stored score detail, or from the findings across
 * accounts). A check with stored results that the catalogue no longer has is kept, by id.
 */
import type { ExerciseNumber } from "@/lib/checks/types";
import { checkInfo, checksOfExercise, type CheckInfo } from "./catalogue";

export interface CheckCounts {
  checkId: string;
  score?: number | null;
  pass: number;
  fail: number;
  unknown: number;
  notApplicable: number;
  accountsFailing?: number;
}

export interface CheckSummaryRow extends Omit<CheckCounts, "checkId"> {
  check: CheckInfo;
  /** False when nothing was recorded for the check (e.g. added after the last evaluation). */
  evaluated: boolean;
}

export function checkSummaryRows(exercise: ExerciseNumber, counts: CheckCounts[]): CheckSummaryRow[] {
  const byId = new Map(counts.map((entry) => [entry.checkId, entry]));
  const catalogue = checksOfExercise(exercise);
  const retired = counts.filter((entry) => !catalogue.some((check) => check.id === entry.checkId)).map((entry) => checkInfo(entry.checkId, exercise));
  return [...catalogue, ...retired].map((check) => {
    const entry = byId.get(check.id);
    const { checkId: _checkId, ...values } = entry ?? { checkId: check.id, pass: 0, fail: 0, unknown: 0, notApplicable: 0 };
    return { check, evaluated: entry !== undefined, ...values };
  });
}

/** The stored per-check detail (passed/failed/…) in the shape of CheckCounts. */
export function storedCheckCounts(checks: Array<{ checkId: string; score: number | null; passed: number; failed: number; unknown: number; notApplicable: number }>): CheckCounts[] {
  return checks.map((check) => ({
    checkId: check.checkId,
    score: check.score,
    pass: check.passed,
    fail: check.failed,
    unknown: check.unknown,
    notApplicable: check.notApplicable,
  }));
}
