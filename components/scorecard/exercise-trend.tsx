import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import type { ExerciseNumber } from "@/lib/checks/types";
import { getOrgTrend } from "@/lib/db/organization";
import { trendRows } from "@/lib/scorecard/exercise-cards";
import { loadWidget } from "./widget-state";

/** One exercise's organization-wide score over the runs, beside the organization score. */
export async function ExerciseTrend({ exercise }: { exercise: ExerciseNumber }) {
  return loadWidget("This exercise's trend", () => getOrgTrend(), (trend) => (
    <section aria-labelledby="exercise-trend-heading" className="card p-4">
      <h2 id="exercise-trend-heading" className="text-base font-semibold">
        Over time, across all accounts
      </h2>
      <ScoreTrendChart
        rows={trendRows(trend)}
        series={[
          { key: `e${exercise}`, label: `Exercise ${exercise}` },
          { key: "score", label: "Organization" },
        ]}
        title={`Exercise ${exercise} and organization score per run`}
        height={200}
      />
    </section>
  ));
}
