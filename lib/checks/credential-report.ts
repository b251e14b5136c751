/**
 * Reading the IAM credential report (AWS-NOTES). Special values stay explicit: "N/A" (does not
 * apply: no such key or no password), "no_information" (never used, or not since AWS began
 * tracking), "not_supported" (root's password columns). None of them is a date, and none of
 * them means "used recently".
 */
import { ROOT_USER_ROW, type CredentialReport, type CredentialReportRow } from "@/lib/snapshot/schema";
import type { JsonValue } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;

export function rootRow(report: CredentialReport): CredentialReportRow | undefined {
  return report.rows.find((row) => row.user === ROOT_USER_ROW);
}

export function userRows(report: CredentialReport): CredentialReportRow[] {
  return report.rows.filter((row) => row.user !== ROOT_USER_ROW).sort((a, b) => a.arn.localeCompare(b.arn));
}

/** A credential-report cell as a Date, or undefined for N/A, no_information, not_supported or garbage. */
export function reportDate(value: string): Date | undefined {
  if (value === "N/A" || value === "no_information" || value === "not_supported") return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** Whole days from `date` until `now` (the snapshot's collectedAt). */
export function daysSince(date: Date, now: string): number {
  return Math.floor((Date.parse(now) - date.getTime()) / DAY_MS);
}

export function isTrue(value: boolean | "N/A" | "not_supported"): boolean {
  return value === true;
}

export interface AccessKeySlot {
  slot: 1 | 2;
  active: boolean;
  lastRotated: string;
  lastUsedDate: string;
  lastUsedRegion: string;
  lastUsedService: string;
}

export function accessKeySlots(row: CredentialReportRow): AccessKeySlot[] {
  return [
    {
      slot: 1,
      active: isTrue(row.access_key_1_active),
      lastRotated: row.access_key_1_last_rotated,
      lastUsedDate: row.access_key_1_last_used_date,
      lastUsedRegion: row.access_key_1_last_used_region,
      lastUsedService: row.access_key_1_last_used_service,
    },
    {
      slot: 2,
      active: isTrue(row.access_key_2_active),
      lastRotated: row.access_key_2_last_rotated,
      lastUsedDate: row.access_key_2_last_used_date,
      lastUsedRegion: row.access_key_2_last_used_region,
      lastUsedService: row.access_key_2_last_used_service,
    },
  ];
}

export function activeKeys(row: CredentialReportRow): AccessKeySlot[] {
  return accessKeySlots(row).filter((key) => key.active);
}

/** The chosen columns of a row, as evidence: only what the decision used, so evidence stays stable. */
export function rowEvidence(row: CredentialReportRow, columns: Array<keyof CredentialReportRow>): { [key: string]: JsonValue } {
  const evidence: { [key: string]: JsonValue } = { user: row.user, arn: row.arn };
  for (const column of columns) evidence[column] = row[column];
  return evidence;
}

/**
 * Whether the root user has no password. The report's root row always says
 * `password_enabled: not_supported`, so that column cannot tell; `password_last_used: N/A` is how
 * the report marks a principal without a password, which is what centralized root access
 * (AWS Organizations removing member accounts' root credentials) leaves behind
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user-access-management).
 */
export function rootHasNoPassword(row: CredentialReportRow): boolean {
  return row.password_enabled === false || (row.password_enabled === "not_supported" && row.password_last_used === "N/A");
}
