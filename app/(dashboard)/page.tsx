import Link from "next/link";
import { Suspense } from "react";
import { AttentionList } from "@/components/scorecard/attention-list";
import { CollectionHealth } from "@/components/scorecard/collection-health";
import { GridSection } from "@/components/scorecard/grid-section";
import { OrgSummary } from "@/components/scorecard/org-summary";
import { ScorecardEmptyState } from "@/components/scorecard/scorecard-empty-states";
import { ScoringExplanation } from "@/components/scorecard/scoring-explanation";
import { TopProblems } from "@/components/scorecard/top-problems";
import { WidgetSkeleton } from "@/components/scorecard/widget-state";
import { buttonClass } from "@/components/ui/button-classes";
import { PageHeader } from "@/components/ui/page-header";
import { getActiveRun } from "@/lib/db/runs";
import { getOrgOverview } from "@/lib/db/organization";
import { gridUrlState, parseGridSearchParams, type RawSearchParams } from "@/lib/scorecard/search-params";
import { requirePage } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

const PATHNAME = "/";

export default async function ScorecardPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePage("browse");
  const query = parseGridSearchParams(await searchParams);
  const state = gridUrlState(query);
  const [overview, activeRun] = await Promise.all([getOrgOverview(), getActiveRun()]);
  const header = (
    <PageHeader
      title="Scorecard"
      description="How fit the IAM posture of every linked AWS account is, on the ten exercises of the Cloud Security Fitness Guide."
      actions={
        overview.accounts.assessed > 0 ? (
          <Link href="/changes" className={buttonClass("secondary")}>
            What changed this week
          </Link>
        ) : undefined
      }
    />
  );
  if (overview.accounts.assessed === 0) {
    return (
      <>
        {header}
        <ScorecardEmptyState linked={overview.accounts.linked} collecting={Boolean(activeRun)} />
      </>
    );
  }
  return (
    <>
      {header}
      <div className="space-y-6">
        <Suspense fallback={<WidgetSkeleton label="Loading the organization score…" rows={6} />}>
          <OrgSummary overview={overview} />
        </Suspense>
        <div className="grid gap-6 lg:grid-cols-3">
          <Suspense fallback={<WidgetSkeleton label="Loading the worst problems…" />}>
            <TopProblems />
          </Suspense>
          <Suspense fallback={<WidgetSkeleton label="Loading the accounts needing attention…" />}>
            <AttentionList />
          </Suspense>
          <Suspense fallback={<WidgetSkeleton label="Loading collection health…" />}>
            <CollectionHealth />
          </Suspense>
        </div>
        <Suspense key={JSON.stringify(state)} fallback={<WidgetSkeleton label="Loading the accounts grid…" rows={10} />}>
          <GridSection pathname={PATHNAME} query={query} state={state} />
        </Suspense>
        <ScoringExplanation />
      </div>
    </>
  );
}
