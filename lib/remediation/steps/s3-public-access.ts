/**
 * What the S3 remediations of exercise 10 share (seed 001: keys leaked from world-readable
 * buckets are among the most common incidents; CIS 2.1.4): Block Public Access on, everywhere.
 */
export const FULL_BLOCK = "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true";

/** CloudFormation properties of a bucket with all four settings on. */
export const BUCKET_BLOCK_YAML = [
  "    PublicAccessBlockConfiguration:",
  "      BlockPublicAcls: true",
  "      IgnorePublicAcls: true",
  "      BlockPublicPolicy: true",
  "      RestrictPublicBuckets: true",
];

export const PUBLIC_ON_PURPOSE =
  "Some buckets are public on purpose (a static website, public downloads): serve those through CloudFront with origin access control instead, then block public access.";
