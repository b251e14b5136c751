import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { SortableHeader } from "@/components/ui/sortable-header";
import type { JsonValue } from "@/lib/checks/types";
import type { FindingRow } from "@/lib/db/findings";
import { checkInfo } from "@/lib/scorecard/catalogue";
import { accountHref, remediationHref, resourceHref } from "@/lib/scorecard/links";
import type { FindingsQuery, UrlState } from "@/lib/scorecard/search-params";
import { EvidenceView } from "./evidence-view";
import { LazyEvidence } from "./lazy-evidence";
import { FindingStatusBadge, SeverityBadge } from "./severity-badge";

export interface FindingsTableOptions {
  showAccount: boolean;
  showCheck: boolean;
  /** Open the evidence of every row (small pages, e.g. one resource); otherwise a row fetches its evidence when opened. */
  openEvidence?: boolean;
}

/**
 * Findings with their evidence one click away, sorted in SQL through the URL. Resource names
 * come from AWS and are only ever rendered as text.
 */
export function FindingsTable({
  rows,
  evidence,
  query,
  pathname,
  state,
  options,
}: {
  rows: FindingRow[];
  evidence: Map<string, JsonValue>;
  query: FindingsQuery;
  pathname: string;
  state: UrlState;
  options: FindingsTableOptions;
}) {
  const sortProps = { pathname, state, currentSort: query.sort, currentDirection: query.dir };
  const columns = 5 + (options.showAccount ? 1 : 0) + (options.showCheck ? 1 : 0);
  return (
    <div className="relative overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Findings, with the evidence of each in the row below it</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <SortableHeader label="Severity" sortKey="severity" {...sortProps} />
            {options.showCheck ? <SortableHeader label="Check" sortKey="check" {...sortProps} /> : null}
            <SortableHeader label="Resource" sortKey="resource" {...sortProps} />
            {options.showAccount ? <SortableHeader label="Account" sortKey="account" {...sortProps} /> : null}
            <th scope="col">Why</th>
            <SortableHeader label="Since" sortKey="first_seen" {...sortProps} defaultDirection="desc" />
          </tr>
        </thead>
        {rows.map((row) => (
          <FindingRows key={row.id} row={row} evidence={evidence.get(row.evidenceHash)} options={options} columns={columns} />
        ))}
      </table>
    </div>
  );
}

function FindingRows({ row, evidence, options, columns }: { row: FindingRow; evidence: JsonValue | undefined; options: FindingsTableOptions; columns: number }) {
  const check = checkInfo(row.checkId, row.exercise);
  return (
    <tbody className="border-b-2 border-zinc-200 dark:border-zinc-800">
      <tr>
        <td>
          <FindingStatusBadge status={row.status} />
        </td>
        <td>
          <SeverityBadge severity={row.severity} />
        </td>
        {options.showCheck ? (
          <td className="min-w-48">
            <span className="font-medium">{check.title}</span>
            <div className="font-mono text-xs muted">{row.checkId}</div>
          </td>
        ) : null}
        <td className="min-w-48">
          <Link href={resourceHref(row.awsAccountId, row.resourceId)} className="font-medium break-all">
            {row.resourceName}
          </Link>
          <div className="text-xs muted">
            {row.resourceType.replace(/_/g, " ")}
            {row.region ? ` · ${row.region}` : ""}
          </div>
        </td>
        {options.showAccount ? (
          <td>
            <Link href={accountHref(row.awsAccountId)} className="break-words">
              {row.accountName}
            </Link>
            <div className="font-mono text-xs muted">{row.awsAccountId}</div>
          </td>
        ) : null}
        <td className="min-w-64 text-sm">{row.reason}</td>
        <td className="text-xs whitespace-nowrap">
          <RelativeTime date={row.firstSeenAt} />
          <div className="muted">run #{row.firstRunId}</div>
        </td>
      </tr>
      <tr>
        <td colSpan={columns} className="bg-zinc-50/60 pt-0 dark:bg-zinc-900/40">
          <details open={options.openEvidence}>
            <summary className="cursor-pointer py-1 text-xs font-medium text-indigo-700 dark:text-indigo-300">
              Evidence{row.status === "fail" ? " and how to fix it" : ""}
              <span className="sr-only">
                {" "}
                for {row.resourceName}, {check.title}
              </span>
            </summary>
            <div className="grid gap-4 py-2 lg:grid-cols-[2fr_1fr]">
              {options.openEvidence ? <EvidenceView evidence={evidence} checkId={row.checkId} /> : <LazyEvidence findingId={row.id} />}
              <div className="space-y-2 text-sm">
                {check.why ? (
                  <div>
                    <h4 className="text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">Why it matters</h4>
                    <p className="mt-1">{check.why}</p>
                  </div>
                ) : null}
                {check.cis.length > 0 ? <p className="text-xs muted">CIS AWS Foundations {check.cis.join(", ")}</p> : null}
                {row.status === "fail" ? (
                  <p>
                    <a href={remediationHref(row.checkId, row.awsAccountId)}>How to fix it →</a>
                  </p>
                ) : null}
              </div>
            </div>
          </details>
        </td>
      </tr>
    </tbody>
  );
}
