/**
 * Exercise 6, "Rotate all the Keys Regularly": active keys younger than the limit (CIS 1.14).
 * Severity rises with age: over the limit is medium, over a year high; an old key has had
 * longer to leak and is likelier to be the forgotten one.
 */
import { activeKeys, daysSince, reportDate, userRows } from "../../credential-report";
import { defineCheck } from "../../define-check";
import { accessKeyResourceId, makeFinding, unknownForAccount } from "../../findings";
import { globalPart } from "../../part-access";
import type { Severity } from "../../types";
import { describeKeyRotation } from "./evidence-view";
import { keyRotationEvidenceSchema, type KeyRotationEvidence } from "./evidence";
import { rotateKeySteps } from "./remediation";

/** A key older than this fails as high rather than medium. */
export const KEY_AGE_HIGH_DAYS = 365;

export function keyAgeSeverity(ageDays: number): Severity {
  return ageDays > KEY_AGE_HIGH_DAYS ? "high" : "medium";
}

export const keysRotated = defineCheck({
  id: "keys.rotated",
  exercise: 6,
  title: "Active access keys are younger than the rotation limit",
  severity: "medium",
  cis: ["1.14"],
  why: "An old key has had years to end up in a repository, a laptop backup or a former employee's shell history; rotation limits how long a leak stays useful (“Managing Your AWS Credentials (Part 2)”).",
  evidence: keyRotationEvidenceSchema,
  describeEvidence: describeKeyRotation,
  remediation: rotateKeySteps,
  evaluate(snapshot, thresholds, check) {
    const report = globalPart(snapshot, "iam.credentialReport");
    if (!report.available) return [unknownForAccount(check, snapshot, [report.unavailable])];
    return userRows(report.data).flatMap((row) =>
      activeKeys(row).map((key) => {
        const evidence: KeyRotationEvidence =
          key.slot === 1
            ? { user: row.user, arn: row.arn, access_key_1_active: row.access_key_1_active, access_key_1_last_rotated: row.access_key_1_last_rotated }
            : { user: row.user, arn: row.arn, access_key_2_active: row.access_key_2_active, access_key_2_last_rotated: row.access_key_2_last_rotated };
        const base = {
          resourceId: accessKeyResourceId(row.arn, key.slot),
          resourceType: "access_key" as const,
          resourceName: `${row.user} access key ${key.slot}`,
          evidence,
        };
        const rotated = reportDate(key.lastRotated);
        if (!rotated) {
          return makeFinding(check, { ...base, status: "unknown", reason: `${row.user}'s active key ${key.slot} has no creation date (${key.lastRotated}).` });
        }
        const days = daysSince(rotated, snapshot.collectedAt);
        const fails = days > thresholds.keyMaxAgeDays;
        const severity = fails ? keyAgeSeverity(days) : check.severity;
        return makeFinding(check, {
          ...base,
          status: fails ? "fail" : "pass",
          severity,
          reason: `${row.user}'s access key ${key.slot} is ${days} days old (created ${rotated.toISOString().slice(0, 10)}); the limit is ${thresholds.keyMaxAgeDays} days${
            severity === "high" ? ", and over a year makes it high severity" : ""
          }.`,
        });
      }),
    );
  },
});
