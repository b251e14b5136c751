import { TONE_CLASSES, type StatusTone } from "@/components/ui/status-badge";
import type { OrganizationRowStatus } from "@/lib/onboarding/organization-view";

const STATUS: Record<OrganizationRowStatus, { label: string; tone: StatusTone; symbol: string }> = {
  linked: { label: "Linked", tone: "pass", symbol: "✓" },
  failing: { label: "Failing", tone: "fail", symbol: "✕" },
  not_linked: { label: "Not linked", tone: "neutral", symbol: "–" },
  removed: { label: "Removed", tone: "neutral", symbol: "–" },
  suspended: { label: "Suspended", tone: "warn", symbol: "!" },
  closed: { label: "Closed", tone: "warn", symbol: "!" },
  pending: { label: "Being created", tone: "active", symbol: "◷" },
};

/** How an organization account stands: iamfit's link, or what Organizations says when the account cannot be read. */
export function OrgStatusBadge({ status }: { status: OrganizationRowStatus }) {
  const { label, tone, symbol } = STATUS[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE_CLASSES[tone]}`}>
      <span aria-hidden="true">{symbol}</span>
      {label}
    </span>
  );
}
