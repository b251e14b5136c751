import Link from "next/link";
import { formatDuration, RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { AccountCollectionRow } from "@/lib/db/account-page";
import { triggerLabel } from "@/components/runs/trigger-label";
import { prunedDetailNote } from "@/lib/retention/policy";
import { ErrorCode } from "./error-code";

/**
 * This account's recent collections, newest first, each linking to its run. A collection whose
 * detail the retention job removed says so rather than showing no errors.
 */
export function AccountCollectionsTable({ rows, snapshotRetentionDays }: { rows: AccountCollectionRow[]; snapshotRetentionDays: number }) {
  const number = new Intl.NumberFormat("en");
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Recent collections of this account</caption>
        <thead>
          <tr>
            <th scope="col">Collection</th>
            <th scope="col">Trigger</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Duration</th>
            <th scope="col" className="text-right">
              API calls
            </th>
            <th scope="col">Errors</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.collectionId.toString()}>
              <td>
                <Link href={`/runs/${row.runId}`}>#{row.runId.toString()}</Link>
              </td>
              <td>{triggerLabel(row.runTrigger, row.runKind)}</td>
              <td>
                <StatusBadge status={row.status} />
              </td>
              <td className="whitespace-nowrap">
                <RelativeTime date={row.startedAt} fallback="not started" />
              </td>
              <td className="whitespace-nowrap tabular-nums">{formatDuration(row.startedAt, row.finishedAt)}</td>
              <td className="text-right tabular-nums">{number.format(row.apiCalls)}</td>
              <td className="text-xs">
                {row.error ? (
                  <ErrorCode code={row.error.code} className="font-semibold text-red-800 dark:text-red-300" />
                ) : row.partErrors.length > 0 ? (
                  <span className="text-amber-800 dark:text-amber-300">
                    {row.partErrors.length} API error{row.partErrors.length === 1 ? "" : "s"}
                  </span>
                ) : row.detailPruned ? (
                  <span className="muted">{prunedDetailNote(snapshotRetentionDays)}</span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
