/**
 * Exercise 6, "Rotate all the Keys Regularly": console passwords and active keys unused for the
 * limit are disabled (CIS 1.12). Severity stays medium whatever the age: an unused credential is
 * judged by disuse, and only a key's age (keys.rotated) raises severity.
 */
import type { CredentialReportRow } from "@/lib/snapshot/schema";
import { activeKeys, daysSince, isTrue, reportDate, userRows } from "../../credential-report";
import { defineCheck } from "../../define-check";
import { recentUseEvidence } from "../../recent-use";
import { accessKeyResourceId, makeFinding, passwordResourceId, unknownForAccount } from "../../findings";
import { globalPart } from "../../part-access";
import type { Finding } from "../../types";
import { describeCredentialUse } from "./evidence-view";
import { credentialUseEvidenceSchema, recentUseEvidenceSchema, type CredentialUseEvidence } from "./evidence";
import { retireUnusedCredentialSteps } from "./remediation";

interface Credential {
  resourceId: string;
  resourceType: "user" | "access_key";
  resourceName: string;
  what: string;
  lastUsed: string;
  setDates: string[];
  facts: CredentialUseEvidence;
}

function credentialsOf(row: CredentialReportRow): Credential[] {
  const credentials: Credential[] = [];
  const owner = { user: row.user, arn: row.arn };
  if (isTrue(row.password_enabled)) {
    credentials.push({
      resourceId: passwordResourceId(row.arn),
      resourceType: "user",
      resourceName: `${row.user} password`,
      what: `${row.user}'s password`,
      lastUsed: row.password_last_used,
      setDates: [row.password_last_changed, row.user_creation_time],
      facts: { ...owner, password_enabled: row.password_enabled, password_last_used: row.password_last_used, password_last_changed: row.password_last_changed, user_creation_time: row.user_creation_time },
    });
  }
  for (const key of activeKeys(row)) {
    credentials.push({
      resourceId: accessKeyResourceId(row.arn, key.slot),
      resourceType: "access_key",
      resourceName: `${row.user} access key ${key.slot}`,
      what: `${row.user}'s access key ${key.slot}`,
      lastUsed: key.lastUsedDate,
      setDates: [key.lastRotated],
      facts:
        key.slot === 1
          ? { ...owner, access_key_1_active: row.access_key_1_active, access_key_1_last_rotated: row.access_key_1_last_rotated, access_key_1_last_used_date: row.access_key_1_last_used_date }
          : { ...owner, access_key_2_active: row.access_key_2_active, access_key_2_last_rotated: row.access_key_2_last_rotated, access_key_2_last_used_date: row.access_key_2_last_used_date },
    });
  }
  return credentials;
}

export const credentialsUnused = defineCheck({
  id: "credentials.unused",
  exercise: 6,
  title: "Passwords and keys unused for the limit are disabled",
  severity: "medium",
  cis: ["1.12"],
  why: "A credential nobody uses is one nobody would miss, and one whose misuse nobody would notice.",
  evidence: credentialUseEvidenceSchema,
  describeEvidence: describeCredentialUse,
  remediation: retireUnusedCredentialSteps,
  evaluate(snapshot, thresholds, check) {
    const report = globalPart(snapshot, "iam.credentialReport");
    if (!report.available) return [unknownForAccount(check, snapshot, [report.unavailable])];
    const limit = thresholds.credentialUnusedDays;
    const judge = (credential: Credential): Finding<CredentialUseEvidence> => {
      const base = { resourceId: credential.resourceId, resourceType: credential.resourceType, resourceName: credential.resourceName };
      const used = reportDate(credential.lastUsed);
      // "no_information" and "N/A" mean never used: age counts from when the credential was set.
      const reference = used ?? credential.setDates.map(reportDate).find((date) => date !== undefined);
      if (!reference) {
        return makeFinding(check, { ...base, status: "unknown", evidence: credential.facts, reason: `${credential.what} has no usable date in the credential report.` });
      }
      const days = daysSince(reference, snapshot.collectedAt);
      const when = reference.toISOString().slice(0, 10);
      const recentlyUsed = used !== undefined && days < limit;
      return makeFinding(check, {
        ...base,
        evidence: recentlyUsed ? recentUseEvidenceSchema.parse(recentUseEvidence({ user: credential.facts.user, arn: credential.facts.arn }, limit)) : credential.facts,
        status: days >= limit ? "fail" : "pass",
        reason: used
          ? `${credential.what} was last used ${days} days ago (${when}); the limit is ${limit} days.`
          : `${credential.what} was never used, set ${days} days ago (${when}).`,
      });
    };
    return userRows(report.data).flatMap((row) => credentialsOf(row).map(judge));
  },
});
