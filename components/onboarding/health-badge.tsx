import { TONE_CLASSES, type StatusTone } from "@/components/ui/status-badge";
import type { ConnectionHealthState } from "@/lib/onboarding/connection-health";

const TONES: Record<ConnectionHealthState, { tone: StatusTone; symbol: string }> = {
  healthy: { tone: "pass", symbol: "✓" },
  degraded: { tone: "warn", symbol: "!" },
  failing: { tone: "fail", symbol: "✕" },
  pending: { tone: "active", symbol: "◷" },
  suspended: { tone: "warn", symbol: "!" },
  closed: { tone: "neutral", symbol: "–" },
  left_organization: { tone: "neutral", symbol: "–" },
};

export function HealthBadge({ state, label }: { state: ConnectionHealthState; label: string }) {
  const { tone, symbol } = TONES[state];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE_CLASSES[tone]}`}>
      <span aria-hidden="true">{symbol}</span>
      {label}
    </span>
  );
}
