import Link from "next/link";
import { exerciseInfo } from "@/lib/scorecard/catalogue";
import type { ExerciseCardView } from "@/lib/scorecard/exercise-cards";
import { accountExerciseHref } from "@/lib/scorecard/links";
import { scoreBand } from "@/lib/scorecard/score-scale";
import { zeroedExerciseSentence } from "@/lib/scorecard/zeroed-exercise";
import { ScoreBadge, ScoreChange } from "./score-badge";

const BAND_EDGE: Record<ReturnType<typeof scoreBand>, string> = {
  low: "border-l-red-500",
  medium: "border-l-amber-500",
  high: "border-l-emerald-500",
  none: "border-l-zinc-400",
};

/** The ten exercise cards of one account, each opening its drill-down. */
export function ExerciseCards({ awsAccountId, cards }: { awsAccountId: string; cards: ExerciseCardView[] }) {
  return (
    <ol className="grid gap-3 sm:grid-cols-2 xl:grid-cols-5">
      {cards.map((card) => (
        <li key={card.exercise}>
          <Link
            href={accountExerciseHref(awsAccountId, card.exercise)}
            className={`card flex h-full flex-col border-l-4 p-3 text-zinc-900 no-underline hover:no-underline hover:ring-2 hover:ring-indigo-400 dark:text-zinc-100 ${BAND_EDGE[scoreBand(card.score)]}`}
          >
            <span className="text-xs font-medium muted">Exercise {card.exercise}</span>
            <span className="mt-0.5 text-sm leading-snug font-semibold">{exerciseInfo(card.exercise).title}</span>
            <span className="mt-0.5 text-xs leading-snug muted">{exerciseInfo(card.exercise).subtitle}</span>
            <span className="mt-auto pt-3">
              <ScoreBadge score={card.score} unknownChecks={card.unknownChecks} />
            </span>
            <span className="mt-1 flex flex-wrap items-baseline justify-between gap-x-2 text-xs">
              <span className={card.failed > 0 ? "font-medium text-red-700 dark:text-red-400" : "muted"}>
                {card.score === null ? "not assessed" : card.failed > 0 ? `${card.failed} failing` : "no failing resources"}
              </span>
              {card.change ? <ScoreChange change={card.change} since="" /> : null}
            </span>
            {card.zeroed ? <span className="mt-1 text-xs leading-snug text-red-800 dark:text-red-300">{zeroedExerciseSentence(card.zeroed)}</span> : null}
          </Link>
        </li>
      ))}
    </ol>
  );
}
