import Link from "next/link";
import type { ReactNode } from "react";
import { Notice } from "@/components/ui/notice";
import { formatUtc, RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { AccountPageData } from "@/lib/db/account-page";
import type { AccountErrorsView } from "./account-errors-view";
import { CollectionErrorsTable } from "./collection-errors-table";
import { ErrorCode } from "./error-code";

/** The red callout when the latest collection failed as a whole; the older data stays, marked stale. */
export function AccountFailureNotice({ failure }: { failure: NonNullable<AccountErrorsView["accountLevel"]> }) {
  return (
    <Notice tone="error" title={`The latest collection failed (#${failure.runId})`} className="mb-6">
      <p className="font-mono text-xs">
        <ErrorCode code={failure.error.code} className="font-semibold" />
        {failure.error.api ? <> · {failure.error.api}</> : null}
        {failure.error.region ? <> · {failure.error.region}</> : null}
        {failure.failedAt ? <> · <RelativeTime date={failure.failedAt} /></> : null}
      </p>
      <p className="break-words">{failure.error.message}</p>
      {failure.hint ? (
        <p className="break-words">
          <strong>How to fix:</strong> {failure.hint}
        </p>
      ) : null}
      {failure.trust ? (
        <p className="break-words">
          <strong>How to fix:</strong> in this account, the role <code className="text-xs">{failure.trust.roleArn}</code> must exist
          and its trust policy must allow iamfit&apos;s principal with <code className="text-xs">sts:ExternalId</code> equal to{" "}
          <code className="text-xs">{failure.trust.externalId}</code> (<Link href="/accounts/new">see the trust policy</Link>). Then
          use Test connection below.
        </p>
      ) : null}
      <p className="font-medium">
        {failure.showingDataFrom
          ? `Showing results from ${formatUtc(failure.showingDataFrom)}; the latest collection failed.`
          : "No data has been collected from this account yet."}
      </p>
    </Notice>
  );
}

export function AccountStatusCard({ data, staleSince }: { data: AccountPageData; staleSince: Date | null }) {
  const { account, score, lastGoodCollection } = data;
  return (
    <section aria-labelledby="status-heading" className="card p-5">
      <h2 id="status-heading" className="text-base font-semibold">
        Status
      </h2>
      <dl className="mt-3 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
        <Term label="Last status">
          <StatusBadge status={account.lastStatus} />
        </Term>
        <Term label="Last collected">
          {account.lastCollectedAt ? (
            <>
              <RelativeTime date={account.lastCollectedAt} />{" "}
              <span className="muted">({formatUtc(account.lastCollectedAt)})</span>
            </>
          ) : (
            <span className="muted">never</span>
          )}
        </Term>
        <Term label="Score">
          {score ? (
            <>
              <span className="text-lg font-semibold tabular-nums">{score.score ?? "—"}</span>
              {score.score !== null ? <span className="muted"> / 100</span> : <span className="muted"> not assessable</span>}
              <span className="muted">
                {" "}
                from <Link href={`/runs/${score.runId}`}>collection #{score.runId.toString()}</Link>
              </span>
            </>
          ) : (
            <span className="muted">not evaluated yet</span>
          )}
        </Term>
        <Term label="Data shown">
          {lastGoodCollection?.collectedAt ? (
            <>
              from {formatUtc(lastGoodCollection.collectedAt)}
              {staleSince ? (
                <span className="ml-2 inline-block rounded border border-amber-300 bg-amber-50 px-1.5 text-xs font-medium text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-300">
                  stale
                </span>
              ) : null}
            </>
          ) : (
            <span className="muted">none yet</span>
          )}
        </Term>
      </dl>
    </section>
  );
}

export function AuditRoleCard({ data, children }: { data: AccountPageData; children: ReactNode }) {
  const { account } = data;
  return (
    <section aria-labelledby="role-heading" className="card p-5">
      <h2 id="role-heading" className="text-base font-semibold">
        Audit role
      </h2>
      <dl className="mt-3 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
        <Term label="Role ARN">
          <code className="text-xs break-all">{account.roleArn}</code>
        </Term>
        <Term label="ExternalId">
          <code className="text-xs break-all">{account.externalId}</code>
        </Term>
        <Term label="Linked">
          <RelativeTime date={account.createdAt} />
          {account.source !== "manual" ? <span className="muted"> ({account.source})</span> : null}
        </Term>
      </dl>
      <div className="mt-4">{children}</div>
    </section>
  );
}

export function ApiErrorsSection({ apiErrors }: { apiErrors: NonNullable<AccountErrorsView["apiErrors"]> }) {
  const count = apiErrors.rows.length;
  const title = apiErrors.latest
    ? `API errors in the latest collection (#${apiErrors.runId})`
    : `API errors in the data shown (collection #${apiErrors.runId})`;
  return (
    <section aria-labelledby="api-errors-heading" className="card overflow-hidden">
      <div className="border-b border-zinc-200 p-4 dark:border-zinc-800">
        <h2 id="api-errors-heading" className="text-base font-semibold">
          {title}
        </h2>
        <p className="mt-1 text-sm muted">
          {count} AWS call{count === 1 ? "" : "s"} failed; the rest of the snapshot was stored. Where older data exists it is shown
          in place of the failed part, marked stale; otherwise the checks that need it are unknown.
        </p>
      </div>
      <CollectionErrorsTable rows={apiErrors.rows} caption={title} />
    </section>
  );
}

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="muted">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}
