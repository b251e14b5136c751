import type { ChecklistHistoryEntry } from "@/lib/remediation/checklist-view";
import { describeHistoryEntry } from "@/lib/remediation/history-wording";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Every change to the item: who, when (UTC), what from what to what, and why. */
export function HistoryList({ history, nameOf }: { history: ChecklistHistoryEntry[]; nameOf: (email: string) => string }) {
  return (
    <ol className="space-y-2 text-sm">
      {history.map((entry, index) => (
        <li key={index} className="border-l-2 border-zinc-200 pl-3 dark:border-zinc-700">
          <div className="flex flex-wrap gap-x-2">
            <time dateTime={entry.at} className="muted">
              {when.format(new Date(entry.at))} UTC
            </time>
            <span className="font-medium">{nameOf(entry.actor)}</span>
            <span>{describeHistoryEntry(entry, nameOf).join(". ")}</span>
          </div>
          {entry.reason ? <p className="mt-0.5 break-words">{entry.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
