/**
 * The IAM credential report (GetCredentialReport, ReportFormat text/csv): 22 columns, one row per
 * user plus `<root_account>`. Special values are kept exactly as AWS writes them — "N/A" (does
 * not apply), "no_information" (never used, or before AWS tracked it), "not_supported" (the root
 * row's password columns) — because "never used" and "false" mean different things to a check.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 */
import { parse } from "csv-parse/sync";
import {
  credentialReportRowSchema,
  credentialReportSchema,
  type CredentialReport,
  type CredentialReportRow,
} from "@/lib/snapshot/schema";

export const CREDENTIAL_REPORT_COLUMNS = Object.keys(credentialReportRowSchema.shape) as Array<keyof CredentialReportRow>;

type ColumnKind = "text" | "boolean" | "date";

const BOOLEAN_COLUMNS = new Set<string>([
  "password_enabled",
  "mfa_active",
  "access_key_1_active",
  "access_key_2_active",
  "cert_1_active",
  "cert_2_active",
]);
const TEXT_COLUMNS = new Set<string>([
  "user",
  "arn",
  "access_key_1_last_used_region",
  "access_key_1_last_used_service",
  "access_key_2_last_used_region",
  "access_key_2_last_used_service",
]);

function kindOf(column: string): ColumnKind {
  if (BOOLEAN_COLUMNS.has(column)) return "boolean";
  if (TEXT_COLUMNS.has(column)) return "text";
  return "date";
}

const BOOLEAN_SPECIALS = new Set(["N/A", "not_supported"]);
const DATE_SPECIALS = new Set(["N/A", "no_information", "not_supported"]);

/** The report did not have the shape AWS documents; the message names the column and the user. */
export class CredentialReportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CredentialReportFormatError";
  }
}

export function parseCredentialReport(content: string | Uint8Array, generatedAt: string): CredentialReport {
  const text = typeof content === "string" ? content : new TextDecoder("utf-8").decode(content);
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  } catch (error) {
    throw new CredentialReportFormatError(
      `The credential report is not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const header = headerOf(text);
  const missing = CREDENTIAL_REPORT_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new CredentialReportFormatError(
      `The credential report lacks ${missing.length === 1 ? "the column" : "the columns"} ${missing.join(", ")} ` +
        `(it has ${header.length} of the 22 documented columns).`,
    );
  }
  const rows = records.map((record) => parseRow(record));
  rows.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
  return credentialReportSchema.parse({ generatedAt, rows });
}

function headerOf(text: string): string[] {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const parsed = parse(firstLine, { relax_quotes: true }) as string[][];
  return (parsed[0] ?? []).map((column) => column.trim());
}

function parseRow(record: Record<string, string>): CredentialReportRow {
  const user = record.user ?? "";
  const row: Record<string, unknown> = {};
  for (const column of CREDENTIAL_REPORT_COLUMNS) {
    row[column] = parseValue(column, record[column] ?? "", user);
  }
  return credentialReportRowSchema.parse(row);
}

function parseValue(column: string, value: string, user: string): unknown {
  switch (kindOf(column)) {
    case "text":
      return value;
    case "boolean":
      if (value === "true") return true;
      if (value === "false") return false;
      if (BOOLEAN_SPECIALS.has(value)) return value;
      throw unexpected(column, value, user, "true, false, N/A or not_supported");
    case "date":
      if (DATE_SPECIALS.has(value)) return value;
      if (value !== "" && !Number.isNaN(Date.parse(value))) return value;
      throw unexpected(column, value, user, "an ISO 8601 date, N/A, no_information or not_supported");
  }
}

function unexpected(column: string, value: string, user: string, expected: string): CredentialReportFormatError {
  return new CredentialReportFormatError(
    `Credential report row for user "${user}": column ${column} has the unexpected value ${JSON.stringify(value)} ` +
      `(expected ${expected}).`,
  );
}
