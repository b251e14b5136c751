/**
 * How collectors make calls and report results: every failure leaves a collector as a
 * CollectorFailure naming the operation and region, and every result is checked against the
 * snapshot schema before it is returned, so drift in what AWS (or the sandbox) answers is caught
 * where it enters.
 */
import type { z } from "zod";
import type { CollectorError, FieldResult } from "@/lib/snapshot/schema";
import type { AwsOperation } from "../api-calls";
import { CollectorFailure, isAwsError, toCollectorError } from "../errors";

/** Errors from AWS leave as CollectorFailure; anything else (a bug in iamfit) is rethrown as it is. */
export async function awsCall<T>(api: AwsOperation, region: string | undefined, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CollectorFailure || !isAwsError(error)) throw error;
    throw new CollectorFailure(toCollectorError(error, api, region), { cause: error });
  }
}

/** One per-resource sub-result: an AWS failure is recorded in place instead of failing the part. */
export async function fieldCall<T>(
  api: AwsOperation,
  region: string | undefined,
  call: () => Promise<T>,
): Promise<FieldResult<T>> {
  try {
    return { ok: true, value: await awsCall(api, region, call) };
  } catch (error) {
    if (!isAwsError(error)) throw error;
    return { ok: false, error: toCollectorError(error, api, region) };
  }
}

/** What an entry of each list is, for the message a person reads when one is left out. */
const ENTRY_NOUNS: Record<string, string> = {
  users: "user",
  groups: "group",
  roles: "role",
  policies: "policy",
  attachedManagedPolicies: "attached managed policy",
  inlinePolicies: "inline policy",
  instanceProfileArns: "instance profile",
  ingress: "inbound rule",
  egress: "outbound rule",
  tags: "tag",
  grants: "grant",
  regions: "region",
  securityGroupIds: "security group",
  ipv4Ranges: "IPv4 range",
  ipv6Ranges: "IPv6 range",
  userIdGroupPairs: "referenced security group",
  prefixListIds: "prefix list",
  instanceIds: "instance",
  loadBalancerNames: "load balancer",
  targetGroupArns: "target group",
  versionIds: "policy version",
};
const ROOT_ENTRY_NOUNS: Partial<Record<AwsOperation, string>> = {
  "ec2:DescribeRegions": "region",
  "ec2:DescribeInstances": "instance",
  "ec2:DescribeSecurityGroups": "security group",
  "cloudtrail:DescribeTrails": "trail",
  "access-analyzer:ListAnalyzers": "analyzer",
  "iam:ListVirtualMFADevices": "MFA device",
  "s3:ListBuckets": "bucket",
};
const IDENTIFYING_FIELDS = ["arn", "trailArn", "policyArn", "name", "userName", "groupName", "roleName", "policyName", "groupId", "instanceId", "regionName", "serialNumber", "userId", "roleId", "policyId"];

/** Entries left out of a part, by the part's data object (a part has no room for them in its own shape). */
const entryErrorsByPart = new WeakMap<object, CollectorError[]>();

/** The entries `validatePart` left out of this part's data, each as a visible collection error. */
export function entryErrorsOf(data: unknown): CollectorError[] {
  return typeof data === "object" && data !== null ? (entryErrorsByPart.get(data) ?? []) : [];
}

/**
 * Checks a part against the snapshot schema. An entry of a list that does not fit (AWS answered
 * it without what identifies it, such as its ARN) costs that entry, recorded as an entry error
 * naming it, never the whole part; only data that does not fit outside any list fails the part.
 * Members AWS documents as optional are made optional or derived by the collectors before this.
 */
