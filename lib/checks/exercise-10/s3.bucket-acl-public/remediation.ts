/**
 * Make the ACL private and turn ACLs off (bucket owner enforced), which also ignores every object
 * ACL; the public grants to remove are named from the typed evidence.
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { BUCKET_BLOCK_YAML, FULL_BLOCK, PUBLIC_ON_PURPOSE } from "@/lib/remediation/steps/s3-public-access";
import { quotedString } from "@/lib/remediation/steps/snippet-strings";
import { bucketNameOf, regionOf } from "@/lib/remediation/steps/target-names";
import { isPublicAclEvidence, type BucketAclEvidence } from "./evidence";
import { grantInWords } from "./evidence-view";

export function privateAclSteps(target: RemediationTarget, evidence: BucketAclEvidence | null): RemediationSteps {
  const bucket = evidence?.bucket ?? bucketNameOf(target);
  const region = regionOf(target);
  const grants = evidence && isPublicAclEvidence(evidence) ? evidence.publicGrants.map(grantInWords) : [];
  return {
    summary: `Remove the public grants${grants.length > 0 ? ` (${grants.join("; ")})` : ""} from the ACL of bucket ${bucket} and turn ACLs off (bucket owner enforced).`,
    console: [
      `S3 console → Buckets → ${bucket} → Permissions → Access control list (ACL) → Edit: remove Everyone and Authenticated users groups.`,
      "Permissions → Object Ownership → Edit → ACLs disabled (Bucket owner enforced) → Save.",
      "Permissions → Block public access (bucket settings) → Block all public access → Save.",
    ],
    commands: [
      aws("Current grants.", "s3api", "get-bucket-acl", { region, bucket }),
      aws("Make the bucket ACL private.", "s3api", "put-bucket-acl", { region, bucket, acl: "private" }),
      aws("Turn ACLs off for the bucket and its objects.", "s3api", "put-bucket-ownership-controls", {
        region,
        bucket,
        "ownership-controls": "Rules=[{ObjectOwnership=BucketOwnerEnforced}]",
      }),
      aws("Block public access on the bucket.", "s3api", "put-public-access-block", { region, bucket, "public-access-block-configuration": FULL_BLOCK }),
    ],
    snippets: [
      {
        title: "CloudFormation (on the bucket)",
        language: "yaml",
        code: [
          "  Type: AWS::S3::Bucket",
          "  Properties:",
          `    BucketName: ${quotedString(bucket)}`,
          "    OwnershipControls:",
          "      Rules:",
          "        - ObjectOwnership: BucketOwnerEnforced",
          ...BUCKET_BLOCK_YAML,
        ].join("\n"),
      },
    ],
    care: [
      PUBLIC_ON_PURPOSE,
      "Object ACLs can be public too; turning ACLs off (bucket owner enforced) ignores all of them at once.",
      "Applications that still set ACLs on upload get AccessControlListNotSupported errors once ACLs are off, except bucket-owner-full-control.",
    ],
  };
}
