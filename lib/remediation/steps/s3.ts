/**
 * Exercise 10, "Watch World-Readable and Listable S3 Bucket Policies" (seed 001: keys leaked from
 * world-readable buckets are among the most common incidents; CIS 2.1.4).
 */
import type { RemediationBuilder } from "../content";
import { aws } from "../shell";
import { hclString, quotedString } from "./snippet-strings";
import { bucketNameOf, regionOf } from "./target-names";

export const FULL_BLOCK = "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true";

const BUCKET_BLOCK_YAML = [
  "      PublicAccessBlockConfiguration:",
  "        BlockPublicAcls: true",
  "        IgnorePublicAcls: true",
  "        BlockPublicPolicy: true",
  "        RestrictPublicBuckets: true",
];

const PUBLIC_ON_PURPOSE =
  "Some buckets are public on purpose (a static website, public downloads): serve those through CloudFront with origin access control instead, then block public access.";

export const s3AccountPublicAccessBlock: RemediationBuilder = (target) => ({
  summary: `Turn on all four S3 Block Public Access settings for account ${target.awsAccountId}.`,
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
});

export const s3BucketPolicyPublic: RemediationBuilder = (target) => {
  const bucket = bucketNameOf(target);
  const region = regionOf(target);
  return {
    summary: `Remove or restrict the statements in the policy of bucket ${bucket} that allow everyone (Principal "*"), and block public access on the bucket.`,
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
        code: ["  Type: AWS::S3::Bucket", "  Properties:", `    BucketName: ${quotedString(bucket)}`, ...BUCKET_BLOCK_YAML.map((line) => line.slice(2))].join("\n"),
      },
    ],
    care: [
      PUBLIC_ON_PURPOSE,
      "Keep the saved policy: if the bucket serves something legitimate, you can restore it with put-bucket-policy.",
      "Check CloudTrail data events or S3 server access logs for anonymous reads if the data may already have been copied.",
    ],
  };
};

export const s3BucketAclPublic: RemediationBuilder = (target) => {
  const bucket = bucketNameOf(target);
  const region = regionOf(target);
  return {
    summary: `Remove the public grants from the ACL of bucket ${bucket} and turn ACLs off (bucket owner enforced).`,
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
          ...BUCKET_BLOCK_YAML.map((line) => line.slice(2)),
        ].join("\n"),
      },
    ],
    care: [
      PUBLIC_ON_PURPOSE,
      "Object ACLs can be public too; turning ACLs off (bucket owner enforced) ignores all of them at once.",
      "Applications that still set ACLs on upload get AccessControlListNotSupported errors once ACLs are off, except bucket-owner-full-control.",
    ],
  };
};
