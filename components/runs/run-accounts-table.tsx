import Link from "next/link";
import { ErrorSummary } from "@/components/accounts/error-summary";
import { formatDuration } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { RunAccountRow } from "@/lib/db/runs";
import { cancelledBy } from "./cancel-attribution";
import { prunedDetailNote } from "@/lib/retention/policy";
import { CancelButton, type CancelAction } from "./cancel-button";
import { errorLabel } from "@/lib/collect/error-words";

/**
 * One run's accounts: status, progress while running, and the account-level or per-API errors.
 * With `cancel`, queued and running accounts can be cancelled one by one. An account whose
 * collection detail the retention job removed says so rather than showing no errors.
 */
export function RunAccountsTable({
  rows,
  now = new Date(),
  cancel,
  snapshotRetentionDays,
}: {
  rows: RunAccountRow[];
  snapshotRetentionDays: number;
  now?: Date;
  cancel?: { action: CancelAction; runId: string };
}) {
  const number = new Intl.NumberFormat("en");
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Accounts in this collection</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col">Duration</th>
            <th scope="col" className="text-right">
              API calls
            </th>
            <th scope="col">Errors</th>
            {cancel ? (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.collectionId.toString()}>
              <td className="max-w-64">
                <Link href={`/accounts/${row.awsAccountId}`} className="font-medium break-words">
                  {row.accountName}
                </Link>
                <div className="font-mono text-xs muted">{row.awsAccountId}</div>
              </td>
              <td>
                <StatusBadge status={row.status} />
                {row.status === "cancelled" && row.cancelRequestedAt ? (
                  <p className="mt-1 max-w-56 text-xs muted">{cancelledBy(row.cancelRequestedAt, row.cancelRequestedBy)}</p>
                ) : null}
              </td>
              <td className="text-xs whitespace-nowrap tabular-nums">
                {row.status === "running" && row.progressTotal > 0
                  ? `${row.progressDone} / ${row.progressTotal} steps`
                  : row.status === "running"
                    ? "starting…"
                    : <span className="muted">—</span>}
              </td>
              <td className="whitespace-nowrap tabular-nums">
                {row.status === "running" ? formatDuration(row.startedAt, now) : formatDuration(row.startedAt, row.finishedAt)}
              </td>
              <td className="text-right tabular-nums">{number.format(row.apiCalls)}</td>
              <td className="max-w-xl min-w-56">
                {row.error ? (
                  <ErrorSummary error={{ code: row.error.code ?? "UnknownError", message: row.error.message ?? "", ...(row.error.api ? { api: row.error.api } : {}) }} />
                ) : row.partErrors.length > 0 ? (
                  <details className="text-xs">
                    <summary className="cursor-pointer font-medium text-amber-800 dark:text-amber-300">
                      {row.partErrors.length} API error{row.partErrors.length === 1 ? "" : "s"}:{" "}
                      {[...new Set(row.partErrors.map((error) => errorLabel(error.code)))].slice(0, 3).join(", ")}
                    </summary>
                    <ul className="mt-1 space-y-1.5">
                      {row.partErrors.map((error, index) => (
                        <li key={index}>
                          <ErrorSummary error={error} />
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : row.detailPruned ? (
                  <span className="muted text-xs">{prunedDetailNote(snapshotRetentionDays)}</span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              {cancel ? (
                <td>
                  {row.status === "running" && row.cancelRequested ? (
                    <StatusBadge status="cancelling" />
                  ) : row.status === "queued" || row.status === "running" ? (
                    <CancelButton
                      action={cancel.action}
                      runId={cancel.runId}
                      accountId={row.awsAccountId}
                      size="sm"
                      label={
                        <>
                          Cancel<span className="sr-only"> {row.accountName}</span>
                        </>
                      }
                    />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
