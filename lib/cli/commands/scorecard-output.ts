/**
 * How `iamfit scorecard` and `iamfit findings` print: tables for people, the API's JSON shape
 * and the export's CSV for machines. Names come from AWS and may carry terminal control
 * sequences; a table shows them as visible escapes instead of letting the terminal run them.
 */
import type { ApiFinding } from "@/lib/api/finding-json";
import type { ApiScorecard } from "@/lib/api/scorecard-json";
import { SEVERITIES, type Severity } from "@/lib/checks/types";

// C0 and C1 control characters (ESC starts ANSI sequences; U+009B is a one-byte CSI).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

const scoreText = (score: number | null) => (score === null ? "–" : String(score));

export const SCORECARD_COLUMNS = ["account", "name", "score", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9", "e10", "passed", "failed", "unknown"];

/** One row per account, then the organization. */
export function scorecardTableRows(scorecard: ApiScorecard): Array<Record<string, string>> {
  const rows = scorecard.accounts.map((account) => ({
    account: account.accountId,
    name: terminalSafe(account.name),
    score: account.runId === null ? "not assessed" : scoreText(account.score),
    ...Object.fromEntries(account.exercises.map((entry) => [`e${entry.exercise}`, scoreText(entry.score)])),
    passed: String(account.passed),
    failed: String(account.failed),
    unknown: String(account.unknown),
  }));
  const org = scorecard.organization;
  const total = (key: "passed" | "failed" | "unknown") => String(org.exercises.reduce((sum, entry) => sum + entry[key], 0));
  return [
    ...rows,
    {
      account: "organization",
      name: `${org.accountsAssessed} of ${org.accountsLinked} assessed`,
      score: scoreText(org.score),
      ...Object.fromEntries(org.exercises.map((entry) => [`e${entry.exercise}`, scoreText(entry.score)])),
      passed: total("passed"),
      failed: total("failed"),
      unknown: total("unknown"),
    },
  ];
}

export const FINDINGS_COLUMNS = ["account", "exercise", "severity", "status", "check", "resource"];

export function findingTableRow(finding: ApiFinding): Record<string, string> {
  return {
    account: finding.accountId,
    exercise: String(finding.exercise),
    severity: finding.severity,
    status: finding.status,
    check: finding.checkId,
    resource: terminalSafe(finding.resourceName === finding.resource ? finding.resource : `${finding.resourceName} (${finding.resource})`),
  };
}

/** Severities at or above `threshold`: `high` means critical and high. */
export function severitiesAtOrAbove(threshold: Severity): Severity[] {
  return SEVERITIES.slice(0, SEVERITIES.indexOf(threshold) + 1);
}

/** The message `--fail-on` exits with, or undefined when no failing finding reaches the threshold. */
export function failOnMessage(threshold: Severity, failing: Record<Severity, number>): string | undefined {
  const reached = severitiesAtOrAbove(threshold).filter((severity) => failing[severity] > 0);
  if (reached.length === 0) return undefined;
  const total = reached.reduce((sum, severity) => sum + failing[severity], 0);
  const parts = reached.map((severity) => `${failing[severity]} ${severity}`).join(", ");
  return `${total} failing finding${total === 1 ? "" : "s"} at or above ${threshold} (${parts})`;
}
