import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { listCollectionHealth } from "@/lib/db/organization";
import { accountHref } from "@/lib/scorecard/links";
import { loadWidget } from "./widget-state";
import { ErrorCode } from "@/components/accounts/error-code";

/** Accounts not assessed, or whose last collection failed or was partial, and why. */
export async function CollectionHealth() {
  return loadWidget("Collection health", () => listCollectionHealth(8), (health) => (
    <section aria-labelledby="collection-health-heading" className="card p-4">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="collection-health-heading" className="text-base font-semibold">
          Collection health
        </h2>
        {health.total > health.rows.length ? (
          <Link href="/accounts?sort=status" className="text-xs">
            All {health.total} on Accounts →
          </Link>
        ) : null}
      </div>
      {health.rows.length === 0 ? (
        <p className="mt-2 text-sm muted">Every account was collected completely in its last collection.</p>
      ) : (
        <ul className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800">
          {health.rows.map((row) => (
            <li key={row.awsAccountId} className="py-2 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link href={accountHref(row.awsAccountId)} className="font-medium break-words">
                  {row.name}
                </Link>
                <StatusBadge status={row.lastStatus} label={row.assessed ? undefined : row.lastStatus === "never" ? "Not assessed yet" : `Not assessed · ${row.lastStatus}`} />
              </div>
              <p className="mt-0.5 text-xs muted">
                {row.lastError?.code ? (
                  <>
                    <ErrorCode code={row.lastError.code} className="text-red-800 dark:text-red-300" />
                    {row.lastError.api ? <> in {row.lastError.api}</> : null}
                    {row.lastError.message ? <>: {truncate(row.lastError.message, 160)}</> : null}
                  </>
                ) : row.assessed ? (
                  "Some parts could not be collected."
                ) : (
                  "Waiting for its first collection."
                )}{" "}
                {row.lastCollectedAt ? (
                  <>
                    Last collected <RelativeTime date={row.lastCollectedAt} />.
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  ));
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
