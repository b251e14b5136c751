/**
 * Mutations: the fixes and breakages tests and demos apply to the world. Each is validated
 * with zod, applied to the account's model, and recorded so a rebuilt (evicted and
 * regenerated) account replays them in order. A mutation naming something that does not exist
 * throws a SandboxMutationError and is not recorded.
 */
import { z } from "zod";
import { daysAgo, enabledRegions, type BuildContext } from "@/lib/sandbox/account-builder";
import { mfaDevice, user } from "@/lib/sandbox/iam-builder";
import type { PublicAccessBlockSettings, SandboxAccount, SandboxIdentityCenter, SandboxUser } from "@/lib/sandbox/model";
import { identityCenterId } from "@/lib/sandbox/identifiers";
import { ADMINISTRATOR_ACCESS_ARN } from "@/lib/sandbox/policy-documents";
import { isKnownRegion, STS_ALWAYS_ACTIVE_REGION } from "@/lib/sandbox/regions";

const accountId = z.string().regex(/^\d{12}$/, "an account id is 12 digits");
const region = z.string().refine(isKnownRegion, { message: "unknown AWS region" });
const publicAccessBlockInput = z
  .object({
    blockPublicAcls: z.boolean(),
    ignorePublicAcls: z.boolean(),
    blockPublicPolicy: z.boolean(),
    restrictPublicBuckets: z.boolean(),
  })
  .partial()
  .optional();

export const sandboxMutationSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("deactivate-access-key"), accountId, userName: z.string().min(1), keyIndex: z.union([z.literal(1), z.literal(2)]) }),
  z.object({ type: z.literal("delete-root-access-key"), accountId }),
  z.object({ type: z.literal("enable-mfa"), accountId, userName: z.string().min(1), kind: z.enum(["virtual", "hardware"]).optional() }),
  z.object({ type: z.literal("detach-user-policy"), accountId, userName: z.string().min(1), policyArn: z.string().startsWith("arn:") }),
  z.object({ type: z.literal("put-account-public-access-block"), accountId, configuration: publicAccessBlockInput }),
  z.object({ type: z.literal("put-bucket-public-access-block"), accountId, bucket: z.string().min(1), configuration: publicAccessBlockInput }),
  z.object({ type: z.literal("revoke-security-group-ingress"), accountId, region, groupId: z.string().startsWith("sg-") }),
  z.object({
    type: z.literal("set-password-policy"),
    accountId,
    minLength: z.number().int().min(6).max(128),
    reuse: z.number().int().min(0).max(24),
  }),
  z.object({ type: z.literal("deactivate-sts-region"), accountId, region }),
  z.object({ type: z.literal("activate-sts-region"), accountId, region }),
  z.object({ type: z.literal("set-global-endpoint-token-version"), accountId, version: z.union([z.literal(1), z.literal(2)]) }),
  z.object({ type: z.literal("set-trail-logging"), accountId, trailName: z.string().min(1), logging: z.boolean() }),
  z.object({ type: z.literal("add-admin-user"), accountId, userName: z.string().min(1).max(64) }),
  // IAM Identity Center: `accountId` is the account that holds the instance, `targetAccountId` the one assigned.
  z.object({
    type: z.literal("delete-account-assignment"),
    accountId,
    targetAccountId: accountId,
    permissionSetName: z.string().min(1),
    principalType: z.enum(["USER", "GROUP"]),
    principalId: z.string().min(1),
  }),
  z.object({ type: z.literal("set-permission-set-session"), accountId, permissionSetName: z.string().min(1), sessionDuration: z.string().regex(/^PT\d+H$/) }),
  z.object({
    type: z.literal("assign-through-group"),
    accountId,
    targetAccountId: accountId,
    permissionSetName: z.string().min(1),
    userId: z.string().min(1),
    groupName: z.string().min(1).max(128),
  }),
]);

export type SandboxMutation = z.infer<typeof sandboxMutationSchema>;

export class SandboxMutationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SandboxMutationError";
  }
}

