/**
 * The check contract (CHECKS.md). A check is a pure function of a stored snapshot and the
 * thresholds; it returns one finding per resource it judges.
 */
import type { z } from "zod";
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import type { AccountSnapshot } from "@/lib/snapshot/schema";
import type { EvidenceBlock } from "./evidence/blocks";

export const FINDING_STATUSES = ["pass", "fail", "unknown", "not_applicable"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type ExerciseNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export const RESOURCE_TYPES = [
  "account",
  "root",
  "user",
  "access_key",
  "group",
  "role",
  "policy",
  "instance",
  "security_group",
  "autoscaling_group",
  "bucket",
  "trail",
  "analyzer",
  "region",
  "password_policy",
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Finding<E extends JsonValue = JsonValue> {
  checkId: string;
  exercise: ExerciseNumber;
  /** ARN where the resource has one, else a stable id ("arn:…:user/alice#access_key_1", "sg-…", "eu-west-1"). */
  resourceId: string;
  resourceType: ResourceType;
  /** Human name as AWS reports it: untrusted, always rendered escaped. */
  resourceName: string;
  region?: string;
  status: FindingStatus;
  severity: Severity;
  /**
   * The facts the decision was made from (credential report row, policy statement, SG rule…).
   * Must be stable across runs when nothing changed: raw facts and dates, never "days ago".
   */
  evidence: E;
  /** One line a person can read: why this passed, failed or is unknown. Derived from evidence. */
  reason: string;
}

export interface Thresholds {
  /** Active access keys must be younger than this (CIS 1.14). */
  keyMaxAgeDays: number;
  /** Passwords and keys unused this long must be disabled (CIS 1.12). */
  credentialUnusedDays: number;
  /** Roles and users unused this long are flagged (CHECKS.md exercise 5). */
  principalUnusedDays: number;
  /** Root used within this window fails root.recent-use. */
  rootRecentUseDays: number;
  /** Most users with effective admin an account may have. */
  adminLimit: number;
  /** Longest MaxSessionDuration for human-assumable roles, in seconds (seed 003). */
  maxSessionSeconds: number;
  passwordMinLength: number;
  passwordReusePrevention: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  keyMaxAgeDays: 90,
  credentialUnusedDays: 45,
  principalUnusedDays: 90,
  rootRecentUseDays: 90,
  adminLimit: 2,
  maxSessionSeconds: 3600,
  passwordMinLength: 14,
  passwordReusePrevention: 24,
};

export interface CheckDefinition {
  id: string;
  exercise: ExerciseNumber;
  title: string;
  /** Default severity of a failure; a finding may carry a different one with a reason. */
  severity: Severity;
  cis?: string[];
  /** Why it matters, one or two sentences from the seeds' reasoning. */
  why: string;
  evaluate(snapshot: AccountSnapshot, thresholds: Thresholds): Finding[];
  /** The zod schema of the evidence its judged findings carry (lib/checks/define-check.ts). */
  evidenceSchema: z.ZodType<JsonValue>;
  /** Blocks a person reads, or undefined when the evidence is not this check's (stored by an older version). */
  describeEvidence(evidence: JsonValue): EvidenceBlock[] | undefined;
  remediation(target: RemediationTarget): RemediationSteps;
}
