import { ProgressBar } from "@/components/ui/progress-bar";
import type { ChecklistProgress } from "@/lib/remediation/checklist-view";

/** How far the account is: confirmed fixes over all items, and what is waiting on whom. */
export function ChecklistProgressCard({ progress }: { progress: ChecklistProgress }) {
  const { byState } = progress;
  const figures = [
    { label: "To do", value: byState.open + byState.in_progress, detail: `${byState.in_progress} in progress` },
    { label: "Done, awaiting verification", value: progress.awaitingVerification },
    { label: "Risk accepted", value: byState.risk_accepted },
    { label: "Verified or fixed", value: progress.resolved },
    { label: "Overdue", value: progress.overdue },
  ];
  return (
    <section aria-label="Progress" className="card p-4">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">
          {progress.resolved} of {progress.total} items verified or fixed ({progress.percentResolved}%)
        </h2>
      </div>
      <ProgressBar value={progress.resolved} max={progress.total} label="Items verified or fixed" />
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        {figures.map((figure) => (
          <div key={figure.label}>
            <dt className="muted">{figure.label}</dt>
            <dd className={`text-lg font-semibold ${figure.label === "Overdue" && figure.value > 0 ? "text-red-700 dark:text-red-400" : ""}`}>
              {figure.value}
              {figure.detail ? <span className="ml-1 text-xs font-normal muted">({figure.detail})</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
