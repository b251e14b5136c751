import Link from "next/link";
import { formatUtc, RelativeTime } from "@/components/ui/relative-time";
import type { JsonValue } from "@/lib/checks/types";
import type { FindingRow } from "@/lib/db/findings";
import { checkInfo } from "@/lib/scorecard/catalogue";
import { accountExerciseHref, remediationHref, resourceHref } from "@/lib/scorecard/links";
import type { ResourceFacts } from "@/lib/scorecard/resource-facts";
import { EvidenceView } from "./evidence-view";
import { FindingStatusBadge, SeverityBadge } from "./severity-badge";

/** The resource's current findings with their evidence, one per check (and per part, e.g. each key). */
export function CurrentFindings({ rows, evidence, resourceId }: { rows: FindingRow[]; evidence: Map<string, JsonValue>; resourceId: string }) {
  if (rows.length === 0) return <p className="p-4 text-sm muted">No check judges this resource in the current evaluation.</p>;
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {rows.map((row) => {
        const check = checkInfo(row.checkId, row.exercise);
        return (
          <li key={row.id} className="p-4">
            <div className="flex flex-wrap items-center gap-2">
              <FindingStatusBadge status={row.status} />
              <SeverityBadge severity={row.severity} />
              <Link href={accountExerciseHref(row.awsAccountId, row.exercise, { check: row.checkId, status: "all" })} className="font-medium">
                {check.title}
              </Link>
              <code className="text-xs muted">{row.checkId}</code>
              {row.resourceId !== resourceId ? (
                <Link href={resourceHref(row.awsAccountId, row.resourceId)} className="text-xs">
                  part: {row.resourceId.slice(row.resourceId.indexOf("#") + 1)}
                </Link>
              ) : null}
            </div>
            <p className="mt-1 text-sm">{row.reason}</p>
            <p className="mt-0.5 text-xs muted">
              Since <RelativeTime date={row.firstSeenAt} /> (run #{row.firstRunId})
            </p>
            <details className="mt-2" open={row.status === "fail"}>
              <summary className="cursor-pointer text-xs font-medium text-indigo-700 dark:text-indigo-300">Evidence</summary>
              <div className="mt-2 grid gap-4 lg:grid-cols-[2fr_1fr]">
                <EvidenceView evidence={evidence.get(row.evidenceHash)} checkId={row.checkId} />
                <div className="space-y-2 text-sm">
                  {check.why ? <p>{check.why}</p> : null}
                  {row.status === "fail" ? <a href={remediationHref(row.checkId, row.awsAccountId)}>How to fix it →</a> : null}
                </div>
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

/** Earlier results for this resource: each closed interval, from the run that saw it to the run that changed it. */
export function PastFindings({ rows, historyDays }: { rows: FindingRow[]; historyDays: number }) {
  // The retention job removes results that ended before the history window, so say where the record stops.
  if (rows.length === 0)
    return (
      <p className="p-4 text-sm muted">
        No earlier results: nothing about this resource has changed since iamfit first saw it or in the last {historyDays} days (older
        results are not kept).
      </p>
    );
  return (
    <div className="relative overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Earlier results for this resource, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Status</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                {checkInfo(row.checkId, row.exercise).title}
                <div className="font-mono text-xs muted">{row.checkId}</div>
              </td>
              <td>
                <FindingStatusBadge status={row.status} />
              </td>
              <td className="text-xs whitespace-nowrap">
                {formatUtc(new Date(row.firstSeenAt))}
                <div className="muted">run #{row.firstRunId}</div>
              </td>
              <td className="text-xs whitespace-nowrap">
                {row.closedAt ? formatUtc(new Date(row.closedAt)) : "—"}
                <div className="muted">run #{row.closedRunId}</div>
              </td>
              <td className="text-sm">{row.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="p-3 text-xs muted">Results that ended more than {historyDays} days ago are not kept.</p>
    </div>
  );
}

/** What AWS reported about the resource at the last collection. */
export function ResourceFactsView({ facts }: { facts: ResourceFacts[] }) {
  if (facts.length === 0) return <p className="p-4 text-sm muted">The last snapshot holds no separate record of this resource.</p>;
  return (
    <div className="space-y-4 p-4">
      {facts.map((entry) => (
        <EvidenceView key={entry.title} evidence={entry.facts} title={entry.title} />
      ))}
    </div>
  );
}
