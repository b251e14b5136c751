import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CurrentFindings, PastFindings, ResourceFactsView } from "@/components/findings/resource-history";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { getScorecardAccount } from "@/lib/db/account-scorecard";
import { getAccountSnapshot } from "@/lib/collect/stored-snapshot";
import { getEvidence, getResourceHistory } from "@/lib/db/findings";
import { env } from "@/lib/env";
import { planRetention, retentionSettingsFromEnv } from "@/lib/retention/policy";
import { accountHref, resourceHref } from "@/lib/scorecard/links";
import { baseResourceId, resourceFacts } from "@/lib/scorecard/resource-facts";
import { parseAccountParam, parseResourceSearchParams, type RawSearchParams } from "@/lib/scorecard/search-params";
import { requirePage } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Resource" };

type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<RawSearchParams> };

/** Everything iamfit knows about one resource (`?id=<ARN or id>`), across checks and runs. */
export default async function ResourcePage({ params, searchParams }: Props) {
  await requirePage("browse");
  const awsAccountId = parseAccountParam((await params).accountId);
  const { resourceId } = parseResourceSearchParams(await searchParams);
  if (!awsAccountId) notFound();
  const account = await getScorecardAccount(awsAccountId);
  if (!account) notFound();
  const back = <Link href={accountHref(awsAccountId)}>← {account.name}</Link>;
  if (!resourceId) {
    return (
      <>
        <PageHeader eyebrow={back} title="Resource" />
        <EmptyState title="No resource chosen">Open a resource from a finding on an exercise page; its id travels in the address as ?id=….</EmptyState>
      </>
    );
  }
  const [history, snapshot] = await Promise.all([getResourceHistory(awsAccountId, resourceId), getAccountSnapshot(account)]);
  const current = history.intervals.filter((row) => row.closedRunId === null);
  const past = history.intervals.filter((row) => row.closedRunId !== null);
  const evidence = await getEvidence(current);
  const facts = snapshot ? resourceFacts(snapshot, resourceId) : [];
  const own = history.intervals.find((row) => row.resourceId === resourceId) ?? history.intervals[0];
  const base = baseResourceId(resourceId);
  if (history.intervals.length === 0 && facts.length === 0) {
    return (
      <>
        <PageHeader eyebrow={back} title="Unknown resource" description={<code className="break-all">{resourceId}</code>} />
        <EmptyState title="iamfit knows nothing about this resource">No check has judged it in {account.name}, and the last snapshot does not mention it.</EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader
        eyebrow={back}
        title={own?.resourceName ?? base}
        description={
          <div className="space-y-1">
            <code className="block text-xs break-all text-zinc-800 dark:text-zinc-200">{resourceId}</code>
            <span>
              {own ? own.resourceType.replace(/_/g, " ") : "resource"}
              {own?.region ? ` in ${own.region}` : ""} · account {account.name} ({awsAccountId})
            </span>
            {base !== resourceId ? (
              <div>
                Part of <Link href={resourceHref(awsAccountId, base)}>{base}</Link>
              </div>
            ) : null}
          </div>
        }
      />
      {history.truncated ? (
        <Notice tone="warning" className="mb-4">
          This resource has more than 500 recorded results; the oldest are not shown.
        </Notice>
      ) : null}
      <div className="space-y-6">
        <section aria-labelledby="current-heading" className="card overflow-hidden">
          <h2 id="current-heading" className="border-b border-zinc-200 p-4 text-base font-semibold dark:border-zinc-800">
            Now ({current.length} check{current.length === 1 ? "" : "s"})
          </h2>
          <CurrentFindings rows={current} evidence={evidence} resourceId={resourceId} />
        </section>
        <section aria-labelledby="facts-heading" className="card overflow-hidden">
          <h2 id="facts-heading" className="border-b border-zinc-200 p-4 text-base font-semibold dark:border-zinc-800">
            What AWS reported{snapshot ? <> (collected <RelativeTime date={snapshot.collectedAt} />)</> : null}
          </h2>
          {snapshot ? <ResourceFactsView facts={facts} /> : <p className="p-4 text-sm muted">No snapshot of this account is stored.</p>}
        </section>
        <section aria-labelledby="history-heading" className="card overflow-hidden">
          <h2 id="history-heading" className="border-b border-zinc-200 p-4 text-base font-semibold dark:border-zinc-800">
            History
          </h2>
          <PastFindings rows={past} historyDays={planRetention(retentionSettingsFromEnv(env()), new Date()).historyDays} />
        </section>
      </div>
    </>
  );
}
