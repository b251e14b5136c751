/**
 * IAM factories: users (console password, MFA, keys), groups, roles (trust, instance profile,
 * last use), customer managed policies with versions, and the audit role iamfit assumes.
 */
import { daysAgo, tags, type BuildContext } from "@/lib/sandbox/account-builder";
import { accessKeyId, arns, iamUniqueId } from "@/lib/sandbox/identifiers";
import type {
  AccessKey,
  InlinePolicy,
  MfaDevice,
  PolicyDocument,
  SandboxGroup,
  SandboxManagedPolicy,
  SandboxRole,
  SandboxUser,
} from "@/lib/sandbox/model";

export interface KeySpec {
  ageDays: number;
  active?: boolean;
  /** null or absent: never used. */
  lastUsedDaysAgo?: number | null;
  region?: string;
  service?: string;
}

export function accessKeys(ctx: BuildContext, owner: string, specs: KeySpec[] = []): AccessKey[] {
  return specs.map((spec, index) => ({
    accessKeyId: accessKeyId(ctx.seed, ctx.accountId, owner, index + 1),
    active: spec.active ?? true,
    createdAt: daysAgo(ctx, spec.ageDays),
    lastUsed:
      spec.lastUsedDaysAgo === null || spec.lastUsedDaysAgo === undefined
        ? undefined
        : {
            date: daysAgo(ctx, Math.min(spec.lastUsedDaysAgo, spec.ageDays)),
            region: spec.region ?? "us-east-1",
            service: spec.service ?? "s3",
          },
  }));
}

export function mfaDevice(ctx: BuildContext, owner: string, kind: "virtual" | "hardware", enabledDaysAgo: number): MfaDevice {
  // Virtual devices are IAM resources (an mfa/ ARN); hardware TOTP tokens carry a vendor serial.
  const serialNumber =
    kind === "virtual"
      ? arns.mfa(ctx.accountId, owner === "<root_account>" ? "root-account-mfa-device" : owner)
      : `GAHT${String(ctx.rng.int(10_000_000, 99_999_999))}`;
  return { kind, serialNumber, enabledAt: daysAgo(ctx, enabledDaysAgo) };
}

export interface UserSpec {
  name: string;
  path?: string;
  createdDaysAgo: number;
  console?: { changedDaysAgo: number; lastUsedDaysAgo?: number | null };
  mfa?: { kind: "virtual" | "hardware"; enabledDaysAgo: number };
  keys?: KeySpec[];
  groups?: string[];
  attached?: string[];
  inline?: InlinePolicy[];
  boundaryArn?: string;
  tags?: Record<string, string>;
}

export function user(ctx: BuildContext, spec: UserSpec): SandboxUser {
  const lastUsed = spec.console?.lastUsedDaysAgo;
  return {
    userName: spec.name,
    userId: iamUniqueId(ctx.seed, ctx.accountId, "AIDA", spec.name),
    path: spec.path ?? "/",
    createdAt: daysAgo(ctx, spec.createdDaysAgo),
    password: spec.console
      ? {
          lastChanged: daysAgo(ctx, Math.min(spec.console.changedDaysAgo, spec.createdDaysAgo)),
          lastUsed: lastUsed === null || lastUsed === undefined ? undefined : daysAgo(ctx, lastUsed),
        }
      : undefined,
    mfa: spec.mfa ? mfaDevice(ctx, spec.name, spec.mfa.kind, spec.mfa.enabledDaysAgo) : undefined,
    accessKeys: accessKeys(ctx, spec.name, spec.keys),
    groups: spec.groups ?? [],
    attachedPolicyArns: spec.attached ?? [],
    inlinePolicies: spec.inline ?? [],
    permissionsBoundaryArn: spec.boundaryArn,
    tags: tags(spec.tags ?? {}),
  };
}

export interface GroupSpec {
  name: string;
  path?: string;
  createdDaysAgo: number;
  attached?: string[];
  inline?: InlinePolicy[];
}

