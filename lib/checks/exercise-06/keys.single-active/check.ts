/** Exercise 6, "Rotate all the Keys Regularly": at most one active access key per user (CIS 1.13). */
import { activeKeys, userRows } from "../../credential-report";
import { defineCheck } from "../../define-check";
import { makeFinding, unknownForAccount } from "../../findings";
import { globalPart } from "../../part-access";
import { describeSingleActiveKey } from "./evidence-view";
import { singleActiveKeyEvidenceSchema } from "./evidence";
import { retireSecondKeySteps } from "./remediation";

export const keysSingleActive = defineCheck({
  id: "keys.single-active",
  exercise: 6,
  title: "Each user has at most one active access key",
  severity: "medium",
  cis: ["1.13"],
  why: "A second active key is only needed during a rotation; left on, it doubles what can leak and usually means the old key was never retired.",
  evidence: singleActiveKeyEvidenceSchema,
  describeEvidence: describeSingleActiveKey,
  remediation: retireSecondKeySteps,
  evaluate(snapshot, _thresholds, check) {
    const report = globalPart(snapshot, "iam.credentialReport");
    if (!report.available) return [unknownForAccount(check, snapshot, [report.unavailable])];
    return userRows(report.data)
      .filter((row) => activeKeys(row).length > 0)
      .map((row) => {
        const count = activeKeys(row).length;
        return makeFinding(check, {
          resourceId: row.arn,
          resourceType: "user",
          resourceName: row.user,
          status: count > 1 ? "fail" : "pass",
          evidence: { user: row.user, arn: row.arn, access_key_1_active: row.access_key_1_active, access_key_2_active: row.access_key_2_active },
          reason: count > 1 ? `${row.user} has two active access keys.` : `${row.user} has one active access key.`,
        });
      });
  },
});
