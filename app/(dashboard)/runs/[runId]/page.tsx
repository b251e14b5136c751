import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/runs/auto-refresh";
import { CancelButton } from "@/components/runs/cancel-button";
import { RunDescription } from "@/components/runs/run-description";
import { RunAccountsTable } from "@/components/runs/run-accounts-table";
import { RunSummaryCard } from "@/components/runs/run-summary-card";
import { FilterChips } from "@/components/ui/filter-chips";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { StatusBadge } from "@/components/ui/status-badge";
import { getRunAccountsPage } from "@/lib/db/run-page";
import { getRunSummary, isRemovedRunId } from "@/lib/db/runs";
import { env } from "@/lib/env";
import { planRetention, retentionSettingsFromEnv } from "@/lib/retention/policy";
import { RemovedRunNotice } from "@/components/runs/removed-run-notice";
import { parseRunAccountsParams, parseRunId, RUN_ACCOUNTS_PAGE_SIZE } from "../_lib/run-params";
import { cancelCollectionAction } from "../_actions/cancel";
import { requirePage } from "@/lib/auth/guards";
import { roleAllows } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ runId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { runId } = await params;
  return { title: parseRunId(runId) ? `Collection #${runId}` : "Collection" };
}

export default async function RunPage({ params, searchParams }: Props) {
  const user = await requirePage("browse");
  const runId = parseRunId((await params).runId);
  if (!runId) notFound();
  const run = await getRunSummary(runId);
  if (!run) {
    if (!(await isRemovedRunId(runId))) notFound();
    const { historyDays } = planRetention(retentionSettingsFromEnv(env()), new Date());
    return <RemovedRunNotice runId={runId} historyDays={historyDays} />;
  }
  const query = parseRunAccountsParams(await searchParams);
  const accounts = await getRunAccountsPage(runId, { ...query, pageSize: RUN_ACCOUNTS_PAGE_SIZE });
  const active = run.status === "queued" || run.status === "running";
  const mayCancel = active && roleAllows(user.role, "collect");
  const pathname = `/runs/${runId}`;
  const state = { status: query.filter };

  return (
    <>
      <AutoRefresh active={active} />
      <PageHeader
        eyebrow={<Link href="/runs">← Collections</Link>}
        title={
          <span className="flex flex-wrap items-center gap-3">
            Collection #{runId.toString()} <StatusBadge status={run.status} />
          </span>
        }
        description={<RunDescription run={run} active={active} />}
        actions={
          mayCancel ? (
            run.cancelRequestedAt ? (
              <StatusBadge status="cancelling" />
            ) : (
              <CancelButton action={cancelCollectionAction} runId={runId.toString()} label="Cancel collection" variant="danger" />
            )
          ) : undefined
        }
      />
      <RunSummaryCard run={run} counts={accounts.counts} />
      <section aria-label="Accounts in this collection" className="card mt-6 overflow-hidden">
        <div className="border-b border-zinc-200 p-3 dark:border-zinc-800">
          <FilterChips
            label="Filter accounts by outcome"
            param="status"
            pathname={pathname}
            state={state}
            chips={[
              { label: "All", value: undefined, count: accounts.counts.all },
              { label: "In progress", value: "active", count: accounts.counts.active },
              { label: "Failed", value: "failed", count: accounts.counts.failed },
              { label: "Partial", value: "partial", count: accounts.counts.partial },
              { label: "Succeeded", value: "succeeded", count: accounts.counts.succeeded },
              { label: "Cancelled or skipped", value: "other", count: accounts.counts.other },
            ]}
          />
        </div>
        {accounts.rows.length > 0 ? (
          <RunAccountsTable
            rows={accounts.rows}
            snapshotRetentionDays={env().IAMFIT_SNAPSHOT_RETENTION_DAYS}
            cancel={mayCancel ? { action: cancelCollectionAction, runId: runId.toString() } : undefined} />
        ) : (
          <p className="px-3 py-10 text-center text-sm muted">No accounts with this outcome.</p>
        )}
        <Pagination
          pathname={pathname}
          state={state}
          page={accounts.page}
          pageCount={accounts.pageCount}
          pageSize={accounts.pageSize}
          total={accounts.total}
          noun="accounts"
        />
      </section>
    </>
  );
}
