/**
 * The CIS Amazon Web Services Foundations Benchmark v3.0.0 (Center for Internet Security,
 * 2024-01-31): every control of the sections iamfit's facts reach — 1 Identity and Access
 * Management, 2.1 Simple Storage Service (S3), 3 Logging and 5 Networking. Which iamfit checks
 * implement a control is not written here: each check names its control ids in its own folder
 * (the `cis` field of its check.ts), and `controlChecks` reads them from the check registry, so
 * the catalogue and the checks cannot drift apart. A control no check names is "not assessed by
 * iamfit" and is still listed.
 *
 * Titles are the benchmark's recommendation titles, shortened only where the benchmark's own
 * wording is a sentence of configuration syntax. Where iamfit's check judges the control more
 * strictly or more narrowly than the benchmark's audit procedure, `note` says how.
 */
import { CHECKS } from "@/lib/checks/registry";
import type { CheckDefinition } from "@/lib/checks/types";

export const CIS_AWS_FRAMEWORK = {
  key: "cis-aws",
  name: "CIS Amazon Web Services Foundations Benchmark",
  version: "v3.0.0",
} as const;

export const CIS_SECTIONS = [
  { id: "1", title: "Identity and Access Management" },
  { id: "2.1", title: "Storage: Simple Storage Service (S3)" },
  { id: "3", title: "Logging" },
  { id: "5", title: "Networking" },
] as const;

export type CisSectionId = (typeof CIS_SECTIONS)[number]["id"];

export interface CisControl {
  id: string;
  section: CisSectionId;
  title: string;
  /** How iamfit's reading differs from the benchmark's audit, when it does. */
  note?: string;
}

