import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { SortableHeader } from "@/components/ui/sortable-header";
import { StatusBadge } from "@/components/ui/status-badge";
import type { AccountListRow, AccountListSort } from "@/lib/db/account-list";
import { CollectButton, type CollectAction } from "./collect-button";
import { ErrorSummary } from "./error-summary";
import { TagList } from "./tag-list";

export interface AccountsTableSort {
  pathname: string;
  state: { q?: string; status?: string; sort?: string; dir?: string };
  sort: AccountListSort;
  direction: "asc" | "desc";
  defaultDirection: Record<AccountListSort, "asc" | "desc">;
}

/** `collectAction` is absent for people who may not start collections (viewers). */
export function AccountsTable({ rows, sorting, collectAction }: { rows: AccountListRow[]; sorting: AccountsTableSort; collectAction?: CollectAction }) {
  const header = (label: string, key: AccountListSort, className?: string) => (
    <SortableHeader
      label={label}
      sortKey={key}
      pathname={sorting.pathname}
      state={sorting.state}
      currentSort={sorting.sort}
      currentDirection={sorting.direction}
      defaultDirection={sorting.defaultDirection[key]}
      className={className}
    />
  );
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Linked accounts; column headers sort the table.</caption>
        <thead>
          <tr>
            {header("Account", "name")}
            {header("Account id", "id")}
            {header("Status", "status")}
            {header("Score", "score", "text-right")}
            {header("Last collected", "collected")}
            <th scope="col">Current error</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.awsAccountId}>
              <td className="max-w-72">
                <Link href={`/accounts/${row.awsAccountId}`} className="font-medium break-words">
                  {row.name}
                </Link>
                <div className="mt-1">
                  <TagList tags={row.tags} max={3} />
                </div>
              </td>
              <td className="font-mono text-xs whitespace-nowrap">{row.awsAccountId}</td>
              <td>
                <div className="flex flex-col items-start gap-1">
                  <StatusBadge status={row.lastStatus} />
                  {row.activeCollection ? (
                    <Link href={`/runs/${row.activeCollection.runId}`} className="no-underline hover:no-underline">
                      <StatusBadge status={row.activeCollection.status === "queued" ? "queued" : "collecting"} />
                    </Link>
                  ) : null}
                </div>
              </td>
              <td className="text-right tabular-nums">
                {row.score === null ? <span className="muted">—</span> : <span className="font-semibold">{row.score}</span>}
              </td>
              <td className="whitespace-nowrap">
                <RelativeTime date={row.lastCollectedAt} fallback="never" />
              </td>
              <td className="max-w-md min-w-56">
                {row.lastError ? <ErrorSummary error={row.lastError} /> : <span className="muted">—</span>}
              </td>
              <td className="text-right">
                {collectAction ? <CollectButton action={collectAction} accountId={row.awsAccountId} label="Collect" size="sm" align="end" /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
