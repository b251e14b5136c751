/**
 * Exercise 10, "Watch World-Readable and Listable S3 Bucket Policies": no bucket ACL grants
 * anything to AllUsers (everyone) or AuthenticatedUsers (any AWS account in the world). Public and
 * in force is critical; ignored by IgnorePublicAcls is high.
 */
import { defineCheck } from "../../define-check";
import { makeFinding, unknownForAccount } from "../../findings";
import { globalPart } from "../../part-access";
import { accountBlock, blockedBy, bucketResource, exposureSeverity, isPublicGrantee, mitigationInWords } from "../../s3-buckets";
import type { Finding } from "../../types";
import { bucketAclEvidenceSchema, type BucketAclEvidence, type PublicGrant } from "./evidence";
import { describeBucketAcl, grantInWords } from "./evidence-view";
import { privateAclSteps } from "./remediation";

export const s3BucketAclPublic = defineCheck({
  id: "s3.bucket-acl-public",
  exercise: 10,
  title: "No bucket ACL grants access to AllUsers or AuthenticatedUsers",
  severity: "critical",
  why: "An ACL grant to AllUsers makes a bucket world-readable or listable; AuthenticatedUsers means any AWS account in the world, not your users.",
  evidence: bucketAclEvidenceSchema,
  describeEvidence: describeBucketAcl,
  remediation: privateAclSteps,
  evaluate(snapshot, _thresholds, check) {
    const buckets = globalPart(snapshot, "s3.buckets");
    if (!buckets.available) return [unknownForAccount(check, snapshot, [buckets.unavailable])];
    const account = accountBlock(snapshot);
    return [...buckets.data]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((bucket): Finding<BucketAclEvidence> => {
        if (!bucket.acl.ok) {
          return makeFinding(check, {
            ...bucketResource(bucket),
            status: "unknown",
            evidence: { bucket: bucket.name, aclError: { api: bucket.acl.error.api, code: bucket.acl.error.code } },
            reason: `The ACL of ${bucket.name} could not be read: ${bucket.acl.error.api} failed: ${bucket.acl.error.code}.`,
          });
        }
        const publicGrants = bucket.acl.value.grants
          .flatMap((grant): PublicGrant[] => (isPublicGrantee(grant.granteeUri) ? [{ granteeUri: grant.granteeUri, permission: grant.permission }] : []))
          .sort((a, b) => `${a.granteeUri}${a.permission}`.localeCompare(`${b.granteeUri}${b.permission}`));
        if (publicGrants.length === 0) {
          return makeFinding(check, { ...bucketResource(bucket), status: "pass", evidence: { bucket: bucket.name, publicGrants }, reason: `The ACL of ${bucket.name} grants nothing to the public.` });
        }
        const mitigation = blockedBy("ignorePublicAcls", bucket, account);
        return makeFinding(check, {
          ...bucketResource(bucket),
          status: "fail",
          severity: exposureSeverity(mitigation),
          evidence: { bucket: bucket.name, publicGrants, mitigatedBy: mitigation ?? null },
          reason: `The ACL of ${bucket.name} grants ${publicGrants.map(grantInWords).join("; ")}${mitigation ? `; ${mitigationInWords(mitigation)} currently makes S3 ignore them` : ""}.`,
        });
      });
  },
});
