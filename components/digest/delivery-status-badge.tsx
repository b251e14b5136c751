import { TONE_CLASSES, type StatusTone } from "@/components/ui/status-badge";
import type { DeliveryStatus } from "@/lib/db/digest-deliveries";

const STATUS: Record<DeliveryStatus, { label: string; tone: StatusTone; symbol: string }> = {
  pending: { label: "Queued", tone: "active", symbol: "◷" },
  sending: { label: "Sending", tone: "active", symbol: "↻" },
  retrying: { label: "Will retry", tone: "warn", symbol: "!" },
  sent: { label: "Sent", tone: "pass", symbol: "✓" },
  failed: { label: "Failed", tone: "fail", symbol: "✕" },
  skipped: { label: "Skipped", tone: "neutral", symbol: "–" },
};

/** A delivery's status in words and a symbol (never colour alone). */
export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const entry = STATUS[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE_CLASSES[entry.tone]}`}>
      <span aria-hidden="true">{entry.symbol}</span>
      {entry.label}
    </span>
  );
}
