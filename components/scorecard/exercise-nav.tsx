import Link from "next/link";
import type { ExerciseNumber } from "@/lib/checks/types";
import { exerciseFullName, exerciseInfo } from "@/lib/scorecard/catalogue";
import { EXERCISE_NUMBERS } from "@/lib/scorecard/exercise-cards";
import { accountExerciseHref, exerciseHref } from "@/lib/scorecard/links";
import { scoreBand } from "@/lib/scorecard/score-scale";
import { BAND_CLASSES } from "./score-badge";

/**
 * The ten exercises for moving between drill-downs, each with its score and what it covers in
 * plain words, so "CloudTrail" or "security groups" can be found on the page (the guide's titles
 * do not name them).
 */
export function ExerciseNav({ current, scores, awsAccountId }: { current: ExerciseNumber; scores: Array<number | null>; awsAccountId?: string }) {
  return (
    <nav aria-label="Exercises" className="mb-6">
      <ol className="grid grid-cols-2 gap-1.5 sm:grid-cols-5">
        {EXERCISE_NUMBERS.map((exercise) => {
          const score = scores[exercise - 1] ?? null;
          const active = exercise === current;
          const info = exerciseInfo(exercise);
          return (
            <li key={exercise} className="min-w-0">
              <Link
                href={awsAccountId ? accountExerciseHref(awsAccountId, exercise) : exerciseHref(exercise)}
                aria-current={active ? "page" : undefined}
                title={`${exerciseFullName(exercise)}: ${score === null ? "not assessed" : score}`}
                className={`flex h-full flex-col rounded-md border px-2 py-1 text-xs no-underline hover:no-underline ${BAND_CLASSES[scoreBand(score)]} ${
                  active ? "ring-2 ring-indigo-500 ring-offset-1 dark:ring-offset-zinc-950" : "opacity-90 hover:opacity-100"
                }`}
              >
                <span className="flex items-baseline justify-between gap-1.5">
                  <span className="font-semibold">
                    {exercise}. {info.shortTitle}
                  </span>
                  <span className="tabular-nums">{score ?? "—"}</span>
                </span>
                <span className="hidden leading-snug sm:block">{info.subtitle}</span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
