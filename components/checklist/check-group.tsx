import type { ReactNode } from "react";
import { SeverityBadge } from "@/components/findings/severity-badge";
import type { CheckGroupPage } from "@/lib/remediation/checklist-listing";
import { CHECKLIST_STATES, STATE_LABELS } from "@/lib/remediation/states";
import { checkInfo } from "@/lib/scorecard/catalogue";

function stateSummary(group: CheckGroupPage): string {
  return CHECKLIST_STATES.flatMap((state) => (group.byState[state] ? [`${group.byState[state]} ${STATE_LABELS[state].toLowerCase()}`] : [])).join(", ");
}

/** One check's items on this page under a header: the check, its worst severity, how many items and in which states. */
export function CheckGroupSection({ group, children }: { group: CheckGroupPage; children: ReactNode }) {
  const check = checkInfo(group.checkId, group.exercise);
  const total = group.items.length;
  const cut = group.shown.length < total;
  const headingId = `check-${group.checkId.replace(/[^a-z0-9-]/gi, "-")}`;
  return (
    <section aria-labelledby={headingId} data-severity={group.severity} className="card overflow-hidden break-inside-avoid-page">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-zinc-200 bg-zinc-50 px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id={headingId} className="text-base font-semibold">
          {check.title}
        </h2>
        <SeverityBadge severity={group.severity} />
        <span className="text-sm muted">
          Exercise {group.exercise} · {total} item{total === 1 ? "" : "s"}: {stateSummary(group)}
          {cut ? ` · ${group.offset + 1}–${group.offset + group.shown.length} shown here` : ""}
        </span>
      </header>
      <div className="divide-y divide-zinc-100 dark:divide-zinc-800">{children}</div>
    </section>
  );
}
