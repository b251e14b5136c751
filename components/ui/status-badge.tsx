/**
 * One badge for every status word iamfit stores (account, run and collection statuses). Each
 * tone also has a symbol, so the meaning never depends on colour alone.
 */
export type StatusTone = "pass" | "warn" | "fail" | "neutral" | "active";

const STATUS: Record<string, { label: string; tone: StatusTone }> = {
  succeeded: { label: "Succeeded", tone: "pass" },
  partial: { label: "Partial", tone: "warn" },
  failed: { label: "Failed", tone: "fail" },
  interrupted: { label: "Interrupted", tone: "fail" },
  timed_out: { label: "Timed out", tone: "fail" },
  never: { label: "Never collected", tone: "neutral" },
  queued: { label: "Queued", tone: "active" },
  running: { label: "Running", tone: "active" },
  collecting: { label: "Collecting", tone: "active" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  cancelling: { label: "Cancelling", tone: "active" },
  skipped: { label: "Skipped", tone: "neutral" },
};

export const TONE_CLASSES: Record<StatusTone, string> = {
  pass: "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  warn: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-300",
  fail: "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-300",
  neutral: "border-zinc-300 bg-zinc-100 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  active: "border-indigo-300 bg-indigo-50 text-indigo-800 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-300",
};

const TONE_SYMBOL: Record<StatusTone, string> = {
  pass: "✓",
  warn: "!",
  fail: "✕",
  neutral: "–",
  active: "↻",
};

// Only work that is happening moves; queued work waits with a clock.
const SPINNING = new Set(["running", "collecting"]);

export function statusLabel(status: string): string {
  return STATUS[status]?.label ?? status;
}

export function statusTone(status: string): StatusTone {
  return STATUS[status]?.tone ?? "neutral";
}

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  const tone = statusTone(status);
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE_CLASSES[tone]}`}
    >
      <span aria-hidden="true" className={SPINNING.has(status) ? "motion-safe:animate-spin" : undefined}>
        {status === "queued" ? "◷" : TONE_SYMBOL[tone]}
      </span>
      {label ?? statusLabel(status)}
    </span>
  );
}
