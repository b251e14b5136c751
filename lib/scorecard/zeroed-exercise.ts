/**
 * Why an exercise scores 0. An exercise's score is the severity-weighted average of the checks
 * that judged something (lib/scoring/score.ts), so when every other check had nothing to judge
 * (unknown or not applicable), one failing check decides the whole exercise. A security lead
 * sees a 0 and should read which check set it, not work it out from the formula.
 */
import type { ExerciseNumber } from "@/lib/checks/types";
import type { StoredCheckScore } from "@/lib/scoring/stored-score";
import { checkInfo } from "./catalogue";

export type ZeroedExercise =
  /** The only check that judged anything, and it failed everywhere it looked. */
  | { kind: "one-check"; checkId: string; title: string; failed: number; unjudgedChecks: number }
  /** Several checks judged, every one of them failed everywhere it looked. */
  | { kind: "every-check"; checks: Array<{ checkId: string; title: string }> };

type CheckCounts = Pick<StoredCheckScore, "checkId" | "exercise" | "passed" | "failed">;

/** Null unless the exercise scores 0 with nothing passing in the checks that judged it. */
export function explainZeroedExercise(score: number | null, checks: CheckCounts[]): ZeroedExercise | null {
  if (score !== 0) return null;
  const judged = checks.filter((check) => check.passed + check.failed > 0);
  // A rounded 0 with a pass somewhere (one pass among hundreds of failures) is not "set by one check".
  if (judged.length === 0 || judged.some((check) => check.passed > 0)) return null;
  const named = judged.map((check) => ({ checkId: check.checkId, title: checkInfo(check.checkId, check.exercise as ExerciseNumber).title }));
  if (judged.length === 1) {
    const [only] = judged;
    return { kind: "one-check", checkId: only!.checkId, title: named[0]!.title, failed: only!.failed, unjudgedChecks: checks.length - 1 };
  }
  return { kind: "every-check", checks: named };
}

/** The sentence a card and an exercise page show. */
export function zeroedExerciseSentence(zeroed: ZeroedExercise): string {
  if (zeroed.kind === "one-check") return `One failing check sets this exercise to 0: ${zeroed.title}.`;
  return `Every check that could be judged fails, which sets this exercise to 0: ${zeroed.checks.map((check) => check.title).join("; ")}.`;
}

/** The longer reason, for the exercise page under the sentence. */
export function zeroedExerciseReason(zeroed: ZeroedExercise): string {
  if (zeroed.kind === "every-check") {
    return "An exercise's score is the average of its checks' scores; each of these checks failed on every resource it judged, so none contributes anything.";
  }
  const failing = `It failed on ${zeroed.failed === 1 ? "the one resource" : `all ${zeroed.failed} resources`} it judged`;
  if (zeroed.unjudgedChecks === 0) return `${failing}, and it is the only check of this exercise.`;
  const others = zeroed.unjudgedChecks === 1 ? "the other check" : `the other ${zeroed.unjudgedChecks} checks`;
  return `${failing}, and ${others} had nothing to judge here (unknown or not applicable), so this check alone decides the exercise. Fixing it raises the score.`;
}
