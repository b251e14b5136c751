/**
 * Exercise 1, "Disable Root API Access Key and Secret Key" (seed 001's list; seed 004: "do not
 * use the default key provided to your AWS account").
 */
import type { AccountSnapshot, CredentialReportRow } from "@/lib/snapshot/schema";
import { activeKeys, daysSince, reportDate, rootRow, rowEvidence } from "./credential-report";
import { centralRootAccess, rootHasNoCredentials } from "./central-root-access";
import { accountRootArn, makeFinding, unknownForAccount, type CheckMeta } from "./findings";
import { globalPart, type UnavailablePart } from "./part-access";
import type { CheckDefinition, Finding } from "./types";

export function rootRowMissing(): UnavailablePart {
  return {
    part: "iam.credentialReport",
    reason: "the credential report has no <root_account> row",
    evidence: { part: "iam.credentialReport", status: "root_row_missing" },
  };
}

/** The root row, or what made it unavailable. */
export function readRootRow(snapshot: AccountSnapshot): { row: CredentialReportRow } | { unavailable: UnavailablePart } {
  const report = globalPart(snapshot, "iam.credentialReport");
  if (!report.available) return { unavailable: report.unavailable };
  const row = rootRow(report.data);
  return row ? { row } : { unavailable: rootRowMissing() };
}

/**
 * A passing root finding of a member account whose root credentials are managed centrally says
 * so, with the organization's answer in the evidence (central-root-access.ts).
 */
function withCentralManagement(snapshot: AccountSnapshot, row: CredentialReportRow, fields: Pick<Finding, "status" | "evidence" | "reason">) {
  if (fields.status !== "pass" || !rootHasNoCredentials(snapshot, row)) return fields;
  const central = centralRootAccess(snapshot);
  if (central.state !== "managed") return fields;
  const evidence = typeof fields.evidence === "object" && fields.evidence !== null && !Array.isArray(fields.evidence) ? fields.evidence : { facts: fields.evidence };
  return {
    status: fields.status,
    evidence: { ...evidence, centralRootAccess: central.evidence },
    reason: `${fields.reason.replace(/\.$/, "")}; ${central.reason}.`,
  };
}

export function rootFinding(check: CheckMeta, snapshot: AccountSnapshot, fields: Pick<Finding, "status" | "evidence" | "reason">): Finding {
  return makeFinding(check, {
    resourceId: accountRootArn(snapshot.accountId),
    resourceType: "root",
    resourceName: "root",
    ...fields,
  });
}

export const rootAccessKeys: CheckDefinition = {
  id: "root.access-keys",
  exercise: 1,
  title: "The root user has no active access key",
  severity: "critical",
  cis: ["1.4"],
  why: "Root access keys carry every permission in the account and no policy can restrict them; a leaked root key is a lost account, and nobody can tell where it is used.",
  evaluate(snapshot) {
    const root = readRootRow(snapshot);
    if ("row" in root) {
      const keys = activeKeys(root.row);
      const evidence = rowEvidence(root.row, ["access_key_1_active", "access_key_1_last_rotated", "access_key_2_active", "access_key_2_last_rotated"]);
      return [
        rootFinding(
          rootAccessKeys,
          snapshot,
          withCentralManagement(snapshot, root.row, {
            status: keys.length > 0 ? "fail" : "pass",
            evidence,
            reason:
              keys.length > 0
                ? `The root user has ${keys.length} active access key${keys.length > 1 ? "s" : ""} (key ${keys.map((key) => key.slot).join(" and ")}).`
                : "The root user has no active access key.",
          }),
        ),
      ];
    }
    // Without the report, GetAccountSummary still says whether root keys exist at all.
    const summary = globalPart(snapshot, "iam.accountSummary");
    const present = summary.available ? summary.data.AccountAccessKeysPresent : undefined;
    if (present === undefined) {
      return [unknownForAccount(rootAccessKeys, snapshot, summary.available ? [root.unavailable] : [root.unavailable, summary.unavailable])];
    }
    return [
      rootFinding(rootAccessKeys, snapshot, {
        status: present > 0 ? "fail" : "pass",
        evidence: { source: "iam:GetAccountSummary", AccountAccessKeysPresent: present },
        reason:
          present > 0
            ? "GetAccountSummary reports that the root user has an access key (the credential report, which would say whether it is active, was unavailable)."
            : "GetAccountSummary reports no root access key.",
      }),
    ];
  },
};

export const rootRecentUse: CheckDefinition = {
  id: "root.recent-use",
  exercise: 1,
  title: "The root user was not used recently",
  severity: "high",
  cis: ["1.7"],
  why: "Everyday work as root means the most powerful credential is exposed every day; root should be locked away and needed only for the few tasks that require it.",
  evaluate(snapshot, thresholds) {
    const root = readRootRow(snapshot);
    if (!("row" in root)) return [unknownForAccount(rootRecentUse, snapshot, [root.unavailable])];
    const uses = [
      { credential: "password", date: reportDate(root.row.password_last_used) },
      { credential: "access key 1", date: reportDate(root.row.access_key_1_last_used_date) },
      { credential: "access key 2", date: reportDate(root.row.access_key_2_last_used_date) },
    ].flatMap((use) => (use.date ? [{ credential: use.credential, date: use.date }] : []));
    const latest = uses.sort((a, b) => b.date.getTime() - a.date.getTime())[0];
    const evidence = rowEvidence(root.row, ["password_last_used", "access_key_1_last_used_date", "access_key_2_last_used_date"]);
    if (!latest) {
      return [
        rootFinding(
          rootRecentUse,
          snapshot,
          withCentralManagement(snapshot, root.row, { status: "pass", evidence, reason: "The credential report records no use of the root user." }),
        ),
      ];
    }
    const days = daysSince(latest.date, snapshot.collectedAt);
    const recent = days < thresholds.rootRecentUseDays;
    return [
      rootFinding(rootRecentUse, snapshot, {
        status: recent ? "fail" : "pass",
        evidence,
        reason: `The root user was last used ${days} days ago (${latest.credential}, ${latest.date.toISOString().slice(0, 10)}); the limit is ${thresholds.rootRecentUseDays} days.`,
      }),
    ];
  },
};

export const EXERCISE_01_CHECKS: CheckDefinition[] = [rootAccessKeys, rootRecentUse];
