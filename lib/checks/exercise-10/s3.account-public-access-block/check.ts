/**
 * Exercise 10, "Watch World-Readable and Listable S3 Bucket Policies" (seed 001: keys leak "in a
 * config file on a world-readable S3 bucket"): all four account-level Block Public Access
 * settings on (CIS 2.1.4).
 */
import { defineCheck } from "../../define-check";
import { accountRootArn, makeFinding, unknownForAccount } from "../../findings";
import { globalPart } from "../../part-access";
import { blockSettingInWords, settingsOff } from "../../s3-buckets";
import { accountBlockEvidenceSchema, type AccountBlockEvidence } from "./evidence";
import { describeAccountBlock } from "./evidence-view";
import { accountBlockSteps } from "./remediation";

export const s3AccountPublicAccessBlock = defineCheck({
  id: "s3.account-public-access-block",
  exercise: 10,
  title: "All four account-level S3 Block Public Access settings are on",
  severity: "high",
  cis: ["2.1.4"],
  why: "Account-level Block Public Access is the one switch that keeps any bucket, present or future, from being made public by a policy or ACL mistake.",
  evidence: accountBlockEvidenceSchema,
  describeEvidence: describeAccountBlock,
  remediation: accountBlockSteps,
  evaluate(snapshot, _thresholds, check) {
    const part = globalPart(snapshot, "s3control.publicAccessBlock");
    if (!part.available) return [unknownForAccount(check, snapshot, [part.unavailable])];
    const configuration = part.data.configuration;
    const off = settingsOff(configuration);
    const evidence: AccountBlockEvidence = { configuration };
    return [
      makeFinding(check, {
        resourceId: accountRootArn(snapshot.accountId),
        resourceType: "account",
        resourceName: snapshot.accountId,
        status: off.length > 0 ? "fail" : "pass",
        evidence,
        reason: !configuration
          ? "The account has no S3 Block Public Access configuration (all four settings off)."
          : off.length > 0
            ? `Account-level Block Public Access is off for: ${off.map(blockSettingInWords).join(", ")}.`
            : "All four account-level Block Public Access settings are on.",
      }),
    ];
  },
});
