/** One account-level switch keeps every bucket, present or future, from being made public. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { FULL_BLOCK, PUBLIC_ON_PURPOSE } from "@/lib/remediation/steps/s3-public-access";
import { hclString } from "@/lib/remediation/steps/snippet-strings";
import { blockSettingInWords, settingsOff } from "../../s3-buckets";
import type { AccountBlockEvidence } from "./evidence";

export function accountBlockSteps(target: RemediationTarget, evidence: AccountBlockEvidence | null): RemediationSteps {
  const off = evidence ? settingsOff(evidence.configuration) : [];
  const offNow = off.length > 0 && off.length < 4 ? ` (off now: ${off.map(blockSettingInWords).join(", ")})` : "";
  return {
    summary: `Turn on all four S3 Block Public Access settings for account ${target.awsAccountId}${offNow}.`,
    console: [
      "S3 console → Block Public Access settings for this account → Edit.",
      "Tick Block all public access (all four settings) → Save changes → confirm.",
    ],
    commands: [
      aws("Current account-level settings (NoSuchPublicAccessBlockConfiguration means all off).", "s3control", "get-public-access-block", { "account-id": target.awsAccountId }),
      aws("Turn all four on.", "s3control", "put-public-access-block", {
        "account-id": target.awsAccountId,
        "public-access-block-configuration": FULL_BLOCK,
      }),
    ],
    snippets: [
      {
        title: "Terraform (CloudFormation has no account-level resource for it)",
        language: "hcl",
        code: [
          'resource "aws_s3_account_public_access_block" "all" {',
          `  account_id              = ${hclString(target.awsAccountId)}`,
          "  block_public_acls       = true",
          "  ignore_public_acls      = true",
          "  block_public_policy     = true",
          "  restrict_public_buckets = true",
          "}",
        ].join("\n"),
      },
    ],
    care: [
      PUBLIC_ON_PURPOSE,
      "The account setting overrides every bucket's own: a bucket that must stay public stops being public at once. List public buckets first (IAM Access Analyzer → S3 findings).",
    ],
  };
}
