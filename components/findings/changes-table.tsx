import Link from "next/link";
import { formatUtc } from "@/components/ui/relative-time";
import type { ChangeRow } from "@/lib/db/changes";
import { checkInfo } from "@/lib/scorecard/catalogue";
import { accountExerciseHref, accountHref, resourceHref } from "@/lib/scorecard/links";
import { FindingStatusBadge, SeverityBadge } from "./severity-badge";

/** Findings that got worse or got fixed, with the state before and after. */
export function ChangesTable({ rows, showAccount }: { rows: ChangeRow[]; showAccount: boolean }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Changes between the two runs, most severe first</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Check</th>
            <th scope="col">Resource</th>
            {showAccount ? <th scope="col">Account</th> : null}
            <th scope="col">Before → after</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.kind}-${row.id}`}>
              <td>
                <SeverityBadge severity={row.severity} />
              </td>
              <td className="min-w-48">
                <Link href={accountExerciseHref(row.awsAccountId, row.exercise, { check: row.checkId, status: "all" })}>{checkInfo(row.checkId, row.exercise).title}</Link>
                <div className="font-mono text-xs muted">{row.checkId}</div>
              </td>
              <td className="min-w-40">
                <Link href={resourceHref(row.awsAccountId, row.resourceId)} className="break-all">
                  {row.resourceName}
                </Link>
                <div className="text-xs muted">
                  {row.resourceType.replace(/_/g, " ")}
                  {row.region ? ` · ${row.region}` : ""}
                </div>
                {row.kind === "worse" ? <div className="mt-1 text-xs">{row.reason}</div> : null}
              </td>
              {showAccount ? (
                <td>
                  <Link href={accountHref(row.awsAccountId)} className="break-words">
                    {row.accountName}
                  </Link>
                  <div className="font-mono text-xs muted">{row.awsAccountId}</div>
                </td>
              ) : null}
              <td className="whitespace-nowrap">
                <FindingStatusBadge status={row.before} /> <span aria-hidden="true">→</span>
                <span className="sr-only">became</span> <FindingStatusBadge status={row.after} />
              </td>
              <td className="text-xs whitespace-nowrap">{formatUtc(new Date(row.changedAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
