/**
 * How findings become scores (CHECKS.md "Scoring"). Pure: findings and the catalogue in, scores
 * out. Every level keeps its unrounded ratio; only the 0–100 score shown is rounded, at the end.
 */
import type { CheckDefinition, ExerciseNumber, Finding, Severity } from "@/lib/checks/types";

/**
 * A critical finding counts four times a low one: a public bucket should move the score more
 * than a missing scaling policy. Linear weights keep the arithmetic explainable in one sentence.
 */
export const SEVERITY_WEIGHTS: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export const EXERCISE_NUMBERS: ExerciseNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export interface ScoreCounts {
  passed: number;
  failed: number;
  unknown: number;
  notApplicable: number;
  /** Checks with at least one unknown finding: the score rests on incomplete data there. */
  unknownChecks: number;
}

export interface CheckScore extends ScoreCounts {
  checkId: string;
  exercise: ExerciseNumber;
  severity: Severity;
  /** 0–100, or null when nothing passed or failed (only unknown or not applicable, or no findings). */
  score: number | null;
  /** The unrounded share of passing weight, 0–1. */
  ratio: number | null;
}

export interface ExerciseScore extends ScoreCounts {
  exercise: ExerciseNumber;
  score: number | null;
  ratio: number | null;
  checks: CheckScore[];
}

export interface AccountScore extends ScoreCounts {
  score: number | null;
  ratio: number | null;
  /** Ten entries in exercise order. */
  exercises: ExerciseScore[];
  /** Ten entries in exercise order, the rounded exercise scores (null where unassessed). */
  exerciseScores: Array<number | null>;
}

const toScore = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 100));

function emptyCounts(): ScoreCounts {
  return { passed: 0, failed: 0, unknown: 0, notApplicable: 0, unknownChecks: 0 };
}

function addCounts(target: ScoreCounts, source: ScoreCounts): void {
  target.passed += source.passed;
  target.failed += source.failed;
  target.unknown += source.unknown;
  target.notApplicable += source.notApplicable;
  target.unknownChecks += source.unknownChecks;
}

function weightedMean(items: Array<{ ratio: number | null; weight: number }>): number | null {
  const scored = items.filter((item): item is { ratio: number; weight: number } => item.ratio !== null && item.weight > 0);
  const totalWeight = scored.reduce((sum, item) => sum + item.weight, 0);
  return totalWeight === 0 ? null : scored.reduce((sum, item) => sum + item.ratio * item.weight, 0) / totalWeight;
}

export function scoreCheck(check: Pick<CheckDefinition, "id" | "exercise" | "severity">, findings: Finding[]): CheckScore {
  const counts = emptyCounts();
  let passWeight = 0;
  let judgedWeight = 0;
  for (const finding of findings) {
    const weight = SEVERITY_WEIGHTS[finding.severity];
    if (finding.status === "pass") {
      counts.passed += 1;
      passWeight += weight;
      judgedWeight += weight;
    } else if (finding.status === "fail") {
      counts.failed += 1;
      judgedWeight += weight;
    } else if (finding.status === "unknown") counts.unknown += 1;
    else counts.notApplicable += 1;
  }
  counts.unknownChecks = counts.unknown > 0 ? 1 : 0;
  const ratio = judgedWeight > 0 ? passWeight / judgedWeight : null;
  return { checkId: check.id, exercise: check.exercise, severity: check.severity, ...counts, ratio, score: toScore(ratio) };
}

/** The catalogue entries for findings whose check is not in `checks` (e.g. a retired check still in storage). */
function impliedChecks(findings: Finding[], known: Set<string>): Array<Pick<CheckDefinition, "id" | "exercise" | "severity">> {
  const implied = new Map<string, Pick<CheckDefinition, "id" | "exercise" | "severity">>();
  for (const finding of findings) {
    if (known.has(finding.checkId) || implied.has(finding.checkId)) continue;
    implied.set(finding.checkId, { id: finding.checkId, exercise: finding.exercise, severity: finding.severity });
  }
  return [...implied.values()];
}

export function scoreFindings(findings: Finding[], checks: Array<Pick<CheckDefinition, "id" | "exercise" | "severity">>): AccountScore {
  const byCheck = new Map<string, Finding[]>();
  for (const finding of findings) byCheck.set(finding.checkId, [...(byCheck.get(finding.checkId) ?? []), finding]);
  const catalogue = [...checks, ...impliedChecks(findings, new Set(checks.map((check) => check.id)))];
  const checkScores = catalogue.map((check) => scoreCheck(check, byCheck.get(check.id) ?? []));

  const exercises = EXERCISE_NUMBERS.map((exercise): ExerciseScore => {
    const inExercise = checkScores.filter((check) => check.exercise === exercise);
    const counts = emptyCounts();
    for (const check of inExercise) addCounts(counts, check);
    const ratio = weightedMean(inExercise.map((check) => ({ ratio: check.ratio, weight: SEVERITY_WEIGHTS[check.severity] })));
    return { exercise, ...counts, ratio, score: toScore(ratio), checks: inExercise };
  });

  const counts = emptyCounts();
  for (const exercise of exercises) addCounts(counts, exercise);
  const ratio = weightedMean(exercises.map((exercise) => ({ ratio: exercise.ratio, weight: 1 })));
  return { ...counts, ratio, score: toScore(ratio), exercises, exerciseScores: exercises.map((exercise) => exercise.score) };
}
