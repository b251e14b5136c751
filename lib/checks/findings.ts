/**
 * Building findings: stable resource ids (ARNs where AWS has them) and the `unknown` finding a
 * check emits when the facts it needs are unavailable.
 */
import type { AccountSnapshot } from "@/lib/snapshot/schema";
import type { CheckDefinition, Finding, JsonValue } from "./types";
import type { UnavailableEvidence } from "./evidence/unknown";
import type { UnavailablePart } from "./part-access";

export type CheckMeta = Pick<CheckDefinition, "id" | "exercise" | "severity">;

export type FindingFields<E extends JsonValue = JsonValue> = Omit<Finding<E>, "checkId" | "exercise" | "severity"> & { severity?: Finding["severity"] };

export function makeFinding<E extends JsonValue>(check: CheckMeta, fields: FindingFields<E>): Finding<E> {
  return { checkId: check.id, exercise: check.exercise, ...fields, severity: fields.severity ?? check.severity };
}

export const accountRootArn = (accountId: string) => `arn:aws:iam::${accountId}:root`;
export const accessKeyResourceId = (userArn: string, slot: 1 | 2) => `${userArn}#access_key_${slot}`;
export const passwordResourceId = (userArn: string) => `${userArn}#password`;
export const inlinePolicyResourceId = (ownerArn: string, policyName: string) => `${ownerArn}#inline-policy/${policyName}`;
export const securityGroupArn = (region: string, accountId: string, groupId: string) =>
  `arn:aws:ec2:${region}:${accountId}:security-group/${groupId}`;
export const instanceArn = (region: string, accountId: string, instanceId: string) => `arn:aws:ec2:${region}:${accountId}:instance/${instanceId}`;
export const bucketArn = (name: string) => `arn:aws:s3:::${name}`;

/**
 * Evidence from typed analysis results (optional fields, nested statements) as plain JSON:
 * undefined fields are dropped, so equal facts always hash the same.
 */
export function asEvidence(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
}

function unavailableEvidence(unavailable: UnavailablePart[]): UnavailableEvidence {
  return { unavailable: unavailable.map((part) => part.evidence) };
}

function joinReasons(unavailable: UnavailablePart[]): string {
  return [...new Set(unavailable.map((part) => part.reason))].join("; ");
}

/** One unknown finding for the whole account: the data the check needs could not be read. */
export function unknownForAccount(check: CheckMeta, snapshot: AccountSnapshot, unavailable: UnavailablePart[]): Finding<UnavailableEvidence> {
  return makeFinding(check, {
    resourceId: accountRootArn(snapshot.accountId),
    resourceType: "account",
    resourceName: snapshot.accountId,
    status: "unknown",
    evidence: unavailableEvidence(unavailable),
    reason: `Cannot be judged: ${joinReasons(unavailable)}.`,
  });
}

/** One unknown finding for a region; `resourceId` defaults to the region name. */
export function unknownForRegion(
  check: CheckMeta,
  region: string,
  unavailable: UnavailablePart[],
  resource: { resourceId?: string; resourceType?: Finding["resourceType"] } = {},
): Finding<UnavailableEvidence> {
  return makeFinding(check, {
    resourceId: resource.resourceId ?? region,
    resourceType: resource.resourceType ?? "region",
    resourceName: region,
    region,
    status: "unknown",
    evidence: unavailableEvidence(unavailable),
    reason: `Cannot be judged in ${region}: ${joinReasons(unavailable)}.`,
  });
}

/** Sorted by resource id so the same facts always give findings in the same order. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => (a.resourceId < b.resourceId ? -1 : a.resourceId > b.resourceId ? 1 : 0));
}
