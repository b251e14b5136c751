import type { Metadata } from "next";
import Link from "next/link";
import { ChangesSummary } from "@/components/findings/changes-summary";
import { ChangesTable } from "@/components/findings/changes-table";
import { ChangesWindowForm } from "@/components/findings/changes-window-form";
import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith } from "@/components/ui/href";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { formatUtc } from "@/components/ui/relative-time";
import { listChanges, listComparableRuns, resolveChangeWindow, summarizeChanges } from "@/lib/db/changes";
import { exerciseInfo } from "@/lib/scorecard/catalogue";
import { changesUrlState, parseChangesSearchParams, type RawSearchParams } from "@/lib/scorecard/search-params";
import { requirePage } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Changes" };

const PATHNAME = "/changes";

export default async function ChangesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePage("browse");
  const query = parseChangesSearchParams(await searchParams);
  const state = changesUrlState(query);
  const [window, runs] = await Promise.all([resolveChangeWindow(query, new Date()), listComparableRuns(100)]);
  const header = (
    <PageHeader
      eyebrow={<Link href="/">← Scorecard</Link>}
      title="Changes"
      description="What got worse and what got fixed between two runs: a failing result that is new, and a failure that now passes or is gone. Unknown results are never counted as fixed."
    />
  );
  if (!window.from || !window.to) {
    return (
      <>
        {header}
        <EmptyState title="Nothing to compare yet">Changes appear once there are two collections to compare. Collect again later, or wait for the schedule.</EmptyState>
      </>
    );
  }
  const [summary, changes] = await Promise.all([summarizeChanges(window, query), listChanges(window, query)]);
  const scope = [query.account ? `account ${query.account}` : "all accounts", query.exercise ? `exercise ${query.exercise}, ${exerciseInfo(query.exercise).title}` : null]
    .filter(Boolean)
    .join(", ");
  return (
    <>
      {header}
      <div className="space-y-6">
        <section aria-label="What to compare" className="card overflow-hidden">
          <ChangesWindowForm query={query} runs={runs} pathname={PATHNAME} />
          <p className="p-3 text-sm">
            Comparing run <strong>#{window.from.runId}</strong> ({formatUtc(new Date(window.from.at))}) with run <strong>#{window.to.runId}</strong> (
            {formatUtc(new Date(window.to.at))}) for {scope}.
          </p>
        </section>
        {window.clamped ? (
          <Notice tone="info">No run is {query.days} days old yet, so this compares with the first run.</Notice>
        ) : null}
        {summary.newlyAssessed > 0 ? (
          <Notice tone="info">
            {summary.newlyAssessed} account{summary.newlyAssessed === 1 ? " was" : "s were"} assessed for the first time in this window and {summary.newlyAssessed === 1 ? "is" : "are"} not
            compared: everything in {summary.newlyAssessed === 1 ? "it" : "them"} would read as new.
          </Notice>
        ) : null}
        <ChangesSummary summary={summary} pathname={PATHNAME} state={state} showAccounts={!query.account} />
        <section aria-labelledby="changes-list-heading" className="card overflow-hidden">
          <h2 id="changes-list-heading" className="sr-only">
            {query.kind === "worse" ? "What got worse" : "What got fixed"}
          </h2>
          <nav aria-label="Kind of change" className="flex gap-1 border-b border-zinc-200 p-2 dark:border-zinc-800">
            {(["worse", "fixed"] as const).map((kind) => (
              <Link
                key={kind}
                href={hrefWith(PATHNAME, state, { kind: kind === "worse" ? undefined : kind, page: undefined })}
                aria-current={query.kind === kind ? "page" : undefined}
                className={`rounded-md px-3 py-1.5 text-sm font-medium no-underline hover:no-underline ${
                  query.kind === kind ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                }`}
              >
                {kind === "worse" ? `Got worse (${summary.worse})` : `Got fixed (${summary.fixed})`}
              </Link>
            ))}
          </nav>
          {changes.rows.length === 0 ? (
            <p className="px-3 py-10 text-center text-sm muted">{query.kind === "worse" ? "Nothing got worse in this window." : "Nothing got fixed in this window."}</p>
          ) : (
            <ChangesTable rows={changes.rows} showAccount={!query.account} />
          )}
          {changes.total > 0 ? (
            <Pagination pathname={PATHNAME} state={state} page={changes.page} pageCount={changes.pageCount} pageSize={changes.pageSize} total={changes.total} noun="changes" />
          ) : null}
        </section>
      </div>
    </>
  );
}
