import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { accountErrorsView } from "@/components/accounts/account-errors-view";
import { AccountCollectionsTable } from "@/components/accounts/account-collections-table";
import { AccountFailureNotice, AccountStatusCard, ApiErrorsSection, AuditRoleCard } from "@/components/accounts/account-overview";
import { CollectButton } from "@/components/accounts/collect-button";
import { RemoveAccountButton } from "@/components/accounts/remove-account-button";
import { TagList } from "@/components/accounts/tag-list";
import { TestConnectionPanel } from "@/components/accounts/test-connection-panel";
import { AccountScorecardSection } from "@/components/scorecard/account-scorecard-section";
import { WidgetSkeleton } from "@/components/scorecard/widget-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { ACCOUNT_ID_PATTERN } from "@/lib/accounts/link-input";
import { getAccountPage } from "@/lib/db/account-page";
import { env } from "@/lib/env";
import { removeAccountAction, testLinkedAccountConnectionAction } from "../_actions/account";
import { collectAccountsAction } from "../_actions/collect";
import { AccountScopeSection } from "./_components/account-scope-section";
import { requirePage } from "@/lib/auth/guards";
import { roleAllows, type Capability } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { accountId } = await params;
  return { title: ACCOUNT_ID_PATTERN.test(accountId) ? `Account ${accountId}` : "Account" };
}

export default async function AccountPage({ params, searchParams }: Props) {
  const user = await requirePage("browse");
  const can = (capability: Capability) => roleAllows(user.role, capability);
  const { accountId } = await params;
  if (!ACCOUNT_ID_PATTERN.test(accountId)) notFound();
  const data = await getAccountPage(accountId);
  if (!data) notFound();
  const justLinked = (await searchParams).linked === "1";
  const { account, activeCollection } = data;
  const errors = accountErrorsView(data);

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/accounts">← Accounts</Link>}
        title={account.name}
        description={
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <span className="font-mono text-zinc-800 dark:text-zinc-200">{account.awsAccountId}</span>
            <StatusBadge status={account.lastStatus} />
            {activeCollection ? <StatusBadge status={activeCollection.status === "queued" ? "queued" : "collecting"} /> : null}
            <TagList tags={account.tags} max={8} />
          </div>
        }
        actions={
          <>
            <Link href={`/accounts/${account.awsAccountId}/checklist`} className="self-center text-sm font-medium">Remediation checklist →</Link>
            <Link href={`/accounts/${account.awsAccountId}/compliance`} className="self-center text-sm font-medium">CIS benchmark →</Link>
            {can("collect") ? <CollectButton action={collectAccountsAction} accountId={account.awsAccountId} variant="primary" align="end" /> : null}
            {can("manageAccounts") ? <RemoveAccountButton action={removeAccountAction} accountId={account.awsAccountId} accountName={account.name} /> : null}
          </>
        }
      />

      {justLinked ? (
        <Notice tone="success" role="status" className="mb-4">
          Account linked. Its first collection has started; results appear here when it finishes.
        </Notice>
      ) : null}
      {activeCollection ? (
        <Notice tone="info" className="mb-4">
          Collection <Link href={`/runs/${activeCollection.runId}`}>#{activeCollection.runId.toString()}</Link> is{" "}
          {activeCollection.status === "queued" ? "queued" : "collecting this account"}
          {activeCollection.progressTotal > 0 ? ` (${activeCollection.progressDone} of ${activeCollection.progressTotal} steps)` : ""}.
        </Notice>
      ) : null}
      {errors.accountLevel ? <AccountFailureNotice failure={errors.accountLevel} /> : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <AccountStatusCard data={data} staleSince={errors.accountLevel ? errors.accountLevel.failedAt : null} />
        <AuditRoleCard data={data}>
          {can("manageAccounts") ? <TestConnectionPanel action={testLinkedAccountConnectionAction} accountId={account.awsAccountId} /> : null}
        </AuditRoleCard>
      </div>

      {errors.apiErrors ? (
        <div className="mt-6">
          <ApiErrorsSection apiErrors={errors.apiErrors} />
        </div>
      ) : null}

      {/*
        SCORECARD SLOT: the ten exercise cards for this account go here (scorecard engineer).
        They read findings as of data.account.lastEvaluatedRunId; keep them in their own component.
      */}
      <section id="exercises" aria-labelledby="exercises-heading" className="mt-6">
        <h2 id="exercises-heading" className="mb-3 text-lg font-semibold">
          Exercises
        </h2>
        <Suspense fallback={<WidgetSkeleton label="Loading the exercise cards…" rows={6} />}>
          <AccountScorecardSection awsAccountId={account.awsAccountId} />
        </Suspense>
      </section>

      <div className="mt-6">
        <AccountScopeSection awsAccountId={account.awsAccountId} editable={can("manageSettings")} />
      </div>

      <section aria-labelledby="collections-heading" className="mt-6 card overflow-hidden">
        <h2 id="collections-heading" className="border-b border-zinc-200 p-4 text-base font-semibold dark:border-zinc-800">
          Recent collections
        </h2>
        {data.recentCollections.length > 0 ? (
          <AccountCollectionsTable rows={data.recentCollections} snapshotRetentionDays={env().IAMFIT_SNAPSHOT_RETENTION_DAYS} />
        ) : (
          <p className="p-4 text-sm muted">This account has not been collected yet.</p>
        )}
      </section>
    </>
  );
}