export function group(ctx: BuildContext, spec: GroupSpec): SandboxGroup {
  return {
    groupName: spec.name,
    groupId: iamUniqueId(ctx.seed, ctx.accountId, "AGPA", spec.name),
    path: spec.path ?? "/",
    createdAt: daysAgo(ctx, spec.createdDaysAgo),
    attachedPolicyArns: spec.attached ?? [],
    inlinePolicies: spec.inline ?? [],
  };
}

export interface RoleSpec {
  name: string;
  path?: string;
  createdDaysAgo: number;
  trust: PolicyDocument;
  description?: string;
  attached?: string[];
  inline?: InlinePolicy[];
  maxSessionDuration?: number;
  /** null or absent: no use recorded in the tracking window. */
  lastUsedDaysAgo?: number | null;
  lastUsedRegion?: string;
  instanceProfile?: boolean;
  boundaryArn?: string;
  tags?: Record<string, string>;
}

export function role(ctx: BuildContext, spec: RoleSpec): SandboxRole {
  const path = spec.path ?? "/";
  return {
    roleName: spec.name,
    roleId: iamUniqueId(ctx.seed, ctx.accountId, "AROA", spec.name),
    path,
    createdAt: daysAgo(ctx, spec.createdDaysAgo),
    description: spec.description,
    trustPolicy: spec.trust,
    attachedPolicyArns: spec.attached ?? [],
    inlinePolicies: spec.inline ?? [],
    maxSessionDuration: spec.maxSessionDuration ?? 3600,
    lastUsed:
      spec.lastUsedDaysAgo === null || spec.lastUsedDaysAgo === undefined
        ? undefined
        : { date: daysAgo(ctx, spec.lastUsedDaysAgo), region: spec.lastUsedRegion ?? "us-east-1" },
    instanceProfile: spec.instanceProfile
      ? {
          name: spec.name,
          id: iamUniqueId(ctx.seed, ctx.accountId, "AIPA", spec.name),
          path,
          createdAt: daysAgo(ctx, spec.createdDaysAgo),
        }
      : undefined,
    permissionsBoundaryArn: spec.boundaryArn,
    tags: tags(spec.tags ?? {}),
  };
}

export interface CustomerPolicySpec {
  name: string;
  path?: string;
  createdDaysAgo: number;
  description?: string;
  /** Oldest first; the last one is the default version unless `defaultVersion` says otherwise. */
  versions: PolicyDocument[];
  defaultVersion?: number;
}

export function customerPolicy(ctx: BuildContext, spec: CustomerPolicySpec): SandboxManagedPolicy {
  const createdAt = daysAgo(ctx, spec.createdDaysAgo);
  const step = Math.max(1, Math.floor(spec.createdDaysAgo / Math.max(1, spec.versions.length)));
  const versions = spec.versions.map((document, index) => ({
    versionId: `v${index + 1}`,
    document,
    createdAt: index === 0 ? createdAt : daysAgo(ctx, Math.max(0, spec.createdDaysAgo - step * index)),
  }));
  const defaultIndex = spec.defaultVersion ?? versions.length;
  return {
    policyName: spec.name,
    policyId: iamUniqueId(ctx.seed, ctx.accountId, "ANPA", spec.name),
    path: spec.path ?? "/",
    createdAt,
    updatedAt: versions[versions.length - 1]?.createdAt ?? createdAt,
    description: spec.description,
    versions,
    defaultVersionId: `v${defaultIndex}`,
  };
}

export function customerPolicyArn(ctx: BuildContext, name: string, path = "/"): string {
  return arns.customerPolicy(ctx.accountId, path, name);
}

export const AUDIT_ROLE_NAME = "iamfit-audit";

/** The read-only role iamfit assumes; trusts the base account with an ExternalId (AWS-NOTES.md). */
export function auditRole(ctx: BuildContext, trust: PolicyDocument, lastUsedDaysAgo: number | null = 0): SandboxRole {
  return role(ctx, {
    name: AUDIT_ROLE_NAME,
    createdDaysAgo: 180,
    trust,
    description: "Read-only audit role assumed by iamfit",
    attached: ["arn:aws:iam::aws:policy/SecurityAudit"],
    maxSessionDuration: 3600,
    lastUsedDaysAgo,
  });
}

