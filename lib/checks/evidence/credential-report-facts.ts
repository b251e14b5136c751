/**
 * Credential-report columns as facts a person reads: "Access key 1 created 2023-04-01" rather
 * than `access_key_1_last_rotated`. The report's special values get words (AWS-NOTES): "N/A"
 * does not apply, "no_information" means no recorded use, "not_supported" is the root row's.
 */
import type { CredentialReportRow } from "@/lib/snapshot/schema";
import type { FactRow } from "./blocks";

type Column = keyof CredentialReportRow;

const COLUMN_LABELS: Record<Column, string> = {
  user: "User",
  arn: "ARN",
  user_creation_time: "User created",
  password_enabled: "Console password",
  password_last_used: "Password last used",
  password_last_changed: "Password last changed",
  password_next_rotation: "Password must change by",
  mfa_active: "MFA device",
  access_key_1_active: "Access key 1 active",
  access_key_1_last_rotated: "Access key 1 created",
  access_key_1_last_used_date: "Access key 1 last used",
  access_key_1_last_used_region: "Access key 1 last used in",
  access_key_1_last_used_service: "Access key 1 last used with",
  access_key_2_active: "Access key 2 active",
  access_key_2_last_rotated: "Access key 2 created",
  access_key_2_last_used_date: "Access key 2 last used",
  access_key_2_last_used_region: "Access key 2 last used in",
  access_key_2_last_used_service: "Access key 2 last used with",
  cert_1_active: "Signing certificate 1 active",
  cert_1_last_rotated: "Signing certificate 1 created",
  cert_2_active: "Signing certificate 2 active",
  cert_2_last_rotated: "Signing certificate 2 created",
};

const SPECIAL_VALUES: Record<string, string> = {
  "N/A": "does not apply",
  no_information: "no recorded use",
  not_supported: "not reported for the root user",
};

const ROOT_ROW_USER = "<root_account>";

export function credentialColumnLabel(column: Column): string {
  return COLUMN_LABELS[column];
}

/** A report cell in words: dates as their day and time in UTC, yes/no, the special values explained. */
export function credentialValue(value: string | boolean): { text: string; verbatim: boolean } {
  if (value === true) return { text: "yes", verbatim: false };
  if (value === false) return { text: "no", verbatim: false };
  const special = SPECIAL_VALUES[value];
  if (special) return { text: special, verbatim: false };
  const time = Date.parse(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(time)) {
    return { text: `${new Date(time).toISOString().slice(0, 16).replace("T", " ")} UTC`, verbatim: false };
  }
  return { text: value, verbatim: true };
}

/**
 * Facts from the chosen columns of a row (those present in `row`), in report order; `marked`
 * columns are what makes the finding fail.
 */
export function credentialFacts(row: Partial<Record<Column, string | boolean>>, marked: Column[] = []): FactRow[] {
  return (Object.keys(COLUMN_LABELS) as Column[]).flatMap((column): FactRow[] => {
    const value = row[column];
    if (value === undefined) return [];
    if (column === "user") return [{ label: "User", value: value === ROOT_ROW_USER ? "the root user" : String(value), verbatim: value !== ROOT_ROW_USER }];
    if (column === "arn") return [{ label: "ARN", value: String(value), verbatim: true }];
    const { text, verbatim } = credentialValue(value);
    return [{ label: COLUMN_LABELS[column], value: text, verbatim, mark: marked.includes(column) }];
  });
}
