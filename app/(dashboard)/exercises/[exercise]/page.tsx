import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { FindingsSection } from "@/components/findings/findings-section";
import { CheckSummaryTable } from "@/components/scorecard/check-summary-table";
import { ExerciseDescription } from "@/components/scorecard/exercise-description";
import { ExerciseNav } from "@/components/scorecard/exercise-nav";
import { ExerciseRanking } from "@/components/scorecard/exercise-ranking";
import { ExerciseTrend } from "@/components/scorecard/exercise-trend";
import { ScoreBadge, ScoreChange } from "@/components/scorecard/score-badge";
import { WidgetSkeleton } from "@/components/scorecard/widget-state";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { summarizeExerciseChecks } from "@/lib/db/findings";
import { getOrgOverview } from "@/lib/db/organization";
import { checksOfExercise, exerciseInfo } from "@/lib/scorecard/catalogue";
import { checkSummaryRows } from "@/lib/scorecard/check-summary";
import { exerciseHref } from "@/lib/scorecard/links";
import { scoreChange } from "@/lib/scorecard/score-scale";
import { findingsUrlState, parseExerciseParam, parseFindingsSearchParams, type RawSearchParams } from "@/lib/scorecard/search-params";
import { requirePage } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ exercise: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const exercise = parseExerciseParam((await params).exercise);
  return { title: exercise ? `${exercise}. ${exerciseInfo(exercise).title}` : "Exercise" };
}

export default async function ExercisePage({ params, searchParams }: Props) {
  await requirePage("browse");
  const exercise = parseExerciseParam((await params).exercise);
  if (!exercise) notFound();
  const query = parseFindingsSearchParams(await searchParams, { exercise });
  const pathname = exerciseHref(exercise);
  const state = findingsUrlState(query, { exercise: true });
  const info = exerciseInfo(exercise);
  const [overview, counts] = await Promise.all([getOrgOverview(), summarizeExerciseChecks(exercise)]);
  const score = overview.latest?.exerciseScores[exercise - 1] ?? null;
  const header = (
    <PageHeader
      eyebrow={<Link href="/">← Scorecard</Link>}
      title={`${exercise}. ${info.title}`}
      description={<ExerciseDescription info={info} scope={`Across all ${overview.accounts.assessed} assessed accounts.`} />}
      actions={
        <div className="flex flex-col items-end gap-1">
          <ScoreBadge score={score} size="lg" />
          <ScoreChange change={scoreChange(score, overview.previous?.exerciseScores[exercise - 1])} since="since the previous run" />
        </div>
      }
    />
  );
  if (overview.accounts.assessed === 0) {
    return (
      <>
        {header}
        <EmptyState title="Not assessed yet">No account has been evaluated yet. This exercise fills in after the first successful collection.</EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <ExerciseNav current={exercise} scores={overview.latest?.exerciseScores ?? []} />
      <div className="space-y-6">
        <CheckSummaryTable rows={checkSummaryRows(exercise, counts)} pathname={pathname} state={state} mode="organization" />
        <div className="grid gap-6 lg:grid-cols-2">
          <Suspense fallback={<WidgetSkeleton label="Loading the weakest accounts…" rows={2} />}>
            <ExerciseRanking exercise={exercise} />
          </Suspense>
          <Suspense fallback={<WidgetSkeleton label="Loading the trend…" rows={4} />}>
            <ExerciseTrend exercise={exercise} />
          </Suspense>
        </div>
        <Suspense key={JSON.stringify(state)} fallback={<WidgetSkeleton label="Loading findings…" rows={8} />}>
          <FindingsSection
            title={query.statuses.length === 1 && query.statuses[0] === "fail" ? "Failing resources in all accounts" : "Findings in all accounts"}
            query={query}
            pathname={pathname}
            state={state}
            checks={checksOfExercise(exercise)}
            exportPathname={`${pathname}/export`}
            options={{ showAccount: true, showCheck: true }}
          />
        </Suspense>
      </div>
    </>
  );
}
