import { TONE_CLASSES, type StatusTone } from "@/components/ui/status-badge";
import { REOPEN_MARK_LABELS, STATE_LABELS, type ChecklistState, type ReopenMark } from "@/lib/remediation/states";

const STATE_TONE: Record<ChecklistState, { tone: StatusTone; symbol: string }> = {
  open: { tone: "fail", symbol: "○" },
  in_progress: { tone: "active", symbol: "◐" },
  done: { tone: "warn", symbol: "●" },
  risk_accepted: { tone: "neutral", symbol: "⚑" },
  verified: { tone: "pass", symbol: "✓" },
  fixed: { tone: "pass", symbol: "✓" },
};

/** A checklist state with a symbol, so it never depends on colour alone. */
export function ChecklistStateBadge({ state }: { state: ChecklistState }) {
  const view = STATE_TONE[state];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE_CLASSES[view.tone]}`}>
      <span aria-hidden="true">{view.symbol}</span>
      {STATE_LABELS[state]}
    </span>
  );
}

/** Why an item is open again ("Claimed fixed, still failing"): loud on purpose. */
export function ReopenMarkBadge({ mark }: { mark: ReopenMark }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-red-700 bg-red-700 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-white dark:border-red-500 dark:bg-red-600">
      <span aria-hidden="true">!</span>
      {REOPEN_MARK_LABELS[mark]}
    </span>
  );
}
