/**
 * The ten exercises of the Cloud Security Fitness Guide, titled as the guide titles them. The
 * guide's titles do not say what they cover ("Do Not Allow Unless You Mean It" is about security
 * groups), so each also has a subtitle naming it in plain words, and a short title of a word or
 * two for places as narrow as a grid column.
 */
import type { ExerciseNumber } from "./types";

export interface Exercise {
  number: ExerciseNumber;
  /** As the guide lists it. */
  title: string;
  /** What the exercise covers, in the words a person would search for. */
  subtitle: string;
  /** A word or two for narrow places (grid column headers); never shown without the title nearby on hover. */
  shortTitle: string;
  summary: string;
}

export const EXERCISES: Exercise[] = [
  {
    number: 1,
    title: "Disable Root API Access Key and Secret Key",
    subtitle: "Root user access keys and root use",
    shortTitle: "Root keys",
    summary: "The root user has no access keys and is not used day to day.",
  },
  {
    number: 2,
    title: "Enable MFA Tokens Everywhere",
    subtitle: "MFA for the root user and every person who signs in",
    shortTitle: "MFA",
    summary: "Root and every person signing in use MFA, and policies deny work without it.",
  },
  {
    number: 3,
    title: "Reduce Number of IAM Users with Admin Rights",
    subtitle: "Administrators, full-access policies and permissions through groups",
    shortTitle: "Admins",
    summary: "Few administrators, no *:* policies, permissions through groups.",
  },
  {
    number: 4,
    title: "Use Roles for EC2",
    subtitle: "Roles for EC2 instances and workloads instead of stored keys",
    shortTitle: "EC2 roles",
    summary: "Instances and workloads use roles with temporary credentials, not stored keys.",
  },
  {
    number: 5,
    title: "Least Privilege: Limit what IAM Entities Can Do with Strong Policies",
    subtitle: "Least privilege, unused identities, CloudTrail and Access Analyzer",
    shortTitle: "Least privilege",
    summary: "Narrow policies, no escalation paths, no unused identities, and the visibility to keep it so.",
  },
  {
    number: 6,
    title: "Rotate all the Keys Regularly",
    subtitle: "Access key rotation, unused credentials and the password policy",
    shortTitle: "Key rotation",
    summary: "Keys are young and single, unused credentials are off, passwords are strong.",
  },
  {
    number: 7,
    title: "Use IAM Roles with STS AssumeRole Where Possible",
    subtitle: "STS role assumption: MFA, ExternalId, session length and STS regions",
    shortTitle: "STS roles",
    summary: "People and partners assume roles with MFA or ExternalId and short sessions; unused STS regions are off.",
  },
  {
    number: 8,
    title: "Use AutoScaling to Dampen DDoS Effects",
    subtitle: "AutoScaling groups for internet-facing instances",
    shortTitle: "AutoScaling",
    summary: "Internet-facing instances run in Auto Scaling groups that can grow.",
  },
  {
    number: 9,
    title: "Do Not Allow Unless You Mean It",
    subtitle: "Security groups, default groups and broad Allow statements",
    shortTitle: "Security groups",
    summary: "No admin ports open to the internet, closed default groups, no accidental everything-but Allows.",
  },
  {
    number: 10,
    title: "Watch World-Readable and Listable S3 Bucket Policies",
    subtitle: "S3 bucket policies, ACLs and Block Public Access",
    shortTitle: "S3 buckets",
    summary: "Block Public Access is on and no bucket policy or ACL opens data to the world.",
  },
];
