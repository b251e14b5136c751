/**
 * What each part of a snapshot is, in words a person reads ("the IAM credential report",
 * "EC2 instances in eu-west-1"): part names are storage keys and never shown.
 */
import type { PartName } from "./schema";

/** The part in words, and whether the words are plural ("were" or "was"). */
const PART_WORDS: Record<PartName, readonly [words: string, plural: boolean]> = {
  "iam.credentialReport": ["the IAM credential report", false],
  "iam.accountSummary": ["the IAM account summary", false],
  "iam.passwordPolicy": ["the account password policy", false],
  "iam.virtualMfaDevices": ["the virtual MFA devices", true],
  "iam.authorizationDetails": ["the IAM users, groups, roles and policies", true],
  "iam.organizationsFeatures": ["the organization's central root access settings", true],
  "ec2.regions": ["the list of enabled regions", false],
  "sts.regionStatus": ["the STS regional endpoint settings", true],
  "s3.buckets": ["the S3 buckets and their policies", true],
  "s3control.publicAccessBlock": ["the account's S3 Block Public Access settings", true],
  "organizations.serviceControlPolicies": ["the organization's service control policies", true],
  "identitycenter.assignments": ["the IAM Identity Center permission sets and assignments", true],
  "ec2.instances": ["the EC2 instances", true],
  "ec2.securityGroups": ["the security groups", true],
  "autoscaling.groups": ["the Auto Scaling groups", true],
  "cloudtrail.trails": ["the CloudTrail trails", true],
  "accessanalyzer.analyzers": ["the IAM Access Analyzer analyzers", true],
};

const UNKNOWN_PART = ["a part of the collected facts", false] as const;

function wordsOf(name: string): readonly [string, boolean] {
  return (PART_WORDS as Record<string, readonly [string, boolean]>)[name] ?? UNKNOWN_PART;
}

/** "the EC2 instances in eu-west-1"; an unknown name (from a newer version) is described generically. */
export function partInWords(name: string, region?: string): string {
  const [words] = wordsOf(name);
  return region ? `${words} in ${region}` : words;
}

/** "The EC2 instances in eu-west-1 were not collected", "The account password policy was …". */
export function partSentence(name: string, region: string | undefined, predicate: string): string {
  const words = partInWords(name, region);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} ${wordsOf(name)[1] ? "were" : "was"} ${predicate}`;
}
