/** Test-only factories for AWS answers that several test files need. */
import { CREDENTIAL_REPORT_COLUMNS } from "../parsers/credential-report";
import { TEST_TARGET } from "./test-clients";

/** A credential report with one row per user: nothing active, dates N/A, as for a fresh user. */
export function credentialReportCsv(users: string[] = ["alice"]): string {
  const row = (user: string) =>
    CREDENTIAL_REPORT_COLUMNS.map((column) => {
      if (column === "user") return user;
      if (column === "arn") {
        return user === "<root_account>" ? `arn:aws:iam::${TEST_TARGET.accountId}:root` : `arn:aws:iam::${TEST_TARGET.accountId}:user/${user}`;
      }
      if (column.endsWith("_active") || column === "password_enabled") return "false";
      if (column.endsWith("_region") || column.endsWith("_service")) return "N/A";
      return column === "user_creation_time" ? "2024-01-02T03:04:05+00:00" : "N/A";
    }).join(",");
  return [CREDENTIAL_REPORT_COLUMNS.join(","), ...users.map(row)].join("\n");
}

export const REPORT_GENERATED = new Date("2025-11-20T08:00:00Z");

export function credentialReportOutput(csv = credentialReportCsv()) {
  return { Content: new TextEncoder().encode(csv), ReportFormat: "text/csv", GeneratedTime: REPORT_GENERATED };
}