export function parseMutation(input: unknown): SandboxMutation {
  const parsed = sandboxMutationSchema.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join(".") || "mutation"}: ${issue.message}`).join("; ");
    throw new SandboxMutationError(`invalid sandbox mutation: ${detail}`);
  }
  return parsed.data;
}

function findUser(account: SandboxAccount, userName: string): SandboxUser {
  const found = account.users.find((candidate) => candidate.userName === userName);
  if (!found) throw new SandboxMutationError(`account ${account.accountId} has no IAM user named ${JSON.stringify(userName)}`);
  return found;
}

function identityCenterOf(account: SandboxAccount): SandboxIdentityCenter {
  if (!account.identityCenter) throw new SandboxMutationError(`account ${account.accountId} holds no IAM Identity Center instance`);
  return account.identityCenter;
}

function permissionSetNamed(center: SandboxIdentityCenter, name: string): string {
  const set = center.permissionSets.find((candidate) => candidate.name === name);
  if (!set) throw new SandboxMutationError(`the IAM Identity Center instance has no permission set named ${JSON.stringify(name)}`);
  return set.id;
}

function removeAssignment(center: SandboxIdentityCenter, targetAccountId: string, permissionSetId: string, principalType: "USER" | "GROUP", principalId: string): void {
  const index = center.assignments.findIndex(
    (candidate) => candidate.accountId === targetAccountId && candidate.permissionSetId === permissionSetId && candidate.principalType === principalType && candidate.principalId === principalId,
  );
  if (index < 0) throw new SandboxMutationError(`no such assignment in account ${targetAccountId}`);
  center.assignments.splice(index, 1);
}

function fullBlock(configuration: Partial<PublicAccessBlockSettings> | undefined): PublicAccessBlockSettings {
  return {
    blockPublicAcls: configuration?.blockPublicAcls ?? true,
    ignorePublicAcls: configuration?.ignorePublicAcls ?? true,
    blockPublicPolicy: configuration?.blockPublicPolicy ?? true,
    restrictPublicBuckets: configuration?.restrictPublicBuckets ?? true,
  };
}

function requireEnabledRegion(account: SandboxAccount, name: string): void {
  if (!enabledRegions(account).includes(name)) {
    throw new SandboxMutationError(`region ${name} is not enabled in account ${account.accountId}`);
  }
}

/** Applies one validated mutation to an account's model. `ctx` supplies ids and dates for new things. */
export function applyMutationTo(account: SandboxAccount, mutation: SandboxMutation, ctx: BuildContext): void {
  switch (mutation.type) {
    case "deactivate-access-key": {
      const key = findUser(account, mutation.userName).accessKeys[mutation.keyIndex - 1];
      if (!key) throw new SandboxMutationError(`user ${JSON.stringify(mutation.userName)} has no access key ${mutation.keyIndex}`);
      key.active = false;
      return;
    }
    case "delete-root-access-key":
      if (account.root.accessKeys.length === 0) throw new SandboxMutationError(`the root user of ${account.accountId} has no access key`);
      account.root.accessKeys = [];
      return;
    case "enable-mfa": {
      if (mutation.userName === "<root_account>") {
        if (account.root.credentialsManagedCentrally) {
          throw new SandboxMutationError(`root credentials of ${account.accountId} are managed centrally; there is no root user to enrol`);
        }
        account.root.mfa = mfaDevice(ctx, "<root_account>", mutation.kind ?? "hardware", 0);
        return;
      }
      const target = findUser(account, mutation.userName);
      if (target.mfa) throw new SandboxMutationError(`user ${JSON.stringify(mutation.userName)} already has an MFA device`);
      target.mfa = mfaDevice(ctx, target.userName, mutation.kind ?? "virtual", 0);
      return;
    }
    case "detach-user-policy": {
      const target = findUser(account, mutation.userName);
      if (!target.attachedPolicyArns.includes(mutation.policyArn)) {
        throw new SandboxMutationError(`policy ${mutation.policyArn} is not attached to user ${JSON.stringify(mutation.userName)}`);
      }
      target.attachedPolicyArns = target.attachedPolicyArns.filter((arn) => arn !== mutation.policyArn);
      return;
    }
    case "put-account-public-access-block":
      account.accountPublicAccessBlock = fullBlock(mutation.configuration);
      return;
    case "put-bucket-public-access-block": {
      const bucket = account.buckets.find((candidate) => candidate.name === mutation.bucket);
      if (!bucket) throw new SandboxMutationError(`account ${account.accountId} has no bucket named ${JSON.stringify(mutation.bucket)}`);
      bucket.publicAccessBlock = fullBlock(mutation.configuration);
      return;
    }
    case "revoke-security-group-ingress": {
      const group = account.securityGroups.find((candidate) => candidate.groupId === mutation.groupId && candidate.region === mutation.region);
      if (!group) throw new SandboxMutationError(`account ${account.accountId} has no security group ${mutation.groupId} in ${mutation.region}`);
      group.ingress = [];
      return;
    }
    case "set-password-policy":
      account.passwordPolicy = {
        requireSymbols: true,
        requireNumbers: true,
        requireUppercaseCharacters: true,
        requireLowercaseCharacters: true,
        allowUsersToChangePassword: true,
        hardExpiry: false,
        ...account.passwordPolicy,
        minimumPasswordLength: mutation.minLength,
        passwordReusePrevention: mutation.reuse === 0 ? undefined : mutation.reuse,
      };
      return;
    case "deactivate-sts-region":
      if (mutation.region === STS_ALWAYS_ACTIVE_REGION) {
        throw new SandboxMutationError("STS cannot be deactivated in us-east-1 (it serves the global endpoint)");
      }
      requireEnabledRegion(account, mutation.region);
      if (!account.stsDeactivatedRegions.includes(mutation.region)) {
        account.stsDeactivatedRegions = [...account.stsDeactivatedRegions, mutation.region].sort();
      }
      return;
    case "activate-sts-region":
      requireEnabledRegion(account, mutation.region);
      account.stsDeactivatedRegions = account.stsDeactivatedRegions.filter((candidate) => candidate !== mutation.region);
      return;
    case "set-global-endpoint-token-version":
      account.globalEndpointTokenVersion = mutation.version;
      return;
    case "set-trail-logging": {
      const trail = account.trails.find((candidate) => candidate.name === mutation.trailName);
      if (!trail) throw new SandboxMutationError(`account ${account.accountId} has no trail named ${JSON.stringify(mutation.trailName)}`);
      trail.logging = mutation.logging;
      if (mutation.logging) {
        trail.startedAt = daysAgo(ctx, 0);
        trail.stoppedAt = undefined;
      } else {
        trail.stoppedAt = daysAgo(ctx, 0);
      }
      return;
    }
    case "add-admin-user":
      if (account.users.some((candidate) => candidate.userName === mutation.userName)) {
        throw new SandboxMutationError(`account ${account.accountId} already has a user named ${JSON.stringify(mutation.userName)}`);
      }
      account.users.push(
        user(ctx, {
          name: mutation.userName,
          createdDaysAgo: 0,
          console: { changedDaysAgo: 0, lastUsedDaysAgo: null },
          attached: [ADMINISTRATOR_ACCESS_ARN],
        }),
      );
      return;
    case "delete-account-assignment": {
      const center = identityCenterOf(account);
      removeAssignment(center, mutation.targetAccountId, permissionSetNamed(center, mutation.permissionSetName), mutation.principalType, mutation.principalId);
      return;
    }
    case "set-permission-set-session": {
      const center = identityCenterOf(account);
      const id = permissionSetNamed(center, mutation.permissionSetName);
      center.permissionSets = center.permissionSets.map((set) => (set.id === id ? { ...set, sessionDuration: mutation.sessionDuration } : set));
      return;
    }
    case "assign-through-group": {
      const center = identityCenterOf(account);
      const permissionSetId = permissionSetNamed(center, mutation.permissionSetName);
      removeAssignment(center, mutation.targetAccountId, permissionSetId, "USER", mutation.userId);
      const existing = center.groups.find((group) => group.displayName === mutation.groupName);
      const groupId = existing?.groupId ?? identityCenterId(ctx.seed, "group", mutation.groupName);
      if (!existing) center.groups.push({ groupId, displayName: mutation.groupName });
      if (!center.memberships.some((membership) => membership.groupId === groupId && membership.userId === mutation.userId)) center.memberships.push({ groupId, userId: mutation.userId });
      center.assignments.push({ accountId: mutation.targetAccountId, permissionSetId, principalType: "GROUP", principalId: groupId });
      return;
    }
  }
}
