import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AccountHealthRow } from "@/lib/onboarding/account-health";
import { HealthBadge } from "./health-badge";
import { TestAgainButton, type TestAgainAction } from "./test-again-button";
import { ErrorCode } from "@/components/accounts/error-code";

/** Every linked account's connection: state, last successful collection, the standing error and what to do. */
/** `testAction` is absent for people who may not test connections (below admin). */
export function HealthTable({ rows, testAction, now }: { rows: AccountHealthRow[]; testAction?: TestAgainAction; now: Date }) {
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Connection health of the linked accounts, worst first</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">State</th>
            <th scope="col">Last successful collection</th>
            <th scope="col">Current error and fix</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.awsAccountId} data-account-id={row.awsAccountId} className="align-top">
              <td className="max-w-64">
                <Link href={`/accounts/${row.awsAccountId}`} className="font-medium break-words">
                  {row.name}
                </Link>
                <div className="font-mono text-xs muted">{row.awsAccountId}</div>
                {row.ouPath ? <div className="text-xs break-words muted">{row.ouPath.split("/").join(" / ")}</div> : null}
              </td>
              <td>
                <HealthBadge state={row.health.state} label={row.health.label} />
                {row.unreadableParts > 0 ? <div className="mt-1 text-xs muted">{row.unreadableParts} part(s) unreadable</div> : null}
              </td>
              <td className="whitespace-nowrap">
                <RelativeTime date={row.lastSuccessAt} now={now} fallback="never" />
              </td>
              <td className="max-w-xl text-sm">
                {row.error ? (
                  <p className="break-words">
                    <ErrorCode code={row.error.code} className="font-semibold text-red-800 dark:text-red-300" />
                    {row.error.api ? (
                      <>
                        {" "}
                        at <code>{row.error.api}</code>
                      </>
                    ) : null}
                    : {row.error.message}
                  </p>
                ) : null}
                {row.health.fix ? <p className="mt-1 break-words muted">{row.health.fix}</p> : null}
              </td>
              <td className="min-w-40">
                {testAction ? <TestAgainButton action={testAction} accountId={row.awsAccountId} accountName={row.name} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
