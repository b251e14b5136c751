import Link from "next/link";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { hrefWith } from "@/components/ui/href";
import type { CheckSummaryRow } from "@/lib/scorecard/check-summary";
import { remediationHref } from "@/lib/scorecard/links";
import type { UrlState } from "@/lib/scorecard/search-params";
import { ScoreBadge } from "./score-badge";

/** An exercise's checks: score (per account) or failing accounts (across accounts), counts, and why each matters. */
export function CheckSummaryTable({
  rows,
  pathname,
  state,
  mode,
}: {
  rows: CheckSummaryRow[];
  pathname: string;
  state: UrlState;
  mode: "account" | "organization";
}) {
  return (
    <section aria-labelledby="checks-heading" className="card overflow-hidden">
      <h2 id="checks-heading" className="border-b border-zinc-200 p-4 text-base font-semibold dark:border-zinc-800">
        Checks
      </h2>
      <div className="relative overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">The checks of this exercise with their results</caption>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Severity</th>
              <th scope="col">{mode === "account" ? "Score" : "Accounts failing"}</th>
              <th scope="col" className="text-right">
                Fail
              </th>
              <th scope="col" className="text-right">
                Unknown
              </th>
              <th scope="col" className="text-right">
                Pass
              </th>
              <th scope="col">Why it matters</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.check.id} id={`check-${row.check.id}`}>
                <td className="min-w-56">
                  <span className="font-medium">{row.check.title}</span>
                  <div className="font-mono text-xs muted">
                    {row.check.id}
                    {row.check.cis.length > 0 ? ` · CIS ${row.check.cis.join(", ")}` : ""}
                  </div>
                </td>
                <td>
                  <SeverityBadge severity={row.check.severity} />
                </td>
                <td className="whitespace-nowrap">
                  {!row.evaluated ? (
                    <span className="text-xs muted">not evaluated</span>
                  ) : mode === "account" ? (
                    <ScoreBadge score={row.score ?? null} unknownChecks={row.unknown > 0 ? 1 : 0} size="sm" notAssessedLabel="n/a" />
                  ) : (
                    <span className="tabular-nums">{row.accountsFailing ?? 0}</span>
                  )}
                </td>
                <td className="text-right tabular-nums">
                  {row.fail > 0 ? (
                    <Link href={hrefWith(pathname, state, { check: row.check.id, status: undefined, page: undefined })} className="font-semibold text-red-700 dark:text-red-400">
                      {row.fail}
                      <span className="sr-only"> failing: show them</span>
                    </Link>
                  ) : (
                    "0"
                  )}
                </td>
                <td className="text-right tabular-nums">
                  {row.unknown > 0 ? (
                    <Link href={hrefWith(pathname, state, { check: row.check.id, status: "unknown", page: undefined })}>
                      {row.unknown}
                      <span className="sr-only"> unknown: show them</span>
                    </Link>
                  ) : (
                    "0"
                  )}
                </td>
                <td className="text-right tabular-nums">{row.pass}</td>
                <td className="min-w-64 text-sm">
                  {row.check.why}
                  {row.fail > 0 ? (
                    <>
                      {" "}
                      <a href={remediationHref(row.check.id)} className="whitespace-nowrap underline">
                        How to fix →
                      </a>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
