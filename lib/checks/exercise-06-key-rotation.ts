/**
 * Exercise 6, "Rotate all the Keys Regularly" (seed 002: treat keys as disposable; CIS 1.8–1.14).
 */
import type { CredentialReportRow } from "@/lib/snapshot/schema";
import { activeKeys, daysSince, isTrue, reportDate, rowEvidence, userRows, type AccessKeySlot } from "./credential-report";
import { accessKeyResourceId, makeFinding, passwordResourceId, unknownForAccount } from "./findings";
import { recentUseEvidence } from "./exercise-05-visibility";
import { globalPart } from "./part-access";
import type { CheckDefinition, Finding, JsonValue } from "./types";

export function keyColumns(slot: 1 | 2): Array<keyof CredentialReportRow> {
  return slot === 1
    ? ["access_key_1_active", "access_key_1_last_rotated"]
    : ["access_key_2_active", "access_key_2_last_rotated"];
}

export function keyBase(row: CredentialReportRow, key: AccessKeySlot) {
  return {
    resourceId: accessKeyResourceId(row.arn, key.slot),
    resourceType: "access_key" as const,
    resourceName: `${row.user} access key ${key.slot}`,
    evidence: rowEvidence(row, keyColumns(key.slot)),
  };
}

export const keysSingleActive: CheckDefinition = {
  id: "keys.single-active",
  exercise: 6,
  title: "Each user has at most one active access key",
  severity: "medium",
  cis: ["1.13"],
  why: "A second active key is only needed during a rotation; left on, it doubles what can leak and usually means the old key was never retired.",
  evaluate(snapshot) {
    const report = globalPart(snapshot, "iam.credentialReport");
    if (!report.available) return [unknownForAccount(keysSingleActive, snapshot, [report.unavailable])];
    return userRows(report.data)
      .filter((row) => activeKeys(row).length > 0)
      .map((row) => {
        const count = activeKeys(row).length;
        return makeFinding(keysSingleActive, {
          resourceId: row.arn,
          resourceType: "user",
          resourceName: row.user,
          status: count > 1 ? "fail" : "pass",
          evidence: rowEvidence(row, ["access_key_1_active", "access_key_2_active"]),
          reason: count > 1 ? `${row.user} has two active access keys.` : `${row.user} has one active access key.`,
        });
      });
  },
};

export const credentialsUnused: CheckDefinition = {
  id: "credentials.unused",
  exercise: 6,
  title: "Passwords and keys unused for the limit are disabled",
  severity: "medium",
  cis: ["1.12"],
  why: "A credential nobody uses is one nobody would miss, and one whose misuse nobody would notice.",
  evaluate(snapshot, thresholds) {
    const report = globalPart(snapshot, "iam.credentialReport");
    if (!report.available) return [unknownForAccount(credentialsUnused, snapshot, [report.unavailable])];
    const limit = thresholds.credentialUnusedDays;
    const judge = (credential: Credential): Finding => {
      const base = { resourceId: credential.resourceId, resourceType: credential.resourceType, resourceName: credential.resourceName };
      const used = reportDate(credential.lastUsed);
      // "no_information" and "N/A" mean never used: age counts from when the credential was set.
      const reference = used ?? credential.setDates.map(reportDate).find((date) => date !== undefined);
      if (!reference) {
        return makeFinding(credentialsUnused, { ...base, status: "unknown", evidence: credential.facts, reason: `${credential.what} has no usable date in the credential report.` });
      }
      const days = daysSince(reference, snapshot.collectedAt);
      const when = reference.toISOString().slice(0, 10);
      const recentlyUsed = used !== undefined && days < limit;
      return makeFinding(credentialsUnused, {
        ...base,
        evidence: recentlyUsed ? recentUseEvidence({ user: credential.facts.user ?? null, arn: credential.facts.arn ?? null }, limit) : credential.facts,
        status: days >= limit ? "fail" : "pass",
        reason: used
          ? `${credential.what} was last used ${days} days ago (${when}); the limit is ${limit} days.`
          : `${credential.what} was never used, set ${days} days ago (${when}).`,
      });
    };
    return userRows(report.data).flatMap((row) => {
      const credentials: Credential[] = [];
      if (isTrue(row.password_enabled)) {
        credentials.push({
          resourceId: passwordResourceId(row.arn),
          resourceType: "user",
          resourceName: `${row.user} password`,
          what: `${row.user}'s password`,
          lastUsed: row.password_last_used,
          setDates: [row.password_last_changed, row.user_creation_time],
          facts: rowEvidence(row, ["password_enabled", "password_last_used", "password_last_changed", "user_creation_time"]),
        });
      }
      for (const key of activeKeys(row)) {
        const { resourceId, resourceType, resourceName } = keyBase(row, key);
        credentials.push({
          resourceId,
          resourceType,
          resourceName,
          what: `${row.user}'s access key ${key.slot}`,
          lastUsed: key.lastUsedDate,
          setDates: [key.lastRotated],
          facts: rowEvidence(row, [...keyColumns(key.slot), key.slot === 1 ? "access_key_1_last_used_date" : "access_key_2_last_used_date"]),
        });
      }
      return credentials.map(judge);
    });
  },
};

interface Credential {
  resourceId: string;
  resourceType: "user" | "access_key";
  resourceName: string;
  what: string;
  lastUsed: string;
  setDates: string[];
  facts: { [key: string]: JsonValue };
}

function passwordPolicyResourceId(accountId: string): string {
  return `arn:aws:iam::${accountId}:account-password-policy`;
}

export const passwordPolicyStrong: CheckDefinition = {
  id: "password-policy.strong",
  exercise: 6,
  title: "The password policy requires long passwords and prevents reuse",
  severity: "medium",
  cis: ["1.8", "1.9"],
  why: "Short or recycled passwords fall to guessing and to breaches of other sites; the account policy is what makes every user's password strong.",
  evaluate(snapshot, thresholds) {
    const policy = globalPart(snapshot, "iam.passwordPolicy");
    if (!policy.available) return [unknownForAccount(passwordPolicyStrong, snapshot, [policy.unavailable])];
    const base = { resourceId: passwordPolicyResourceId(snapshot.accountId), resourceType: "password_policy" as const, resourceName: "account password policy" };
    if (!policy.data.present) {
      return [makeFinding(passwordPolicyStrong, { ...base, status: "fail", evidence: { present: false }, reason: "The account has no password policy (GetAccountPasswordPolicy: NoSuchEntity)." })];
    }
    const length = policy.data.minimumPasswordLength ?? null;
    const reuse = policy.data.passwordReusePrevention ?? null;
    const problems = [
      ...((length ?? 0) < thresholds.passwordMinLength ? [`minimum length ${length ?? "not set"} (needs ${thresholds.passwordMinLength})`] : []),
      ...((reuse ?? 0) < thresholds.passwordReusePrevention ? [`reuse prevention ${reuse ?? "not set"} (needs ${thresholds.passwordReusePrevention})`] : []),
    ];
    return [
      makeFinding(passwordPolicyStrong, {
        ...base,
        status: problems.length > 0 ? "fail" : "pass",
        evidence: { present: true, minimumPasswordLength: length, passwordReusePrevention: reuse },
        reason: problems.length > 0 ? `The password policy is too weak: ${problems.join(", ")}.` : `Passwords need ${length} characters and the last ${reuse} cannot be reused.`,
      }),
    ];
  },
};

