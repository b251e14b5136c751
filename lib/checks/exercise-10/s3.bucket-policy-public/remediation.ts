/**
 * Remove or narrow the statements that allow everyone (named from the typed evidence), keeping
 * the old policy to restore, then block public access on the bucket.
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { BUCKET_BLOCK_YAML, FULL_BLOCK, PUBLIC_ON_PURPOSE } from "@/lib/remediation/steps/s3-public-access";
import { quotedString } from "@/lib/remediation/steps/snippet-strings";
import { bucketNameOf, regionOf } from "@/lib/remediation/steps/target-names";
import { inSentence, statementLabel } from "../../evidence/policy-statement";
import { mitigationInWords } from "../../s3-buckets";
import { isPublicPolicyEvidence, type BucketPolicyEvidence } from "./evidence";

export function restrictBucketPolicySteps(target: RemediationTarget, evidence: BucketPolicyEvidence | null): RemediationSteps {
  const bucket = evidence?.bucket ?? bucketNameOf(target);
  const region = regionOf(target);
  const publicPolicy = evidence && isPublicPolicyEvidence(evidence) ? evidence : null;
  const statements = publicPolicy?.publicStatements.map((entry) => statementLabel(entry.statement)) ?? [];
  const which = statements.length > 0 ? inSentence(statements.join(", ")) : "the statements";
  return {
    summary: `Remove or restrict ${which} in the policy of bucket ${bucket}, which ${statements.length === 1 ? "allows" : "allow"} everyone (Principal "*"), and block public access on the bucket.`,
    console: [
      `S3 console → Buckets → ${bucket} → Permissions → Bucket policy → Edit.`,
      'Remove the statements with "Principal": "*" or narrow them with a condition (aws:PrincipalOrgID, aws:SourceVpce); Save.',
      "Permissions → Block public access (bucket settings) → Edit → Block all public access → Save.",
    ],
    commands: [
      aws("Save the current policy.", "s3api", "get-bucket-policy", { region, bucket, query: "Policy", output: "text" }),
      aws("Put the restricted policy (edited into policy.json).", "s3api", "put-bucket-policy", { region, bucket, policy: "file://policy.json" }),
      aws("Block public access on the bucket.", "s3api", "put-public-access-block", { region, bucket, "public-access-block-configuration": FULL_BLOCK }),
      aws("Check: IsPublic is false.", "s3api", "get-bucket-policy-status", { region, bucket }),
    ],
    snippets: [
      {
        title: "CloudFormation (on the bucket)",
        language: "yaml",
        code: ["  Type: AWS::S3::Bucket", "  Properties:", `    BucketName: ${quotedString(bucket)}`, ...BUCKET_BLOCK_YAML].join("\n"),
      },
    ],
    care: [
      PUBLIC_ON_PURPOSE,
      ...(publicPolicy?.mitigatedBy
        ? [`Today ${mitigationInWords(publicPolicy.mitigatedBy)} stops access by everyone; the policy becomes public again the day that setting is turned off.`]
        : []),
      "Keep the saved policy: if the bucket serves something legitimate, you can restore it with put-bucket-policy.",
      "Check CloudTrail data events or S3 server access logs for anonymous reads if the data may already have been copied.",
    ],
  };
}