export const CIS_AWS_V3_CONTROLS: readonly CisControl[] = [
  { id: "1.1", section: "1", title: "Maintain current contact details" },
  { id: "1.2", section: "1", title: "Ensure security contact information is registered" },
  { id: "1.3", section: "1", title: "Ensure security questions are registered in the AWS account" },
  { id: "1.4", section: "1", title: "Ensure no 'root' user account access key exists" },
  { id: "1.5", section: "1", title: "Ensure MFA is enabled for the 'root' user account" },
  { id: "1.6", section: "1", title: "Ensure hardware MFA is enabled for the 'root' user account" },
  {
    id: "1.7",
    section: "1",
    title: "Eliminate use of the 'root' user for administrative and daily tasks",
    note: "iamfit judges this by when the root user's password or keys were last used; the benchmark's audit is a manual review.",
  },
  { id: "1.8", section: "1", title: "Ensure IAM password policy requires minimum length of 14 or greater" },
  {
    id: "1.9",
    section: "1",
    title: "Ensure IAM password policy prevents password reuse",
    note: "One iamfit check judges the password policy's length and reuse together, so a policy that is only too short also shows here as failing.",
  },
  { id: "1.10", section: "1", title: "Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console password" },
  { id: "1.11", section: "1", title: "Do not setup access keys during initial user setup for all IAM users that have a console password" },
  {
    id: "1.12",
    section: "1",
    title: "Ensure credentials unused for 45 days or greater are disabled",
    note: "iamfit uses its unused-credential limit, 45 days unless changed in the thresholds.",
  },
  { id: "1.13", section: "1", title: "Ensure there is only one active access key available for any single IAM user" },
  {
    id: "1.14",
    section: "1",
    title: "Ensure access keys are rotated every 90 days or less",
    note: "iamfit uses its key-age limit, 90 days unless changed in the thresholds.",
  },
  { id: "1.15", section: "1", title: "Ensure IAM Users Receive Permissions Only Through Groups" },
  { id: "1.16", section: "1", title: "Ensure IAM policies that allow full \"*:*\" administrative privileges are not attached" },
  { id: "1.17", section: "1", title: "Ensure a support role has been created to manage incidents with AWS Support" },
  {
    id: "1.18",
    section: "1",
    title: "Ensure IAM instance roles are used for AWS resource access from instances",
    note: "iamfit checks that every running instance has an instance profile; it cannot see whether software on an instance also uses stored keys.",
  },
  { id: "1.19", section: "1", title: "Ensure that all the expired SSL/TLS certificates stored in AWS IAM are removed" },
  { id: "1.20", section: "1", title: "Ensure that IAM Access analyzer is enabled for all regions" },
  { id: "1.21", section: "1", title: "Ensure IAM users are managed centrally via identity federation or AWS Organizations for multi-account environments" },
  { id: "1.22", section: "1", title: "Ensure access to AWSCloudShellFullAccess is restricted" },
  { id: "2.1.1", section: "2.1", title: "Ensure S3 Bucket Policy is set to deny HTTP requests" },
  { id: "2.1.2", section: "2.1", title: "Ensure MFA Delete is enabled on S3 buckets" },
  { id: "2.1.3", section: "2.1", title: "Ensure all data in Amazon S3 has been discovered, classified and secured when required" },
  {
    id: "2.1.4",
    section: "2.1",
    title: "Ensure that S3 Buckets are configured with 'Block public access (bucket settings)'",
    note: "iamfit checks the account-level Block Public Access settings; the benchmark also accepts every bucket blocking public access on its own, so an account without the account-level settings fails here even then.",
  },
  {
    id: "3.1",
    section: "3",
    title: "Ensure CloudTrail is enabled in all regions",
    note: "iamfit checks that a multi-region trail is logging; it does not check which management events the trail records.",
  },
  { id: "3.2", section: "3", title: "Ensure CloudTrail log file validation is enabled" },
  { id: "3.3", section: "3", title: "Ensure AWS Config is enabled in all regions" },
  { id: "3.4", section: "3", title: "Ensure S3 bucket access logging is enabled on the CloudTrail S3 bucket" },
  { id: "3.5", section: "3", title: "Ensure CloudTrail logs are encrypted at rest using KMS CMKs" },
  { id: "3.6", section: "3", title: "Ensure rotation for customer-created symmetric CMKs is enabled" },
  { id: "3.7", section: "3", title: "Ensure VPC flow logging is enabled in all VPCs" },
  { id: "3.8", section: "3", title: "Ensure that Object-level logging for write events is enabled for S3 bucket" },
  { id: "3.9", section: "3", title: "Ensure that Object-level logging for read events is enabled for S3 bucket" },
  { id: "5.1", section: "5", title: "Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports" },
  {
    id: "5.2",
    section: "5",
    title: "Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports",
    note: "One iamfit check judges administration ports open to any IPv4 or IPv6 address, so a group open to either shows here and under 5.3.",
  },
  {
    id: "5.3",
    section: "5",
    title: "Ensure no security groups allow ingress from ::/0 to remote server administration ports",
    note: "One iamfit check judges administration ports open to any IPv4 or IPv6 address, so a group open to either shows here and under 5.2.",
  },
  { id: "5.4", section: "5", title: "Ensure the default security group of every VPC restricts all traffic" },
  { id: "5.5", section: "5", title: "Ensure routing tables for VPC peering are \"least access\"" },
  { id: "5.6", section: "5", title: "Ensure that EC2 Metadata Service only allows IMDSv2" },
];

const CONTROL_IDS = new Set(CIS_AWS_V3_CONTROLS.map((control) => control.id));

export function isCisControlId(id: string): boolean {
  return CONTROL_IDS.has(id);
}

/** The checks that name `controlId` in their folder, in registry order. */
export function controlChecks(controlId: string, checks: readonly CheckDefinition[] = CHECKS): CheckDefinition[] {
  return checks.filter((check) => check.cis?.includes(controlId));
}

/** Every check that implements at least one control. */
export function cisCheckIds(checks: readonly CheckDefinition[] = CHECKS): string[] {
  return checks.filter((check) => (check.cis ?? []).some((id) => CONTROL_IDS.has(id))).map((check) => check.id);
}
