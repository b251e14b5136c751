/**
 * An account's key figures, computed from its stored snapshot: root keys present, MFA coverage
 * of console users, the oldest active access key, the number of admin users, and STS regions
 * active versus used. A figure whose facts could not be read says why instead of guessing
 * (CHECKS.md: unknown is never a pass).
 */
import { activeKeys, daysSince, isTrue, reportDate, rootRow, userRows } from "@/lib/checks/credential-report";
import { analyseIam } from "@/lib/checks/iam-analysis";
import { globalPart } from "@/lib/checks/part-access";
import { regionUsage } from "@/lib/checks/region-usage";
import { DEFAULT_THRESHOLDS, type Thresholds } from "@/lib/checks/types";
import type { AccountSnapshot } from "@/lib/snapshot/schema";

export type KeyFigure<T> = { available: true; value: T } | { available: false; reason: string };

export interface AccountKeyFigures {
  rootKeys: KeyFigure<{ present: boolean; activeKeys: number | null }>;
  /** Console users (password enabled) with MFA; percent is null when there are none. */
  mfaCoverage: KeyFigure<{ covered: number; total: number; percent: number | null }>;
  /** `tooOld`: older than the key-age threshold (CIS 1.14). */
  oldestActiveKey: KeyFigure<{ ageDays: number; userName: string; slot: 1 | 2; tooOld: boolean } | null>;
  /** `overLimit`: more admin users than the threshold allows (check admins.count). */
  admins: KeyFigure<{ count: number; names: string[]; undetermined: number; overLimit: boolean }>;
  /** `activeUnused` excludes us-east-1 (cannot be deactivated) and regions whose use could not be read. */
  stsRegions: KeyFigure<{ active: string[]; used: string[]; activeUnused: string[]; activeUsageUnknown: string[] }>;
}

function unavailable(reason: string): { available: false; reason: string } {
  return { available: false, reason };
}

function rootKeys(snapshot: AccountSnapshot): AccountKeyFigures["rootKeys"] {
  const report = globalPart(snapshot, "iam.credentialReport");
  const root = report.available ? rootRow(report.data) : undefined;
  if (root) {
    const count = activeKeys(root).length;
    return { available: true, value: { present: count > 0, activeKeys: count } };
  }
  // GetAccountSummary's AccountAccessKeysPresent says whether, not how many (CIS 1.4).
  const summary = globalPart(snapshot, "iam.accountSummary");
  const present = summary.available ? summary.data.AccountAccessKeysPresent : undefined;
  if (present !== undefined) return { available: true, value: { present: present > 0, activeKeys: null } };
  return unavailable(report.available ? "the credential report has no root row" : report.unavailable.reason);
}

function mfaCoverage(snapshot: AccountSnapshot): AccountKeyFigures["mfaCoverage"] {
  const report = globalPart(snapshot, "iam.credentialReport");
  if (!report.available) return unavailable(report.unavailable.reason);
  const consoleUsers = userRows(report.data).filter((row) => isTrue(row.password_enabled));
  const covered = consoleUsers.filter((row) => isTrue(row.mfa_active)).length;
  const total = consoleUsers.length;
  return { available: true, value: { covered, total, percent: total === 0 ? null : Math.floor((covered / total) * 100) } };
}

function oldestActiveKey(snapshot: AccountSnapshot, thresholds: Thresholds): AccountKeyFigures["oldestActiveKey"] {
  const report = globalPart(snapshot, "iam.credentialReport");
  if (!report.available) return unavailable(report.unavailable.reason);
  let oldest: { ageDays: number; userName: string; slot: 1 | 2; tooOld: boolean } | null = null;
  for (const row of userRows(report.data)) {
    for (const key of activeKeys(row)) {
      const rotated = reportDate(key.lastRotated);
      if (!rotated) continue;
      const ageDays = daysSince(rotated, snapshot.collectedAt);
      if (!oldest || ageDays > oldest.ageDays) oldest = { ageDays, userName: row.user, slot: key.slot, tooOld: ageDays > thresholds.keyMaxAgeDays };
    }
  }
  return { available: true, value: oldest };
}

function admins(snapshot: AccountSnapshot, thresholds: Thresholds): AccountKeyFigures["admins"] {
  const details = globalPart(snapshot, "iam.authorizationDetails");
  if (!details.available) return unavailable(details.unavailable.reason);
  // The same analysis check admins.count uses, so the figure and the check always agree.
  const { users } = analyseIam(details.data, snapshot).admins;
  const adminUsers = users.filter((user) => user.status === "admin");
  return {
    available: true,
    value: {
      count: adminUsers.length,
      names: adminUsers.map((user) => user.name).sort(),
      undetermined: users.filter((user) => user.status === "undetermined").length,
      overLimit: adminUsers.length > thresholds.adminLimit,
    },
  };
}

/** Its STS endpoint is the global one, which cannot be deactivated (AWS-NOTES, "STS regional settings"). */
const ALWAYS_ACTIVE_REGION = "us-east-1";

/** Active versus used as check sts.regions-unused-disabled weighs them (lib/checks/region-usage.ts). */
function stsRegions(snapshot: AccountSnapshot): AccountKeyFigures["stsRegions"] {
  const status = globalPart(snapshot, "sts.regionStatus");
  if (!status.available) return unavailable(status.unavailable.reason);
  const usage = regionUsage(snapshot);
  const known = [...new Set([...status.data.regions.map((region) => region.region), ...snapshot.regions])].sort();
  const active = status.data.regions.filter((region) => region.status === "active").map((region) => region.region).sort();
  const used = known.filter((region) => usage.usedBy(region).length > 0);
  const idle = active.filter((region) => region !== ALWAYS_ACTIVE_REGION && !used.includes(region));
  return {
    available: true,
    value: {
      active,
      used,
      activeUnused: idle.filter((region) => usage.unavailableFor(region).length === 0),
      activeUsageUnknown: idle.filter((region) => usage.unavailableFor(region).length > 0),
    },
  };
}

export function computeKeyFigures(snapshot: AccountSnapshot, thresholds: Thresholds = DEFAULT_THRESHOLDS): AccountKeyFigures {
  return {
    rootKeys: rootKeys(snapshot),
    mfaCoverage: mfaCoverage(snapshot),
    oldestActiveKey: oldestActiveKey(snapshot, thresholds),
    admins: admins(snapshot, thresholds),
    stsRegions: stsRegions(snapshot),
  };
}
