import { TONE_CLASSES, type StatusTone } from "@/components/ui/status-badge";

/** A delivery's state in words, with a symbol so the meaning never depends on colour alone. */
const DELIVERY: Record<string, { label: string; tone: StatusTone; symbol: string }> = {
  pending: { label: "Waiting to send", tone: "neutral", symbol: "◷" },
  sending: { label: "Sending", tone: "active", symbol: "↻" },
  retrying: { label: "Failed, will retry", tone: "warn", symbol: "!" },
  sent: { label: "Delivered", tone: "pass", symbol: "✓" },
  failed: { label: "Failed", tone: "fail", symbol: "✕" },
  failing: { label: "Failing", tone: "fail", symbol: "✕" },
};

export function AlertDeliveryBadge({ status }: { status: string }) {
  const look = DELIVERY[status] ?? { label: "Unknown", tone: "neutral" as const, symbol: "–" };
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE_CLASSES[look.tone]}`}>
      <span aria-hidden="true">{look.symbol}</span>
      {look.label}
    </span>
  );
}

/** The last attempt failed: either given up, or waiting for its next try. */
export function destinationIsFailing(lastDelivery: { status: string } | null): boolean {
  return lastDelivery !== null && (lastDelivery.status === "failed" || lastDelivery.status === "retrying");
}
