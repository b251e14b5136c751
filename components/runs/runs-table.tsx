import Link from "next/link";
import { formatDuration, RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { RunSummary } from "@/lib/db/runs";
import { triggerLabel } from "./trigger-label";

export function RunsTable({ runs, now = new Date() }: { runs: RunSummary[]; now?: Date }) {
  const number = new Intl.NumberFormat("en");
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Collections, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Collection</th>
            <th scope="col">Trigger</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Duration</th>
            <th scope="col" className="text-right">
              Accounts done
            </th>
            <th scope="col" className="text-right">
              Failed
            </th>
            <th scope="col" className="text-right">
              Cancelled
            </th>
            <th scope="col" className="text-right">
              API calls
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const active = run.status === "queued" || run.status === "running";
            return (
              <tr key={run.id.toString()}>
                <td>
                  <Link href={`/runs/${run.id}`} className="font-medium">
                    #{run.id.toString()}
                  </Link>
                </td>
                <td>{triggerLabel(run.trigger, run.kind)}</td>
                <td>
                  <StatusBadge status={run.status} />
                </td>
                <td className="whitespace-nowrap">
                  <RelativeTime date={run.startedAt ?? run.createdAt} now={now} />
                </td>
                <td className="whitespace-nowrap tabular-nums">
                  {active ? <span className="muted">running for {formatDuration(run.startedAt ?? run.createdAt, now)}</span> : formatDuration(run.startedAt, run.finishedAt)}
                </td>
                <td className="text-right tabular-nums">
                  {number.format(run.accountsDone)} / {number.format(run.accountsTotal)}
                </td>
                <td className={`text-right tabular-nums ${run.accountsFailed > 0 ? "font-semibold text-red-700 dark:text-red-400" : "muted"}`}>
                  {number.format(run.accountsFailed)}
                </td>
                <td className={`text-right tabular-nums ${run.accountsCancelled > 0 ? "" : "muted"}`}>{number.format(run.accountsCancelled)}</td>
                <td className="text-right tabular-nums">{active && run.apiCalls === 0 ? <span className="muted">—</span> : number.format(run.apiCalls)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
