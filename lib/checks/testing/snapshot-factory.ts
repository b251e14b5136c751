/**
 * Build an AccountSnapshot with only the parts a test needs:
 * `snapshot({ "iam.credentialReport": ok(credentialReport([rootRow()])) })`.
 * Dates are relative to COLLECTED_AT so ages read plainly in tests (`daysAgo(100)`).
 */
import { TEST_ACCOUNT_ID } from "@/lib/policy/testing/iam-factory";
import {
  partKey,
  ROOT_USER_ROW,
  type AccountSnapshot,
  type Analyzer,
  type Bucket,
  type CollectorError,
  type CredentialReport,
  type CredentialReportRow,
  type Instance,
  type IpPermission,
  type PartResult,
  type RegionalPartName,
  type SecurityGroup,
  type Trail,
} from "@/lib/snapshot/schema";

export { TEST_ACCOUNT_ID };
export const COLLECTED_AT = "2025-06-01T12:00:00.000Z";
export const ROOT_ARN = `arn:aws:iam::${TEST_ACCOUNT_ID}:root`;
const DAY_MS = 24 * 60 * 60 * 1000;

export function daysAgo(days: number): string {
  return new Date(Date.parse(COLLECTED_AT) - days * DAY_MS).toISOString();
}

export function ok<T>(data: T): PartResult<T> {
  return { status: "ok", data };
}

export function failed(api: string, code: string, options: { region?: string; stale?: { data: unknown; collectedAt: string } } = {}): PartResult<never> {
  const error: CollectorError = { api, code, message: `${code}: request id 1234-abcd` };
  if (options.region) error.region = options.region;
  return options.stale ? { status: "error", error, stale: options.stale as { data: never; collectedAt: string } } : { status: "error", error };
}

export function skipped(reason: "region_disabled" | "out_of_scope" = "region_disabled"): PartResult<never> {
  return { status: "skipped", reason };
}

export const regional = (name: RegionalPartName, region: string) => partKey(name, region);

export function snapshot(parts: Record<string, PartResult<unknown>> = {}, regions: string[] = ["us-east-1"]): AccountSnapshot {
  return { accountId: TEST_ACCOUNT_ID, collectedAt: COLLECTED_AT, regions, parts };
}

/** An IAM user row: no password, no keys, no MFA unless overridden. */
export function credentialRow(user: string, overrides: Partial<CredentialReportRow> = {}): CredentialReportRow {
  return {
    user,
    arn: `arn:aws:iam::${TEST_ACCOUNT_ID}:user/${user}`,
    user_creation_time: daysAgo(400),
    password_enabled: false,
    password_last_used: "N/A",
    password_last_changed: "N/A",
    password_next_rotation: "N/A",
    mfa_active: false,
    access_key_1_active: false,
    access_key_1_last_rotated: "N/A",
    access_key_1_last_used_date: "N/A",
    access_key_1_last_used_region: "N/A",
    access_key_1_last_used_service: "N/A",
    access_key_2_active: false,
    access_key_2_last_rotated: "N/A",
    access_key_2_last_used_date: "N/A",
    access_key_2_last_used_region: "N/A",
    access_key_2_last_used_service: "N/A",
    cert_1_active: false,
    cert_1_last_rotated: "N/A",
    cert_2_active: false,
    cert_2_last_rotated: "N/A",
    ...overrides,
  };
}

/** A console user with MFA, signed in yesterday. */
export function humanRow(user: string, overrides: Partial<CredentialReportRow> = {}): CredentialReportRow {
  return credentialRow(user, {
    password_enabled: true,
    password_last_used: daysAgo(1),
    password_last_changed: daysAgo(30),
    mfa_active: true,
    ...overrides,
  });
}

/** A user with one active access key, rotated and used at the given ages. */
export function keyRow(user: string, rotatedDaysAgo = 10, usedDaysAgo: number | "N/A" = 1, overrides: Partial<CredentialReportRow> = {}): CredentialReportRow {
  return credentialRow(user, {
    access_key_1_active: true,
    access_key_1_last_rotated: daysAgo(rotatedDaysAgo),
    access_key_1_last_used_date: usedDaysAgo === "N/A" ? "N/A" : daysAgo(usedDaysAgo),
    access_key_1_last_used_region: usedDaysAgo === "N/A" ? "N/A" : "eu-west-1",
    access_key_1_last_used_service: usedDaysAgo === "N/A" ? "N/A" : "s3",
    ...overrides,
  });
}

/** The root row as AWS writes it: password columns not_supported, MFA on, no keys, not used recently. */
export function rootRow(overrides: Partial<CredentialReportRow> = {}): CredentialReportRow {
  return credentialRow(ROOT_USER_ROW, {
    arn: ROOT_ARN,
    user_creation_time: daysAgo(2000),
    password_enabled: "not_supported",
    password_last_used: daysAgo(300),
    password_last_changed: "not_supported",
    password_next_rotation: "not_supported",
    mfa_active: true,
    ...overrides,
  });
}

export function credentialReport(rows: CredentialReportRow[]): CredentialReport {
  return { generatedAt: COLLECTED_AT, rows };
}

export function permission(ipProtocol: string, fromPort: number | undefined, toPort: number | undefined, cidrs: string[]): IpPermission {
  const base: IpPermission = {
    ipProtocol,
    ipv4Ranges: cidrs.filter((cidr) => !cidr.includes(":")),
    ipv6Ranges: cidrs.filter((cidr) => cidr.includes(":")),
    userIdGroupPairs: [],
    prefixListIds: [],
  };
  if (fromPort !== undefined) base.fromPort = fromPort;
  if (toPort !== undefined) base.toPort = toPort;
  return base;
}

export function securityGroup(groupId: string, overrides: Partial<SecurityGroup> = {}): SecurityGroup {
  return { groupId, groupName: groupId, description: "test", vpcId: "vpc-1", ingress: [], egress: [], ...overrides };
}

export function instance(instanceId: string, overrides: Partial<Instance> = {}): Instance {
  return { instanceId, state: "running", securityGroupIds: [], tags: [], ...overrides };
}

export function trail(name: string, overrides: Partial<Trail> = {}): Trail {
  return {
    name,
    trailArn: `arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT_ID}:trail/${name}`,
    homeRegion: "us-east-1",
    isMultiRegionTrail: true,
    isOrganizationTrail: false,
    logFileValidationEnabled: true,
    status: { ok: true, value: { isLogging: true, latestDeliveryTime: daysAgo(0) } },
    ...overrides,
  };
}

export function analyzer(name: string, region: string, overrides: Partial<Analyzer> = {}): Analyzer {
  return { name, arn: `arn:aws:access-analyzer:${region}:${TEST_ACCOUNT_ID}:analyzer/${name}`, type: "ACCOUNT", status: "ACTIVE", ...overrides };
}

/** A private bucket: no policy, private ACL, no bucket-level block. */
export function bucket(name: string, overrides: Partial<Bucket> = {}): Bucket {
  return {
    name,
    region: "us-east-1",
    policy: { ok: true, value: null },
    policyIsPublic: { ok: true, value: null },
    acl: { ok: true, value: { ownerId: "owner", grants: [{ granteeType: "CanonicalUser", granteeId: "owner", permission: "FULL_CONTROL" }] } },
    publicAccessBlock: { ok: true, value: null },
    ...overrides,
  };
}
