import Link from "next/link";
import { hrefWith } from "@/components/ui/href";
import type { ChangesSummary as Summary } from "@/lib/db/changes";
import { exerciseInfo } from "@/lib/scorecard/catalogue";
import type { UrlState } from "@/lib/scorecard/search-params";

/** Worse and fixed per exercise and for the accounts that changed most. */
export function ChangesSummary({ summary, pathname, state, showAccounts }: { summary: Summary; pathname: string; state: UrlState; showAccounts: boolean }) {
  return (
    <div className={`grid gap-6 ${showAccounts ? "lg:grid-cols-2" : ""}`}>
      <section aria-labelledby="changes-by-exercise" className="card overflow-hidden">
        <h2 id="changes-by-exercise" className="border-b border-zinc-200 p-4 text-base font-semibold dark:border-zinc-800">
          By exercise
        </h2>
        {summary.byExercise.length === 0 ? (
          <p className="p-4 text-sm muted">Nothing changed in this window.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Exercise</th>
                <th scope="col" className="text-right">
                  Worse
                </th>
                <th scope="col" className="text-right">
                  Fixed
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.byExercise.map((row) => (
                <tr key={row.exercise}>
                  <td>
                    <Link href={hrefWith(pathname, state, { exercise: row.exercise, page: undefined })}>
                      {row.exercise}. {exerciseInfo(row.exercise).title}
                    </Link>
                  </td>
                  <td className={`text-right tabular-nums ${row.worse > 0 ? "font-semibold text-red-700 dark:text-red-400" : ""}`}>{row.worse}</td>
                  <td className={`text-right tabular-nums ${row.fixed > 0 ? "font-semibold text-emerald-700 dark:text-emerald-400" : ""}`}>{row.fixed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {showAccounts ? (
        <section aria-labelledby="changes-by-account" className="card overflow-hidden">
          <h2 id="changes-by-account" className="border-b border-zinc-200 p-4 text-base font-semibold dark:border-zinc-800">
            Accounts that changed most
          </h2>
          {summary.byAccount.length === 0 ? (
            <p className="p-4 text-sm muted">No account changed in this window.</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col" className="text-right">
                    Worse
                  </th>
                  <th scope="col" className="text-right">
                    Fixed
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.byAccount.map((row) => (
                  <tr key={row.awsAccountId}>
                    <td>
                      <Link href={hrefWith(pathname, state, { account: row.awsAccountId, page: undefined })} className="break-words underline">
                        {row.name}
                      </Link>
                      <span className="ml-2 font-mono text-xs muted">{row.awsAccountId}</span>
                    </td>
                    <td className={`text-right tabular-nums ${row.worse > 0 ? "font-semibold text-red-700 dark:text-red-400" : ""}`}>{row.worse}</td>
                    <td className={`text-right tabular-nums ${row.fixed > 0 ? "font-semibold text-emerald-700 dark:text-emerald-400" : ""}`}>{row.fixed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </div>
  );
}
