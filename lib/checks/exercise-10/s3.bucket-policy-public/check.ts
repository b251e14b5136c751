/**
 * Exercise 10, "Watch World-Readable and Listable S3 Bucket Policies": no bucket policy allows
 * everyone without a restricting condition. Public and reachable is critical; public on paper but
 * neutralised by RestrictPublicBuckets is high.
 */
import { isPublicBucketPolicy, type PublicStatement } from "@/lib/policy/bucket-policy";
import type { Bucket, PublicAccessBlock } from "@/lib/snapshot/schema";
import { defineCheck } from "../../define-check";
import { storedStatement } from "../../evidence/policy-statement";
import { makeFinding, unknownForAccount, type CheckMeta } from "../../findings";
import { globalPart } from "../../part-access";
import { accountBlock, blockedBy, bucketResource, exposureSeverity, mitigationInWords } from "../../s3-buckets";
import type { Finding } from "../../types";
import { bucketPolicyEvidenceSchema, type BucketPolicyEvidence, type PublicPolicyEvidence } from "./evidence";
import { describeBucketPolicy } from "./evidence-view";
import { restrictBucketPolicySteps } from "./remediation";

function publicPolicyFinding(
  check: CheckMeta,
  bucket: Bucket,
  account: PublicAccessBlock | null | undefined,
  statements: PublicStatement[],
  awsSaysPublic: boolean | null,
): Finding<BucketPolicyEvidence> {
  const mitigation = blockedBy("restrictPublicBuckets", bucket, account);
  const evidence: PublicPolicyEvidence = {
    bucket: bucket.name,
    publicStatements: statements.map((entry) => ({ statement: storedStatement(entry.statement), nonRestrictingConditionKeys: entry.nonRestrictingConditionKeys })),
    policyIsPublic: awsSaysPublic,
    mitigatedBy: mitigation ?? null,
  };
  const which = statements.map(({ statement }) => `statement ${statement.index + 1}${statement.sid ? `, sid ${statement.sid}` : ""}`);
  return makeFinding(check, {
    ...bucketResource(bucket),
    status: "fail",
    severity: exposureSeverity(mitigation),
    evidence,
    reason: `The policy of ${bucket.name} allows everyone${which.length ? ` (${which.join("; ")})` : " (AWS's policy status says it is public)"}${
      mitigation ? `; ${mitigationInWords(mitigation)} currently blocks that access` : ""
    }.`,
  });
}

export const s3BucketPolicyPublic = defineCheck({
  id: "s3.bucket-policy-public",
  exercise: 10,
  title: "No bucket policy allows everyone without a restricting condition",
  severity: "critical",
  why: "A bucket policy that allows Principal * lets anyone on the internet read (or write) the data; world-readable buckets are a leading cause of leaked data and leaked keys (Cloud Security Fitness Guide, “Exercise #4: Use Roles for EC2”).",
  evidence: bucketPolicyEvidenceSchema,
  describeEvidence: describeBucketPolicy,
  remediation: restrictBucketPolicySteps,
  evaluate(snapshot, _thresholds, check) {
    const buckets = globalPart(snapshot, "s3.buckets");
    if (!buckets.available) return [unknownForAccount(check, snapshot, [buckets.unavailable])];
    const account = accountBlock(snapshot);
    return [...buckets.data]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((bucket): Finding<BucketPolicyEvidence> => {
        const awsSaysPublic = bucket.policyIsPublic.ok ? bucket.policyIsPublic.value : null;
        if (!bucket.policy.ok) {
          if (awsSaysPublic === true) return publicPolicyFinding(check, bucket, account, [], awsSaysPublic);
          return makeFinding(check, {
            ...bucketResource(bucket),
            status: "unknown",
            evidence: { bucket: bucket.name, policyError: { api: bucket.policy.error.api, code: bucket.policy.error.code } },
            reason: `The policy of ${bucket.name} could not be read: ${bucket.policy.error.api} failed: ${bucket.policy.error.code}.`,
          });
        }
        if (bucket.policy.value === null) {
          return makeFinding(check, { ...bucketResource(bucket), status: "pass", evidence: { bucket: bucket.name, policy: null }, reason: `${bucket.name} has no bucket policy.` });
        }
        const verdict = isPublicBucketPolicy(bucket.policy.value);
        if (!verdict.ok) {
          if (awsSaysPublic === true) return publicPolicyFinding(check, bucket, account, [], awsSaysPublic);
          return makeFinding(check, {
            ...bucketResource(bucket),
            status: "unknown",
            evidence: { bucket: bucket.name, error: { kind: verdict.error.kind, message: verdict.error.message } },
            reason: `The policy of ${bucket.name} could not be read: ${verdict.error.message}.`,
          });
        }
        if (verdict.isPublic || awsSaysPublic === true) return publicPolicyFinding(check, bucket, account, verdict.statements, awsSaysPublic);
        return makeFinding(check, {
          ...bucketResource(bucket),
          status: "pass",
          evidence: { bucket: bucket.name, publicStatements: [], policyIsPublic: awsSaysPublic },
          reason: `The policy of ${bucket.name} allows no one without a restricting condition.`,
        });
      });
  },
});
