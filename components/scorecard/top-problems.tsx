import Link from "next/link";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { listTopProblems } from "@/lib/db/organization";
import { checkInfo, exerciseInfo } from "@/lib/scorecard/catalogue";
import { exerciseHref } from "@/lib/scorecard/links";
import { loadWidget } from "./widget-state";

/** The failing checks that matter most right now: what a security lead looks at first. */
export async function TopProblems() {
  return loadWidget("The worst problems", () => listTopProblems(6), (problems) => (
    <section aria-labelledby="top-problems-heading" className="card p-4">
      <h2 id="top-problems-heading" className="text-base font-semibold">
        Worst problems now
      </h2>
      {problems.length === 0 ? (
        <p className="mt-2 text-sm muted">No failing checks in any assessed account.</p>
      ) : (
        <ol className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800">
          {problems.map((problem) => {
            const check = checkInfo(problem.checkId, problem.exercise);
            return (
              <li key={`${problem.checkId}-${problem.severity}`} className="flex items-start gap-3 py-2">
                <SeverityBadge severity={problem.severity} />
                <div className="min-w-0 flex-1 text-sm">
                  <Link href={exerciseHref(problem.exercise, { check: problem.checkId })} className="font-medium">
                    {check.title}
                  </Link>
                  <div className="text-xs muted">
                    Exercise {problem.exercise}, {exerciseInfo(problem.exercise).title} · <code>{problem.checkId}</code>
                  </div>
                </div>
                <div className="text-right text-xs whitespace-nowrap tabular-nums">
                  <div className="font-semibold">
                    {problem.accounts} account{problem.accounts === 1 ? "" : "s"}
                  </div>
                  <div className="muted">
                    {problem.resources} resource{problem.resources === 1 ? "" : "s"}
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  ));
}
