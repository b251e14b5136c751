/**
 * The AWS names a command needs, read from a finding's resource id (lib/checks/findings.ts builds
 * them: `<user arn>#access_key_1`, `<owner arn>#inline-policy/<name>`, security group ARNs…) and
 * from its evidence. Display names ("alice access key 1", "web (sg-0abc)") are never parsed.
 */
import type { JsonValue } from "@/lib/checks/types";
import type { RemediationTarget } from "../content";

/** The ARN part of a resource id, without iamfit's `#…` suffix. */
export function baseArn(resourceId: string): string {
  const hash = resourceId.indexOf("#");
  return hash < 0 ? resourceId : resourceId.slice(0, hash);
}

/** `arn:aws:iam::123:user/path/alice` → `alice` (IAM names cannot contain "/"). */
export function iamNameFromArn(arn: string): string | undefined {
  const match = /^arn:[^:]+:iam::[^:]*:(?:user|role|group|policy)\/(.+)$/.exec(baseArn(arn));
  if (!match) return undefined;
  const path = match[1]!;
  return path.slice(path.lastIndexOf("/") + 1) || undefined;
}

export type IamPrincipalType = "user" | "role" | "group";

export function iamTypeFromArn(arn: string): IamPrincipalType | "policy" | undefined {
  const match = /^arn:[^:]+:iam::[^:]*:(user|role|group|policy)\//.exec(arn);
  return match ? (match[1] as IamPrincipalType | "policy") : undefined;
}

/** The user a finding is about: from the ARN, else from the credential-report evidence. */
export function userNameOf(target: RemediationTarget): string {
  return iamNameFromArn(target.resourceId) ?? evidenceString(target.evidence, "user") ?? target.resourceName;
}

export function roleNameOf(target: RemediationTarget): string {
  return iamNameFromArn(target.resourceId) ?? target.resourceName;
}

export function accessKeySlotOf(resourceId: string): 1 | 2 | undefined {
  const match = /#access_key_([12])$/.exec(resourceId);
  return match ? (Number(match[1]) as 1 | 2) : undefined;
}

export interface InlinePolicyRef {
  ownerType: IamPrincipalType;
  ownerName: string;
  policyName: string;
}

export function inlinePolicyOf(resourceId: string): InlinePolicyRef | undefined {
  const marker = "#inline-policy/";
  const at = resourceId.indexOf(marker);
  if (at < 0) return undefined;
  const ownerArn = resourceId.slice(0, at);
  const ownerType = iamTypeFromArn(ownerArn);
  const ownerName = iamNameFromArn(ownerArn);
  if (!ownerType || ownerType === "policy" || !ownerName) return undefined;
  return { ownerType, ownerName, policyName: resourceId.slice(at + marker.length) };
}

export function securityGroupIdOf(target: RemediationTarget): string {
  return /security-group\/(sg-[0-9a-zA-Z]+)$/.exec(target.resourceId)?.[1] ?? evidenceString(target.evidence, "groupId") ?? target.resourceName;
}

export function instanceIdOf(target: RemediationTarget): string {
  return /:instance\/(i-[0-9a-zA-Z]+)$/.exec(target.resourceId)?.[1] ?? evidenceString(target.evidence, "instanceId") ?? target.resourceName;
}

export function bucketNameOf(target: RemediationTarget): string {
  return /^arn:[^:]+:s3:::(.+)$/.exec(target.resourceId)?.[1] ?? evidenceString(target.evidence, "bucket") ?? target.resourceName;
}

/** Regional commands always name their region; a finding without one is about us-east-1's global services. */
export function regionOf(target: RemediationTarget): string {
  return target.region ?? "us-east-1";
}

export function evidenceRecord(evidence: JsonValue | null): { [key: string]: JsonValue } {
  return evidence !== null && typeof evidence === "object" && !Array.isArray(evidence) ? evidence : {};
}

export function evidenceString(evidence: JsonValue | null, key: string): string | undefined {
  const value = evidenceRecord(evidence)[key];
  return typeof value === "string" ? value : undefined;
}

export function evidenceArray(evidence: JsonValue | null, key: string): JsonValue[] {
  const value = evidenceRecord(evidence)[key];
  return Array.isArray(value) ? value : [];
}

/** Every string in the evidence that is a managed policy ARN, once each, in order. */
export function policyArnsIn(evidence: JsonValue | null): string[] {
  const found: string[] = [];
  const visit = (value: JsonValue) => {
    if (typeof value === "string") {
      if (/^arn:[^:]+:iam::(aws|\d{12}):policy\//.test(value) && !found.includes(value)) found.push(value);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(visit);
  };
  if (evidence !== null) visit(evidence);
  return found;
}

/** A credential-report date cell as a day, when it is one. */
export function reportDay(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}
