import Link from "next/link";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { AccountChecklistSummary, OverdueItem } from "@/lib/remediation/checklist-read";
import { checkInfo } from "@/lib/scorecard/catalogue";
import { ChecklistStateBadge } from "./state-badge";

function checklistHref(awsAccountId: string, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `/accounts/${awsAccountId}/checklist${search ? `?${search}` : ""}`;
}

/** Open work per account: what is left, what waits for verification, what is overdue. */
export function AccountChecklistTable({ accounts }: { accounts: AccountChecklistSummary[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Checklist items per account</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Open</th>
            <th scope="col">In progress</th>
            <th scope="col">Done, unverified</th>
            <th scope="col">Risk accepted</th>
            <th scope="col">Overdue</th>
            <th scope="col">Verified or fixed</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => {
            const total = Object.values(account.byState).reduce((sum, count) => sum + count, 0);
            const resolved = account.byState.verified + account.byState.fixed;
            return (
              <tr key={account.awsAccountId}>
                <td className="whitespace-nowrap">
                  <Link href={checklistHref(account.awsAccountId)} className="font-medium">
                    {account.name}
                  </Link>
                  <div className="font-mono text-xs muted">{account.awsAccountId}</div>
                </td>
                <td>{account.byState.open}</td>
                <td>{account.byState.in_progress}</td>
                <td>{account.byState.done}</td>
                <td>
                  {account.byState.risk_accepted}
                  {account.expiredAcceptances > 0 ? <span className="ml-1 text-xs text-red-700 dark:text-red-400">({account.expiredAcceptances} expired)</span> : null}
                </td>
                <td>
                  {account.overdue > 0 ? (
                    <Link href={checklistHref(account.awsAccountId, { state: "overdue" })} className="font-semibold text-red-700 dark:text-red-400">
                      {account.overdue}
                    </Link>
                  ) : (
                    0
                  )}
                </td>
                <td className="min-w-40">
                  <div className="mb-1 text-xs muted">
                    {resolved} of {total}
                  </div>
                  <ProgressBar value={resolved} max={total} label={`${account.name}: items verified or fixed`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function OverdueItemsTable({ items, nameOf }: { items: OverdueItem[]; nameOf: (email: string) => string }) {
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Overdue checklist items</caption>
        <thead>
          <tr>
            <th scope="col">Due</th>
            <th scope="col">Account</th>
            <th scope="col">Item</th>
            <th scope="col">Severity</th>
            <th scope="col">State</th>
            <th scope="col">Assignee</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td className="whitespace-nowrap font-medium text-red-700 dark:text-red-400">{item.dueOn}</td>
              <td className="whitespace-nowrap">{item.accountName}</td>
              <td className="min-w-56">
                <Link href={`${checklistHref(item.awsAccountId, { state: "overdue", item: item.id })}#item-${item.id}`}>{checkInfo(item.checkId, item.exercise).title}</Link>
                <div className="font-mono text-xs break-words muted">{item.resourceName}</div>
              </td>
              <td>
                <SeverityBadge severity={item.severity} />
              </td>
              <td>
                <ChecklistStateBadge state={item.state} />
              </td>
              <td>{item.assignee ? nameOf(item.assignee) : <span className="muted">Unassigned</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
