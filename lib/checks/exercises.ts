/**
 * The ten exercises of the Cloud Security Fitness Guide, titled as the guide titles them.
 */
import type { ExerciseNumber } from "./types";

export interface Exercise {
  number: ExerciseNumber;
  /** As the guide lists it. */
  title: string;
  summary: string;
}

export const EXERCISES: Exercise[] = [
  { number: 1, title: "Disable Root API Access Key and Secret Key", summary: "The root user has no access keys and is not used day to day." },
  { number: 2, title: "Enable MFA Tokens Everywhere", summary: "Root and every person signing in use MFA, and policies deny work without it." },
  { number: 3, title: "Reduce Number of IAM Users with Admin Rights", summary: "Few administrators, no *:* policies, permissions through groups." },
  { number: 4, title: "Use Roles for EC2", summary: "Instances and workloads use roles with temporary credentials, not stored keys." },
  {
    number: 5,
    title: "Least Privilege: Limit what IAM Entities Can Do with Strong Policies",
    summary: "Narrow policies, no escalation paths, no unused identities, and the visibility to keep it so.",
  },
  { number: 6, title: "Rotate all the Keys Regularly", summary: "Keys are young and single, unused credentials are off, passwords are strong." },
  { number: 7, title: "Use IAM Roles with STS AssumeRole Where Possible", summary: "People and partners assume roles with MFA or ExternalId and short sessions; unused STS regions are off." },
  { number: 8, title: "Use AutoScaling to Dampen DDoS Effects", summary: "Internet-facing instances run in Auto Scaling groups that can grow." },
  { number: 9, title: "Do Not Allow Unless You Mean It", summary: "No admin ports open to the internet, closed default groups, no accidental everything-but Allows." },
  { number: 10, title: "Watch World-Readable and Listable S3 Bucket Policies", summary: "Block Public Access is on and no bucket policy or ACL opens data to the world." },
];
