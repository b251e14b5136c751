import Link from "next/link";
import type { ExerciseNumber } from "@/lib/checks/types";
import { listScorecardGrid } from "@/lib/db/scorecard";
import { accountExerciseHref } from "@/lib/scorecard/links";
import { parseGridSearchParams } from "@/lib/scorecard/search-params";
import { ScoreBadge } from "./score-badge";
import { loadWidget } from "./widget-state";

/** The accounts weakest on one exercise, with a link to the full grid sorted by it. */
export async function ExerciseRanking({ exercise }: { exercise: ExerciseNumber }) {
  const query = parseGridSearchParams({ sort: `e${exercise}`, size: "25" });
  return loadWidget("The accounts on this exercise", () => listScorecardGrid(query), (page) => {
    const assessed = page.rows.filter((row) => row.runId !== null);
    const weak = assessed.filter((row) => (row.exerciseScores[exercise - 1] ?? 100) < 100).slice(0, 10);
    return (
      <section aria-labelledby="ranking-heading" className="card p-4">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id="ranking-heading" className="text-base font-semibold">
            Weakest accounts on this exercise
          </h2>
          <Link href={`/?sort=e${exercise}`} className="text-xs">
            All accounts →
          </Link>
        </div>
        {assessed.length === 0 ? (
          <p className="mt-2 text-sm muted">No account has been assessed yet.</p>
        ) : weak.length === 0 ? (
          <p className="mt-2 text-sm muted">Every assessed account scores 100 on this exercise.</p>
        ) : (
          <ol className="mt-3 flex flex-wrap gap-2">
            {weak.map((row) => (
              <li key={row.accountId}>
                <Link
                  href={accountExerciseHref(row.awsAccountId, exercise)}
                  className="inline-flex items-center gap-2 rounded-md border border-zinc-200 px-2 py-1 text-sm no-underline hover:no-underline hover:ring-2 hover:ring-indigo-400 dark:border-zinc-700"
                >
                  <span className="break-words text-zinc-900 dark:text-zinc-100">{row.name}</span>
                  <ScoreBadge score={row.exerciseScores[exercise - 1] ?? null} unknownChecks={row.exerciseUnknownChecks[exercise - 1] ?? 0} size="sm" />
                </Link>
              </li>
            ))}
          </ol>
        )}
      </section>
    );
  });
}
