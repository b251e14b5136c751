import type { ReactNode } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatDuration, formatUtc, RelativeTime } from "@/components/ui/relative-time";
import type { RunAccountFilter } from "@/lib/db/run-page";
import type { RunSummary } from "@/lib/db/runs";
import { triggerLabel } from "./trigger-label";

/** A run at a glance: progress (accounts done of total), outcome counts, timing and API calls. */
export function RunSummaryCard({ run, counts, now = new Date() }: { run: RunSummary; counts: Record<RunAccountFilter | "all", number>; now?: Date }) {
  const number = new Intl.NumberFormat("en");
  const active = run.status === "queued" || run.status === "running";
  const total = run.accountsTotal || counts.all;
  // While it runs, progress is accounts done; once over, what it collected, with failed and
  // cancelled accounts counted apart, so a cancelled run never reads "100 %".
  const collected = run.accountsDone - run.accountsFailed - run.accountsCancelled;
  const shown = active ? run.accountsDone : collected;
  return (
    <section aria-label="Summary" className="card p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-lg font-semibold tabular-nums">
          {number.format(shown)} of {number.format(total)} accounts {active ? "done" : "collected"}
          {run.accountsFailed > 0 ? (
            <span className="ml-2 text-base text-red-700 dark:text-red-400">{number.format(run.accountsFailed)} failed</span>
          ) : null}
          {run.accountsCancelled > 0 ? <span className="ml-2 text-base muted">{number.format(run.accountsCancelled)} cancelled</span> : null}
        </p>
        <p className="text-sm muted">{total > 0 ? Math.round((shown / total) * 100) : 0}%</p>
      </div>
      <div className="mt-2">
        <ProgressBar value={shown} max={total} label={active ? "Accounts done" : "Accounts collected"} />
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="Trigger" value={triggerLabel(run.trigger, run.kind)} />
        <Stat label="Started" value={<RelativeTime date={run.startedAt ?? run.createdAt} now={now} />} />
        <Stat
          label={active ? "Running for" : "Duration"}
          value={active ? formatDuration(run.startedAt ?? run.createdAt, now) : formatDuration(run.startedAt, run.finishedAt)}
        />
        <Stat label="Finished" value={run.finishedAt ? formatUtc(run.finishedAt) : "—"} />
        <Stat label="In progress" value={number.format(counts.active)} />
        <Stat label="API calls" value={active && run.apiCalls === 0 ? "counted at the end" : number.format(run.apiCalls)} />
      </dl>
    </section>
  );
}

function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <dt className="text-xs muted">{label}</dt>
      <dd className="mt-0.5 font-medium tabular-nums">{value}</dd>
    </div>
  );
}
