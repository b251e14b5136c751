import type { ChecklistHistoryEntry } from "@/lib/remediation/checklist-view";
import { STATE_LABELS } from "@/lib/remediation/states";
import { ACTION_LABELS, type ManualAction } from "@/lib/remediation/action-labels";

const AUTOMATIC_LABELS: Record<string, string> = {
  created: "Opened by a collection",
  finding_failed: "Reopened by a collection",
  finding_passed: "Closed by a collection",
  acceptance_expired: "Risk acceptance expired",
  sandbox_fix: "Fix applied in the sandbox",
};

function actionLabel(action: string): string {
  return AUTOMATIC_LABELS[action] ?? ACTION_LABELS[action as ManualAction]?.replace(/…$/, "") ?? action;
}

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Every change to the item: who, when (UTC), what and why. */
export function HistoryList({ history }: { history: ChecklistHistoryEntry[] }) {
  return (
    <ol className="space-y-2 text-sm">
      {history.map((entry, index) => (
        <li key={index} className="border-l-2 border-zinc-200 pl-3 dark:border-zinc-700">
          <div className="flex flex-wrap gap-x-2">
            <time dateTime={entry.at} className="muted">
              {when.format(new Date(entry.at))} UTC
            </time>
            <span className="font-medium">{entry.actor}</span>
            <span>{actionLabel(entry.action)}</span>
            {entry.fromState && entry.fromState !== entry.toState ? (
              <span className="muted">
                {STATE_LABELS[entry.fromState]} → {STATE_LABELS[entry.toState]}
              </span>
            ) : null}
          </div>
          {entry.reason ? <p className="mt-0.5 break-words">{entry.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
