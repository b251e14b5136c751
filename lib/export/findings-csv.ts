/**
 * A findings view as CSV rows: the API's finding shape (lib/api/finding-json.ts) flattened, with
 * the evidence as a JSON cell. Cells are made formula-safe by csvLines.
 */
import type { ApiFinding } from "@/lib/api/finding-json";
import { csvLines } from "./csv";

export const FINDINGS_CSV_COLUMNS = [
  "account_id",
  "account_name",
  "exercise",
  "check_id",
  "check",
  "status",
  "severity",
  "resource_type",
  "resource",
  "resource_name",
  "region",
  "reason",
  "first_seen",
  "evidence",
] as const;

export type FindingsCsvColumn = (typeof FINDINGS_CSV_COLUMNS)[number];

export function findingCsvCells(finding: ApiFinding): Record<FindingsCsvColumn, string> {
  return {
    account_id: finding.accountId,
    account_name: finding.accountName,
    exercise: String(finding.exercise),
    check_id: finding.checkId,
    check: finding.checkTitle,
    status: finding.status,
    severity: finding.severity,
    resource_type: finding.resourceType,
    resource: finding.resource,
    resource_name: finding.resourceName,
    region: finding.region ?? "",
    reason: finding.reason,
    first_seen: finding.firstSeenAt,
    evidence: finding.evidence === null ? "" : JSON.stringify(finding.evidence),
  };
}

export function findingsCsvHeader(): string {
  return csvLines([[...FINDINGS_CSV_COLUMNS]]);
}

/** Rows without the header, so a stream can write them batch by batch. */
export function findingsCsvRows(findings: ApiFinding[]): string {
  return csvLines(findings.map((finding) => {
    const cells = findingCsvCells(finding);
    return FINDINGS_CSV_COLUMNS.map((column) => cells[column]);
  }));
}
