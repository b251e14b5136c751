import Link from "next/link";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { RelativeTime } from "@/components/ui/relative-time";
import { getOrgTrend, type OrgOverview } from "@/lib/db/organization";
import { exerciseInfo } from "@/lib/scorecard/catalogue";
import { EXERCISE_NUMBERS, trendRows } from "@/lib/scorecard/exercise-cards";
import { exerciseHref } from "@/lib/scorecard/links";
import { scoreBand, scoreChange } from "@/lib/scorecard/score-scale";
import { BAND_CLASSES, ScoreBadge, ScoreChange } from "./score-badge";
import { loadWidget } from "./widget-state";

/** The organization score, its change and trend, and the ten exercises across all accounts. */
export async function OrgSummary({ overview }: { overview: OrgOverview }) {
  return loadWidget(
    "The organization score trend",
    () => getOrgTrend(),
    (trend) => (
      <section aria-labelledby="org-score-heading" className="grid gap-4 lg:grid-cols-[minmax(0,20rem)_1fr]">
        <OrgScoreCard overview={overview} />
        <div className="card p-4">
          <h2 className="text-sm font-semibold">Organization score over time</h2>
          <ScoreTrendChart rows={trendRows(trend)} series={[{ key: "score", label: "Organization" }]} title="Organization score per run" height={180} />
        </div>
        <OrgExercises overview={overview} />
      </section>
    ),
  );
}

function OrgScoreCard({ overview }: { overview: OrgOverview }) {
  const latest = overview.latest;
  return (
    <div className="card p-4">
      <h2 id="org-score-heading" className="text-sm font-semibold">
        Organization score
      </h2>
      <div className="mt-2 flex flex-wrap items-baseline gap-3">
        <ScoreBadge score={latest?.score ?? null} size="lg" />
        <ScoreChange change={scoreChange(latest?.score, overview.previous?.score)} since="since the previous run" />
      </div>
      <dl className="mt-3 space-y-1 text-sm">
        <div className="flex justify-between gap-2">
          <dt className="muted">Accounts assessed</dt>
          <dd className="tabular-nums">
            {overview.accounts.assessed} of {overview.accounts.linked}
          </dd>
        </div>
        <div className="flex justify-between gap-2">
          <dt className="muted">Checks unknown</dt>
          <dd className="tabular-nums">
            {overview.unknownChecks > 0 ? (
              <>
                {overview.unknownChecks} in {overview.accountsWithUnknown} account{overview.accountsWithUnknown === 1 ? "" : "s"}
              </>
            ) : (
              "none"
            )}
          </dd>
        </div>
        <div className="flex justify-between gap-2">
          <dt className="muted">Scored</dt>
          <dd>{latest ? <RelativeTime date={latest.at} /> : "not yet"}</dd>
        </div>
      </dl>
      {overview.unknownChecks > 0 ? (
        <p className="mt-3 text-xs muted">Unknown checks could not be evaluated (access denied, throttled, region off). They never count as passes.</p>
      ) : null}
      <p className="mt-2 text-xs">
        <a href="#how-scores-work">How the scores are computed</a>
      </p>
    </div>
  );
}

function OrgExercises({ overview }: { overview: OrgOverview }) {
  const scores = overview.latest?.exerciseScores ?? [];
  return (
    <div className="card p-4 lg:col-span-2">
      <h2 className="text-sm font-semibold">The ten exercises across all accounts</h2>
      <ol className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-5">
        {EXERCISE_NUMBERS.map((exercise) => {
          const score = scores[exercise - 1] ?? null;
          const worst = overview.latest?.worst.find((entry) => entry.exercise === exercise);
          return (
            <li key={exercise}>
              <Link
                href={exerciseHref(exercise)}
                className={`flex h-full flex-col rounded-md border p-2 text-sm no-underline hover:no-underline hover:ring-2 hover:ring-indigo-400 ${BAND_CLASSES[scoreBand(score)]}`}
              >
                <span className="flex items-baseline justify-between gap-2">
                  <span className="font-medium">
                    {exercise}. {exerciseInfo(exercise).title}
                  </span>
                  <span className="text-lg font-semibold tabular-nums">{score ?? "—"}</span>
                </span>
                <span className="mt-0.5 text-xs leading-snug">{exerciseInfo(exercise).subtitle}</span>
                {worst ? (
                  <span className="mt-1 text-xs opacity-80">
                    Weakest: {worst.name} ({worst.score ?? "—"})
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
