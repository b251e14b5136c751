import { partition } from "@aws-sdk/core/client";

/**
 * The commercial regions AWS enables by default (every region launched before March 2019; later
 * ones are opt-in). Used only when ec2:DescribeRegions cannot be called, so regional facts are
 * still collected where every account certainly has them.
 * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html
 */
export const DEFAULT_ENABLED_REGIONS = [
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ca-central-1",
  "eu-central-1",
  "eu-north-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
] as const;

/** Where account-level calls of regional services go in the aws partition; its endpoints cannot be disabled. */
export const HOME_REGION = "us-east-1";

/**
 * Each partition's home region: where its global IAM endpoint answers (iam.amazonaws.com signs
 * for us-east-1, iam.cn-north-1.amazonaws.com.cn for cn-north-1, iam.us-gov.amazonaws.com for
 * us-gov-west-1), where iamfit requests sessions (STS is always active there) and where
 * account-level calls go. An account and the role that audits it live in one partition, so the
 * role's ARN decides. https://docs.aws.amazon.com/general/latest/gr/iam-service.html
 */
const PARTITION_HOME_REGIONS: Record<string, string> = {
  aws: HOME_REGION,
  "aws-cn": "cn-north-1",
  "aws-us-gov": "us-gov-west-1",
};

/** The home region of the partition an ARN names; the aws partition's for anything else. */
export function homeRegionOfArn(arn: string | undefined): string {
  return PARTITION_HOME_REGIONS[partitionOfArn(arn) ?? "aws"] ?? HOME_REGION;
}

/** The partition an ARN names (`arn:aws-cn:iam::…` → aws-cn); undefined for anything not an ARN. */
export function partitionOfArn(arn: string | undefined): string | undefined {
  const match = /^arn:([a-z0-9-]+):/.exec(arn ?? "");
  return match?.[1];
}

/**
 * Whether a region belongs to a partition, by the SDK's own partition table (the regions and
 * region patterns of @aws-sdk/core's partitions.json): DescribeRegions may list regions of other
 * partitions (an AWS-compatible endpoint does), and an account lives in exactly one.
 */
export function isRegionInPartition(region: string, partitionName: string): boolean {
  return partition(region).name === partitionName;
}
