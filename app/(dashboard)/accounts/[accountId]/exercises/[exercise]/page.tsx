import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { FindingsSection } from "@/components/findings/findings-section";
import { CheckSummaryTable } from "@/components/scorecard/check-summary-table";
import { ExerciseDescription } from "@/components/scorecard/exercise-description";
import { ExerciseNav } from "@/components/scorecard/exercise-nav";
import { ScoreBadge, ScoreChange } from "@/components/scorecard/score-badge";
import { WidgetSkeleton } from "@/components/scorecard/widget-state";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { getAccountScorecard } from "@/lib/db/account-scorecard";
import { checksOfExercise, exerciseInfo } from "@/lib/scorecard/catalogue";
import { checkSummaryRows, storedCheckCounts } from "@/lib/scorecard/check-summary";
import { exerciseCards, exerciseCheckScores } from "@/lib/scorecard/exercise-cards";
import { accountExerciseHref, accountHref, exerciseHref } from "@/lib/scorecard/links";
import { zeroedExerciseReason, zeroedExerciseSentence } from "@/lib/scorecard/zeroed-exercise";
import { findingsUrlState, parseAccountParam, parseExerciseParam, parseFindingsSearchParams, type RawSearchParams } from "@/lib/scorecard/search-params";
import { requirePage } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ accountId: string; exercise: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { accountId, exercise } = await params;
  const number = parseExerciseParam(exercise);
  return { title: number ? `${exerciseInfo(number).title} · ${accountId}` : "Exercise" };
}

export default async function AccountExercisePage({ params, searchParams }: Props) {
  await requirePage("browse");
  const route = await params;
  const awsAccountId = parseAccountParam(route.accountId);
  const exercise = parseExerciseParam(route.exercise);
  if (!awsAccountId || !exercise) notFound();
  const query = parseFindingsSearchParams(await searchParams, { account: awsAccountId, exercise });
  const scorecard = await getAccountScorecard(awsAccountId, query.asOfRunId);
  if (!scorecard) notFound();
  const info = exerciseInfo(exercise);
  const pathname = accountExerciseHref(awsAccountId, exercise);
  const state = findingsUrlState(query, { account: true, exercise: true });
  const { account, current, previous } = scorecard;
  const card = exerciseCards(current, previous)[exercise - 1]!;
  const header = (
    <PageHeader
      eyebrow={
        <>
          <Link href={accountHref(awsAccountId)}>← {account.name}</Link>
          <span className="mx-2" aria-hidden="true">
            ·
          </span>
          <Link href={exerciseHref(exercise)}>This exercise across all accounts</Link>
        </>
      }
      title={`${exercise}. ${info.title}`}
      description={<ExerciseDescription info={info} />}
      actions={
        current ? (
          <div className="flex flex-col items-end gap-1">
            <ScoreBadge score={card.score} unknownChecks={card.unknownChecks} size="lg" />
            <ScoreChange change={card.change} />
          </div>
        ) : undefined
      }
    />
  );
  if (!current) {
    return (
      <>
        {header}
        <EmptyState title="Not assessed yet">
          {account.name} has no evaluation yet{account.lastError?.code ? `: its last collection failed with ${account.lastError.code}` : ""}. Its checks appear here after
          its first successful collection.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <ExerciseNav current={exercise} scores={current.exerciseScores} awsAccountId={awsAccountId} />
      {query.asOfRunId !== undefined ? (
        <Notice tone="info" className="mb-4">
          Showing this account as of run #{query.asOfRunId.toString()} (evaluated <RelativeTime date={current.collectedAt} />).{" "}
          <Link href={pathname}>Show the current state</Link>
        </Notice>
      ) : null}
      {card.zeroed ? (
        <Notice tone="warning" className="mb-4" title={zeroedExerciseSentence(card.zeroed)}>
          {zeroedExerciseReason(card.zeroed)}
        </Notice>
      ) : null}
      <div className="space-y-6">
        <CheckSummaryTable
          rows={checkSummaryRows(exercise, storedCheckCounts(exerciseCheckScores(current.detail, exercise)))}
          pathname={pathname}
          state={state}
          mode="account"
        />
        <Suspense key={JSON.stringify(state)} fallback={<WidgetSkeleton label="Loading findings…" rows={8} />}>
          <FindingsSection
            title={query.statuses.length === 1 && query.statuses[0] === "fail" ? "Failing resources" : "Findings"}
            query={query}
            pathname={pathname}
            state={state}
            checks={checksOfExercise(exercise)}
            exportPathname={`${pathname}/export`}
            options={{ showAccount: false, showCheck: true }}
          />
        </Suspense>
      </div>
    </>
  );
}
