/**
 * The check catalogue as the scorecard pages show it: exercise titles and the checks of each,
 * from the registry (lib/checks/registry.ts), never copied. A stored finding may name a check the
 * registry no longer has (renamed or retired); it is then shown by its id.
 */
import { CHECKS, EXERCISES, getCheck } from "@/lib/checks/registry";
import type { ExerciseNumber, Severity } from "@/lib/checks/types";

export interface ExerciseInfo {
  number: ExerciseNumber;
  title: string;
  subtitle: string;
  shortTitle: string;
  summary: string;
}

export interface CheckInfo {
  id: string;
  exercise: ExerciseNumber;
  title: string;
  severity: Severity;
  cis: string[];
  why: string;
  /** False for a check id the registry does not know. */
  known: boolean;
}

export function exerciseInfo(exercise: ExerciseNumber): ExerciseInfo {
  const entry = EXERCISES.find((candidate) => candidate.number === exercise);
  if (!entry) return { number: exercise, title: `Exercise ${exercise}`, subtitle: "", shortTitle: `Exercise ${exercise}`, summary: "" };
  return { number: exercise, title: entry.title, subtitle: entry.subtitle, shortTitle: entry.shortTitle, summary: entry.summary };
}

/** "5. Least Privilege: … (Least privilege, unused identities, …)": the full name for hovers and screen readers. */
export function exerciseFullName(exercise: ExerciseNumber): string {
  const info = exerciseInfo(exercise);
  return info.subtitle ? `${exercise}. ${info.title} (${info.subtitle})` : `${exercise}. ${info.title}`;
}

export function checkInfo(checkId: string, fallbackExercise: ExerciseNumber = 1): CheckInfo {
  const check = getCheck(checkId);
  if (!check) return { id: checkId, exercise: fallbackExercise, title: checkId, severity: "medium", cis: [], why: "", known: false };
  return { id: check.id, exercise: check.exercise, title: check.title, severity: check.severity, cis: check.cis ?? [], why: check.why, known: true };
}

export function checksOfExercise(exercise: ExerciseNumber): CheckInfo[] {
  return CHECKS.filter((check) => check.exercise === exercise).map((check) => checkInfo(check.id));
}
