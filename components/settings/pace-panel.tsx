import type { OperatorLimits } from "@/lib/runtime/operator-limits";
import { paceRows } from "@/lib/runtime/operator-limits";

/** The pace collections keep, per account: request rates, requests in flight, time budget. Set through the environment. */
export function PacePanel({ limits }: { limits: OperatorLimits }) {
  const rows = paceRows(limits);
  return (
    <div className="space-y-4">
      <table className="data-table">
        <caption className="sr-only">Request rate and requests in flight per service, for one account</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col" className="text-right">
              Requests per second
            </th>
            <th scope="col" className="text-right">
              In flight at once
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.family}>
              <td className="font-mono">{row.family}</td>
              <td className="text-right tabular-nums">{row.requestsPerSecond > 0 ? row.requestsPerSecond : "not paced"}</td>
              <td className="text-right tabular-nums">{row.inFlight}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="muted">Requests in flight per account</dt>
        <dd>{limits.inFlightPerAccount}, all services together</dd>
        <dt className="muted">Accounts collected at once</dt>
        <dd>{limits.accountConcurrency} per worker (IAMFIT_ACCOUNT_CONCURRENCY)</dd>
        <dt className="muted">Time budget per account</dt>
        <dd>{Math.round(limits.timeBudgetMs / 60_000)} min, then the account stops as “timed out” (IAMFIT_ACCOUNT_TIME_BUDGET_MINUTES)</dd>
        <dt className="muted">Lost worker detected after</dt>
        <dd>{Math.round(limits.staleAfterMs / 1000)} s without a heartbeat, checked every minute (IAMFIT_STALE_HEARTBEAT_SECONDS)</dd>
      </dl>
      <p className="text-xs muted">
        Requests are spaced evenly, retries included, so a collection never takes more than this share of an API’s quota from the workloads
        that call the same APIs. Change the rates with IAMFIT_REQUEST_RATES (for example <code>iam=2,ec2=5</code>, or <code>off</code>) and
        restart iamfit.
      </p>
    </div>
  );
}
