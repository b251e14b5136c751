import { SEVERITY_CLASSES } from "@/components/findings/severity-badge";
import { SEVERITIES } from "@/lib/checks/types";
import { describeFailures, type FailureCounts } from "@/lib/scorecard/failure-counts";

/**
 * Four small counts, critical to low, in the severity colours; a zero is plain grey so the eye lands on
 * what is there. The numbers are always printed: colour is never the only signal.
 */
const ZERO_CLASSES = "severity-none";

export function FailureCountChips({ counts, label }: { counts: FailureCounts; label: string }) {
  const description = `${label}: ${describeFailures(counts)}`;
  return (
    <span className="inline-flex gap-0.5" title={description}>
      {SEVERITIES.map((severity) => (
        <span
          key={severity}
          aria-hidden="true"
          className={`failure-chip ${counts[severity] === 0 ? ZERO_CLASSES : `font-semibold ${SEVERITY_CLASSES[severity]}`}`}
        >
          {counts[severity]}
        </span>
      ))}
      <span className="sr-only">{description}</span>
    </span>
  );
}
