import { TONE_CLASSES, type StatusTone } from "@/components/ui/status-badge";
import { CONTROL_STATUS_LABELS, type ControlStatus } from "@/lib/compliance/evaluate";

const TONE: Record<ControlStatus, { tone: StatusTone; symbol: string }> = {
  fail: { tone: "fail", symbol: "✕" },
  unknown: { tone: "warn", symbol: "?" },
  pass: { tone: "pass", symbol: "✓" },
  not_assessed: { tone: "neutral", symbol: "–" },
};

/** A control's status in words with a symbol, so it never depends on colour alone. */
export function ControlStatusBadge({ status }: { status: ControlStatus }) {
  const { tone, symbol } = TONE[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE_CLASSES[tone]}`}>
      <span aria-hidden="true">{symbol}</span>
      {CONTROL_STATUS_LABELS[status]}
    </span>
  );
}
