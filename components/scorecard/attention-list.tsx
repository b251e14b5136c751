import Link from "next/link";
import { listAccountsNeedingAttention } from "@/lib/db/organization";
import { exerciseInfo } from "@/lib/scorecard/catalogue";
import { accountExerciseHref, accountHref } from "@/lib/scorecard/links";
import { ScoreBadge } from "./score-badge";
import { loadWidget } from "./widget-state";

/** Accounts with the most open critical failures first, then high ones; the score only breaks ties. */
export async function AttentionList() {
  return loadWidget("Accounts needing attention", () => listAccountsNeedingAttention(6), (accounts) => (
    <section aria-labelledby="attention-heading" className="card p-4">
      <h2 id="attention-heading" className="text-base font-semibold">
        Accounts needing attention
      </h2>
      <p className="mt-0.5 text-xs muted">Most open critical failures first, then high; the lowest score breaks ties.</p>
      {accounts.length === 0 ? (
        <p className="mt-2 text-sm muted">Every assessed account scores 80 or more with no critical or high failures.</p>
      ) : (
        <ol className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800">
          {accounts.map((account) => (
            <li key={account.awsAccountId} className="flex items-start gap-3 py-2 text-sm">
              <ScoreBadge score={account.score} size="sm" />
              <div className="min-w-0 flex-1">
                <Link href={accountHref(account.awsAccountId)} className="font-medium break-words">
                  {account.name}
                </Link>
                <div className="text-xs muted">
                  {account.worstExercise ? (
                    <>
                      Weakest:{" "}
                      <Link href={accountExerciseHref(account.awsAccountId, account.worstExercise.exercise)}>
                        {account.worstExercise.exercise}. {exerciseInfo(account.worstExercise.exercise).title} ({account.worstExercise.score})
                      </Link>
                    </>
                  ) : (
                    <span className="font-mono">{account.awsAccountId}</span>
                  )}
                </div>
              </div>
              <div className="text-right text-xs whitespace-nowrap tabular-nums">
                {account.criticalFailures > 0 ? <div className="font-semibold text-red-700 dark:text-red-400">{account.criticalFailures} critical</div> : null}
                {account.highFailures > 0 ? <div>{account.highFailures} high</div> : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  ));
}