export function validatePart<S extends z.ZodType>(
  schema: S,
  data: unknown,
  api: AwsOperation,
  region?: string,
): z.infer<S> {
  let candidate = data;
  const entryErrors: CollectorError[] = [];
  for (;;) {
    const result = schema.safeParse(candidate);
    if (result.success) {
      if (entryErrors.length > 0 && typeof result.data === "object" && result.data !== null) entryErrorsByPart.set(result.data, entryErrors);
      return result.data;
    }
    const unfit = unfitEntries(result.error.issues);
    if (unfit.length === 0) throw invalidResponse(result.error.issues, api, region);
    candidate = structuredClone(candidate);
    // Deepest and last first, so removing one entry does not move another still to be removed.
    for (const { listPath, index, member } of unfit.sort((a, b) => b.listPath.length - a.listPath.length || b.index - a.index)) {
      const list = valueAt(candidate, listPath) as unknown[];
      const owner = listPath.length >= 2 ? { list: String(listPath[listPath.length - 3] ?? ""), entry: valueAt(candidate, listPath.slice(0, -1)) } : undefined;
      entryErrors.push(entryError(api, region, listPath, list[index], member, owner));
      list.splice(index, 1);
    }
  }
}

interface UnfitEntry {
  listPath: PropertyKey[];
  index: number;
  /** The member that did not fit, as the snapshot names it. */
  member: string;
}

/** For each issue, the innermost list entry that contains it (one per entry). */
function unfitEntries(issues: z.core.$ZodIssue[]): UnfitEntry[] {
  const byEntry = new Map<string, UnfitEntry>();
  for (const issue of issues) {
    const last = issue.path.findLastIndex((segment) => typeof segment === "number");
    if (last < 0) return [];
    const listPath = issue.path.slice(0, last);
    const index = issue.path[last] as number;
    const member = issue.path.slice(last + 1).map(String).join(".") || "its value";
    const key = `${listPath.map(String).join(".")}#${index}`;
    if (!byEntry.has(key)) byEntry.set(key, { listPath, index, member });
  }
  return [...byEntry.values()];
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((value, segment) => (value as Record<PropertyKey, unknown>)[segment], root);
}

function labelOf(entry: unknown): string | undefined {
  const record = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>) : {};
  return IDENTIFYING_FIELDS.map((field) => record[field]).find((value): value is string => typeof value === "string" && value.length > 0);
}

const ACRONYMS: Record<string, string> = { arn: "ARN", id: "id", ip: "IP", ipv6: "IPv6", cidr: "CIDR", mfa: "MFA", kms: "KMS" };

/** A schema member as a person says it: `trailArn` is "its trail ARN", `instanceId` "its instance id". */
export function memberInWords(member: string): string {
  const words = member
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_]+/)
    .filter(Boolean)
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase());
  return `its ${words.join(" ")}`;
}

function entryError(
  api: AwsOperation,
  region: string | undefined,
  listPath: PropertyKey[],
  entry: unknown,
  member: string,
  owner: { list: string; entry: unknown } | undefined,
): CollectorError {
  const listName = String(listPath[listPath.length - 1] ?? "");
  const noun = ENTRY_NOUNS[listName] ?? (listPath.length === 0 ? ROOT_ENTRY_NOUNS[api] : undefined) ?? "entry";
  const label = labelOf(entry);
  const ownerNoun = owner ? (ENTRY_NOUNS[owner.list] ?? "entry") : undefined;
  const ownerName = owner ? labelOf(owner.entry) : undefined;
  const ownerText = ownerNoun ? ` of the ${ownerNoun}${ownerName ? ` ${ownerName}` : ""}` : "";
  return {
    api,
    code: "IncompleteEntry",
    message:
      `${api}${region ? ` in ${region}` : ""} answered ${/^(?:[aeioAEIO]|MFA|IPv)/.test(noun) ? "an" : "a"} ${noun}${label ? ` (${label})` : ""}${ownerText} without ${memberInWords(member)}; ` +
      `iamfit left that ${noun} out, and checks that read this part cannot pass until it is collected complete.`,
    ...(region ? { region } : {}),
  };
}

function invalidResponse(issues: z.core.$ZodIssue[], api: AwsOperation, region: string | undefined): CollectorFailure {
  const described = issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  return new CollectorFailure({
    api,
    code: "InvalidResponse",
    message: `${api}${region ? ` in ${region}` : ""} answered with data iamfit does not understand (${described}). Please report this with the iamfit version.`,
    ...(region ? { region } : {}),
  });
}
