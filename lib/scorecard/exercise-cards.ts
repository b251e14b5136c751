/**
 * The ten exercise cards of an account: score, failing resources, unknown checks and the change
 * since the previous evaluation, from the stored score details (no findings are read).
 */
import type { ExerciseNumber } from "@/lib/checks/types";
import type { StoredCheckScore, StoredScoreDetail } from "@/lib/scoring/stored-score";
import { scoreChange } from "./score-scale";
import { explainZeroedExercise, type ZeroedExercise } from "./zeroed-exercise";

export interface EvaluationScores {
  exerciseScores: Array<number | null>;
  detail: StoredScoreDetail | null;
}

export interface ExerciseCardView {
  exercise: ExerciseNumber;
  score: number | null;
  /** Points since the previous evaluation; null when either is missing. */
  change: number | null;
  failed: number;
  passed: number;
  unknownChecks: number;
  /** Why the exercise scores 0, when its checks say so plainly; null otherwise. */
  zeroed: ZeroedExercise | null;
}

export const EXERCISE_NUMBERS: ExerciseNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export function exerciseCards(current: EvaluationScores | null, previous: EvaluationScores | null): ExerciseCardView[] {
  return EXERCISE_NUMBERS.map((exercise) => {
    const score = current?.exerciseScores[exercise - 1] ?? null;
    const stored = current?.detail?.exercises.find((entry) => entry.exercise === exercise);
    return {
      exercise,
      score,
      change: scoreChange(score, previous?.exerciseScores[exercise - 1] ?? null),
      failed: stored?.failed ?? 0,
      passed: stored?.passed ?? 0,
      unknownChecks: stored?.unknownChecks ?? 0,
      zeroed: explainZeroedExercise(score, exerciseCheckScores(current?.detail ?? null, exercise)),
    };
  });
}

/** The stored per-check scores of one exercise, in the order checks were scored. */
export function exerciseCheckScores(detail: StoredScoreDetail | null, exercise: ExerciseNumber): StoredCheckScore[] {
  return detail?.checks.filter((check) => check.exercise === exercise) ?? [];
}

export interface TrendRow {
  runId: string;
  at: string;
  score: number | null;
  [exercise: `e${number}`]: number | null;
}

/** Chart rows: one per evaluation, with the account (or organization) score and e1..e10. */
export function trendRows(points: Array<{ runId: string; at: string; score: number | null; exerciseScores: Array<number | null> }>): TrendRow[] {
  return points.map((point) => {
    const row: TrendRow = { runId: point.runId, at: point.at, score: point.score };
    for (const exercise of EXERCISE_NUMBERS) row[`e${exercise}`] = point.exerciseScores[exercise - 1] ?? null;
    return row;
  });
}
