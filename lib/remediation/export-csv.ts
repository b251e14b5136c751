/**
 * A checklist as CSV for spreadsheets; cells are made formula-safe by lib/export/csv.
 */
import { csvLines } from "@/lib/export/csv";
import { getCheck } from "@/lib/checks/registry";
import { remediationFor } from "./catalogue";
import { isOverdue, type ChecklistItemView } from "./checklist-view";
import { renderCliCommand } from "./shell";
import { REOPEN_MARK_LABELS, STATE_LABELS } from "./states";

export { spreadsheetSafe } from "@/lib/export/csv";

export const CSV_COLUMNS = [
  "account_id",
  "account_name",
  "exercise",
  "check_id",
  "check",
  "severity",
  "resource",
  "resource_id",
  "region",
  "state",
  "mark",
  "assignee",
  "due_on",
  "overdue",
  "risk_reason",
  "risk_expires_on",
  "finding",
  "what_to_do",
  "cli_commands",
  "first_seen",
] as const;

export function checklistCsvRow(item: ChecklistItemView, now: Date): Record<(typeof CSV_COLUMNS)[number], string> {
  const remediation = remediationFor(item);
  return {
    account_id: item.awsAccountId,
    account_name: item.accountName,
    exercise: String(item.exercise),
    check_id: item.checkId,
    check: getCheck(item.checkId)?.title ?? item.checkId,
    severity: item.severity,
    resource: item.resourceName,
    resource_id: item.resourceId,
    region: item.region ?? "",
    state: STATE_LABELS[item.state],
    mark: item.reopenMark ? REOPEN_MARK_LABELS[item.reopenMark] : "",
    assignee: item.assignee ?? "",
    due_on: item.dueOn ?? "",
    overdue: isOverdue(item, now) ? "yes" : "",
    risk_reason: item.riskReason ?? "",
    risk_expires_on: item.riskExpiresOn ?? "",
    finding: item.reason,
    what_to_do: remediation?.summary ?? "",
    cli_commands: remediation ? remediation.commands.map(renderCliCommand).join("\n") : "",
    first_seen: item.createdAt,
  };
}

export function checklistCsv(items: ChecklistItemView[], now: Date): string {
  const rows = items.map((item) => {
    const row = checklistCsvRow(item, now);
    return CSV_COLUMNS.map((column) => row[column]);
  });
  return csvLines([[...CSV_COLUMNS], ...rows]);
}
