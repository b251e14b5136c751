import type { FindingStatus, Severity } from "@/lib/checks/types";

/** Also the grid's failure counts (components/scorecard/failure-counts.tsx): one colour per severity everywhere (app/globals.css). */
export const SEVERITY_CLASSES: Record<Severity, string> = {
  critical: "severity-critical",
  high: "severity-high",
  medium: "severity-medium",
  low: "severity-low",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`inline-flex rounded border px-1.5 py-0.5 text-xs font-semibold capitalize whitespace-nowrap ${SEVERITY_CLASSES[severity] ?? SEVERITY_CLASSES.low}`}>
      {severity}
    </span>
  );
}

const STATUS: Record<FindingStatus, { label: string; symbol: string; classes: string }> = {
  fail: { label: "Fail", symbol: "✕", classes: "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-300" },
  pass: { label: "Pass", symbol: "✓", classes: "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" },
  unknown: { label: "Unknown", symbol: "?", classes: "border-zinc-400 border-dashed bg-zinc-100 text-zinc-700 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-300" },
  not_applicable: { label: "Not applicable", symbol: "–", classes: "border-zinc-300 bg-white text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400" },
};

export function FindingStatusBadge({ status }: { status: FindingStatus | null }) {
  if (status === null) {
    return <span className="text-xs muted">absent</span>;
  }
  const view = STATUS[status] ?? STATUS.unknown;
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${view.classes}`}>
      <span aria-hidden="true">{view.symbol}</span>
      {view.label}
    </span>
  );
}
