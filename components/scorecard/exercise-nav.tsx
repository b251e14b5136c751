import Link from "next/link";
import type { ExerciseNumber } from "@/lib/checks/types";
import { exerciseInfo } from "@/lib/scorecard/catalogue";
import { EXERCISE_NUMBERS } from "@/lib/scorecard/exercise-cards";
import { accountExerciseHref, exerciseHref } from "@/lib/scorecard/links";
import { scoreBand } from "@/lib/scorecard/score-scale";
import { BAND_CLASSES } from "./score-badge";

/** The ten exercises as tabs, each with its score, for moving between drill-downs. */
export function ExerciseNav({ current, scores, awsAccountId }: { current: ExerciseNumber; scores: Array<number | null>; awsAccountId?: string }) {
  return (
    <nav aria-label="Exercises" className="mb-6">
      <ol className="flex flex-wrap gap-1.5">
        {EXERCISE_NUMBERS.map((exercise) => {
          const score = scores[exercise - 1] ?? null;
          const active = exercise === current;
          return (
            <li key={exercise}>
              <Link
                href={awsAccountId ? accountExerciseHref(awsAccountId, exercise) : exerciseHref(exercise)}
                aria-current={active ? "page" : undefined}
                title={`${exercise}. ${exerciseInfo(exercise).title}: ${score === null ? "not assessed" : score}`}
                className={`inline-flex items-baseline gap-1.5 rounded-md border px-2 py-1 text-xs no-underline hover:no-underline ${BAND_CLASSES[scoreBand(score)]} ${
                  active ? "ring-2 ring-indigo-500 ring-offset-1 dark:ring-offset-zinc-950" : "opacity-90 hover:opacity-100"
                }`}
              >
                <span className="font-semibold">{exercise}</span>
                <span className="tabular-nums">{score ?? "—"}</span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
