import Link from "next/link";
import { ScoreTrendChart, type TrendSeries } from "@/components/charts/score-trend-chart";
import { RelativeTime } from "@/components/ui/relative-time";
import { getAccountScorecard, getAccountTrend, getOpenFailureCounts } from "@/lib/db/account-scorecard";
import { getAccountSnapshot } from "@/lib/collect/stored-snapshot";
import { EXERCISE_NUMBERS, exerciseCards, trendRows } from "@/lib/scorecard/exercise-cards";
import { NO_FAILURES } from "@/lib/scorecard/failure-counts";
import { computeKeyFigures } from "@/lib/scorecard/key-figures";
import { changesHref } from "@/lib/scorecard/links";
import { scoreChange } from "@/lib/scorecard/score-scale";
import { ExerciseCards } from "./exercise-cards";
import { FailureCountChips } from "./failure-counts";
import { KeyFiguresPanel } from "./key-figures-panel";
import { ScoreBadge, ScoreChange } from "./score-badge";
import { loadWidget } from "./widget-state";

const TREND_SERIES: TrendSeries[] = [{ key: "score", label: "Account" }, ...EXERCISE_NUMBERS.map((exercise) => ({ key: `e${exercise}` as const, label: `Ex. ${exercise}` }))];

/** The account page's scorecard: score, the ten exercise cards, key figures and the trend. */
export async function AccountScorecardSection({ awsAccountId }: { awsAccountId: string }) {
  return loadWidget(
    "This account's scorecard",
    async () => {
      const scorecard = await getAccountScorecard(awsAccountId);
      if (!scorecard?.current) return { scorecard, trend: [], snapshot: undefined, failures: NO_FAILURES };
      const [trend, snapshot, failures] = await Promise.all([
        getAccountTrend(scorecard.account.id),
        getAccountSnapshot(scorecard.account),
        getOpenFailureCounts(scorecard.account.id),
      ]);
      return { scorecard, trend, snapshot, failures };
    },
    ({ scorecard, trend, snapshot, failures }) => {
      if (!scorecard?.current) {
        return <div className="card border-dashed p-6 text-center text-sm muted">Not assessed yet: the ten exercise cards appear after this account&apos;s first successful collection.</div>;
      }
      const { current, previous } = scorecard;
      return (
        <div className="space-y-4">
          <div className="flex flex-wrap items-baseline gap-3">
            <ScoreBadge score={current.score} unknownChecks={current.unknownChecks} size="lg" />
            <ScoreChange change={scoreChange(current.score, previous?.score)} />
            <span className="inline-flex items-center gap-1.5 text-xs">
              <span className="muted">Open failures, critical to low:</span>
              <FailureCountChips counts={failures} label="This account" />
            </span>
            <span className="text-xs muted">
              Evaluated <RelativeTime date={current.collectedAt} /> (run #{current.runId}): {current.failed} failing, {current.passed} passing, {current.unknown} unknown.
            </span>
            <Link href={changesHref({ account: awsAccountId })} className="text-xs">
              What changed in this account →
            </Link>
          </div>
          <ExerciseCards awsAccountId={awsAccountId} cards={exerciseCards(current, previous)} />
          {snapshot ? <KeyFiguresPanel figures={computeKeyFigures(snapshot)} collectedAt={snapshot.collectedAt} /> : null}
          <div className="card p-4">
            <h3 className="text-sm font-semibold">Score over time</h3>
            <ScoreTrendChart rows={trendRows(trend)} series={TREND_SERIES} title="Account and exercise scores per run" height={260} />
          </div>
        </div>
      );
    },
  );
}
