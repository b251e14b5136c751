/**
 * An account's open failures by severity, as the grid shows them beside its score: the score
 * averages, so a green 86 can still hold a critical failure; these counts say so.
 */
import { SEVERITIES, type Severity } from "@/lib/checks/types";

export type FailureCounts = Record<Severity, number>;

export const NO_FAILURES: FailureCounts = { critical: 0, high: 0, medium: 0, low: 0 };

/** "1 critical, 2 high and 14 medium open failures"; "no open failures". Severities with none are left out. */
export function describeFailures(counts: FailureCounts): string {
  const parts = SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => `${counts[severity]} ${severity}`);
  if (parts.length === 0) return "no open failures";
  const total = SEVERITIES.reduce((sum, severity) => sum + counts[severity], 0);
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)!}`;
  return `${list} open failure${total === 1 ? "" : "s"}`;
}
