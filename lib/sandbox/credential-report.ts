/**
 * Renders an account's IAM credential report CSV exactly as AWS lays it out: 22 columns, the
 * root user first as `<root_account>`, lowercase booleans, ISO dates with "+00:00", and the
 * special values N/A, no_information and not_supported (IAM user guide, "Getting credential
 * reports for your AWS account").
 */
import { stringify } from "csv-stringify/sync";
import { arns } from "@/lib/sandbox/identifiers";
import type { AccessKey, SandboxAccount, SandboxPasswordPolicy } from "@/lib/sandbox/model";

export const CREDENTIAL_REPORT_COLUMNS = [
  "user",
  "arn",
  "user_creation_time",
  "password_enabled",
  "password_last_used",
  "password_last_changed",
  "password_next_rotation",
  "mfa_active",
  "access_key_1_active",
  "access_key_1_last_rotated",
  "access_key_1_last_used_date",
  "access_key_1_last_used_region",
  "access_key_1_last_used_service",
  "access_key_2_active",
  "access_key_2_last_rotated",
  "access_key_2_last_used_date",
  "access_key_2_last_used_region",
  "access_key_2_last_used_service",
  "cert_1_active",
  "cert_1_last_rotated",
  "cert_2_active",
  "cert_2_last_rotated",
] as const;

const DAY_MS = 86_400_000;

export function reportDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

function keyColumns(key: AccessKey | undefined): string[] {
  if (!key) return ["false", "N/A", "N/A", "N/A", "N/A"];
  return [
    String(key.active),
    reportDate(key.createdAt),
    key.lastUsed ? reportDate(key.lastUsed.date) : "N/A",
    key.lastUsed?.region ?? "N/A",
    key.lastUsed?.service ?? "N/A",
  ];
}

const NO_CERTIFICATES = ["false", "N/A", "false", "N/A"];

function nextRotation(lastChanged: Date, policy: SandboxPasswordPolicy | undefined): string {
  if (!policy?.maxPasswordAge) return "N/A";
  return reportDate(new Date(lastChanged.getTime() + policy.maxPasswordAge * DAY_MS));
}

export function credentialReportRows(account: SandboxAccount): string[][] {
  const { root } = account;
  const rootRow = [
    "<root_account>",
    arns.root(account.accountId),
    reportDate(account.createdAt),
    "not_supported",
    root.password ? (root.password.lastUsed ? reportDate(root.password.lastUsed) : "no_information") : "N/A",
    "not_supported",
    "not_supported",
    String(root.mfa !== undefined),
    ...keyColumns(root.accessKeys[0]),
    ...keyColumns(root.accessKeys[1]),
    ...NO_CERTIFICATES,
  ];
  const userRows = account.users.map((user) => [
    user.userName,
    arns.user(account.accountId, user.path, user.userName),
    reportDate(user.createdAt),
    String(user.password !== undefined),
    user.password ? (user.password.lastUsed ? reportDate(user.password.lastUsed) : "no_information") : "N/A",
    user.password ? reportDate(user.password.lastChanged) : "N/A",
    user.password ? nextRotation(user.password.lastChanged, account.passwordPolicy) : "N/A",
    String(user.mfa !== undefined),
    ...keyColumns(user.accessKeys[0]),
    ...keyColumns(user.accessKeys[1]),
    ...NO_CERTIFICATES,
  ]);
  return [rootRow, ...userRows];
}

/** The CSV text GetCredentialReport returns (as bytes) in `Content`. */
export function renderCredentialReport(account: SandboxAccount): string {
  return stringify([[...CREDENTIAL_REPORT_COLUMNS], ...credentialReportRows(account)], { record_delimiter: "\n" }).replace(/\n$/, "");
}
