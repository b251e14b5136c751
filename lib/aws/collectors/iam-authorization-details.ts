/**
 * Users, groups, roles and managed policies with their documents, from
 * GetAccountAuthorizationDetails (all pages). Documents arrive URL-encoded; a document that does
 * not decode is stored marked as malformed rather than failing the part (parsers/policy-document).
 */
import {
  paginateGetAccountAuthorizationDetails,
  paginateListRoles,
  type AttachedPolicy,
  type GroupDetail,
  type ManagedPolicyDetail,
  type PolicyDetail,
  type RoleDetail,
  type UserDetail,
} from "@aws-sdk/client-iam";
import { authorizationDetailsSchema, type AuthorizationDetails } from "@/lib/snapshot/schema";
import type { AccountClients } from "../client-factory";
import { decodeIamPolicyDocument } from "../parsers/policy-document";
import { awsCall, validatePart } from "./aws-call";
import { compareStrings, iamNameAndPathFromArn, isoDate, sortBy, sortedStrings, toTags } from "./sdk-values";

const PAGE_SIZE = 1000;

export async function collectAuthorizationDetails(clients: AccountClients, signal?: AbortSignal): Promise<AuthorizationDetails> {
  const pages = await awsCall("iam:GetAccountAuthorizationDetails", undefined, async () => {
    const all = { users: [] as UserDetail[], groups: [] as GroupDetail[], roles: [] as RoleDetail[], policies: [] as ManagedPolicyDetail[] };
    for await (const page of paginateGetAccountAuthorizationDetails({ client: clients.iam(), pageSize: PAGE_SIZE }, {}, { abortSignal: signal })) {
      all.users.push(...(page.UserDetailList ?? []));
      all.groups.push(...(page.GroupDetailList ?? []));
      all.roles.push(...(page.RoleDetailList ?? []));
      all.policies.push(...(page.Policies ?? []));
    }
    return all;
  });
  const sessionDurations = await roleSessionDurations(clients, signal);
  const attachmentCounts = countAttachments([...pages.users, ...pages.groups, ...pages.roles]);
  const details = {
    users: sortBy(pages.users.map(toUser), (user) => user.arn ?? ""),
    groups: sortBy(pages.groups.map(toGroup), (group) => group.arn ?? ""),
    roles: sortBy(
      pages.roles.map((role) => toRole(role, role.Arn ? sessionDurations.get(role.Arn) : undefined)),
      (role) => role.arn ?? "",
    ),
    policies: sortBy(
      pages.policies.map((policy) => toManagedPolicy(policy, attachmentCounts)),
      (policy) => policy.arn ?? "",
    ),
  };
  return validatePart(authorizationDetailsSchema, details, "iam:GetAccountAuthorizationDetails");
}

/**
 * GetAccountAuthorizationDetails does not return MaxSessionDuration, which the short-session
 * check needs; ListRoles does. If ListRoles is denied the durations stay unknown (the field is
 * optional and a check reads its absence as unknown) rather than losing every IAM fact.
 */
async function roleSessionDurations(clients: AccountClients, signal: AbortSignal | undefined): Promise<Map<string, number>> {
  const durations = new Map<string, number>();
  try {
    for await (const page of paginateListRoles({ client: clients.iam(), pageSize: PAGE_SIZE }, {}, { abortSignal: signal })) {
      for (const role of page.Roles ?? []) {
        if (role.Arn && role.MaxSessionDuration !== undefined) durations.set(role.Arn, role.MaxSessionDuration);
      }
    }
  } catch {
    durations.clear();
  }
  return durations;
}

/**
 * Every member of these structures is "Required: No" in the IAM API reference: names and paths
 * come from the ARN when left out, ids and dates are kept only when sent. Only the ARN identifies
 * an entry; one without it is left out by validatePart with an error naming it.
 */
function identity(arn: string | undefined, name: string | undefined, path: string | undefined) {
  const fromArn = iamNameAndPathFromArn(arn);
  return { arn, name: name ?? fromArn.name, path: path ?? fromArn.path };
}

function toUser(user: UserDetail) {
  const { arn, name, path } = identity(user.Arn, user.UserName, user.Path);
  const createDate = isoDate(user.CreateDate);
  return {
    userName: name,
    ...(user.UserId ? { userId: user.UserId } : {}),
    arn,
    path,
    ...(createDate ? { createDate } : {}),
    groups: sortedStrings(user.GroupList),
    attachedManagedPolicies: attachedPolicies(user.AttachedManagedPolicies),
    inlinePolicies: inlinePolicies(user.UserPolicyList),
    ...(user.PermissionsBoundary?.PermissionsBoundaryArn
      ? { permissionsBoundaryArn: user.PermissionsBoundary.PermissionsBoundaryArn }
      : {}),
    tags: toTags(user.Tags),
  };
}

function toGroup(group: GroupDetail) {
  const { arn, name, path } = identity(group.Arn, group.GroupName, group.Path);
  const createDate = isoDate(group.CreateDate);
  return {
    groupName: name,
    ...(group.GroupId ? { groupId: group.GroupId } : {}),
    arn,
    path,
    ...(createDate ? { createDate } : {}),
    attachedManagedPolicies: attachedPolicies(group.AttachedManagedPolicies),
    inlinePolicies: inlinePolicies(group.GroupPolicyList),
  };
}

function toRole(role: RoleDetail, maxSessionDuration: number | undefined) {
  const lastUsedDate = isoDate(role.RoleLastUsed?.LastUsedDate);
  const { arn, name, path } = identity(role.Arn, role.RoleName, role.Path);
  const createDate = isoDate(role.CreateDate);
  return {
    roleName: name,
    ...(role.RoleId ? { roleId: role.RoleId } : {}),
    arn,
    path,
    ...(createDate ? { createDate } : {}),
    assumeRolePolicyDocument:
      role.AssumeRolePolicyDocument === undefined ? null : decodeIamPolicyDocument(role.AssumeRolePolicyDocument),
    attachedManagedPolicies: attachedPolicies(role.AttachedManagedPolicies),
    inlinePolicies: inlinePolicies(role.RolePolicyList),
    instanceProfileArns: sortedStrings(role.InstanceProfileList?.map((profile) => profile.Arn)),
    ...(maxSessionDuration !== undefined ? { maxSessionDuration } : {}),
    roleLastUsed: {
      ...(lastUsedDate ? { lastUsedDate } : {}),
      ...(role.RoleLastUsed?.Region ? { region: role.RoleLastUsed.Region } : {}),
    },
    ...(role.PermissionsBoundary?.PermissionsBoundaryArn
      ? { permissionsBoundaryArn: role.PermissionsBoundary.PermissionsBoundaryArn }
      : {}),
    tags: toTags(role.Tags),
  };
}

/** How many users, groups and roles of this answer attach each managed policy, by ARN. */
function countAttachments(principals: Array<{ AttachedManagedPolicies?: AttachedPolicy[] | undefined }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const principal of principals) {
    for (const attached of principal.AttachedManagedPolicies ?? []) {
      if (attached.PolicyArn) counts.set(attached.PolicyArn, (counts.get(attached.PolicyArn) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * AttachmentCount left out is counted from the answer's own attachments (the whole account's
 * users, groups and roles). Without DefaultVersionId the version marked IsDefaultVersion is the
 * effective one; without either, no document is known (null), which checks read as unknown.
 */
function toManagedPolicy(policy: ManagedPolicyDetail, attachmentCounts: Map<string, number>) {
  const versions = policy.PolicyVersionList ?? [];
  const defaultVersion =
    versions.find((version) => policy.DefaultVersionId !== undefined && version.VersionId === policy.DefaultVersionId) ??
    versions.find((version) => version.IsDefaultVersion === true);
  const { arn, name, path } = identity(policy.Arn, policy.PolicyName, policy.Path);
  const defaultVersionId = policy.DefaultVersionId ?? defaultVersion?.VersionId;
  return {
    policyName: name,
    ...(policy.PolicyId ? { policyId: policy.PolicyId } : {}),
    arn,
    path,
    isAwsManaged: /^arn:[^:]+:iam::aws:policy\//.test(policy.Arn ?? ""),
    ...(policy.IsAttachable !== undefined ? { isAttachable: policy.IsAttachable } : {}),
    attachmentCount: policy.AttachmentCount ?? (arn ? (attachmentCounts.get(arn) ?? 0) : 0),
    ...(defaultVersionId ? { defaultVersionId } : {}),
    defaultDocument: defaultVersion?.Document === undefined ? null : decodeIamPolicyDocument(defaultVersion.Document),
    versionIds: versions
      .map((version) => version.VersionId)
      .filter((id): id is string => typeof id === "string")
      .sort(compareVersionIds),
  };
}

function attachedPolicies(policies: AttachedPolicy[] | undefined) {
  return sortBy(
    (policies ?? []).map((policy) => ({
      policyName: policy.PolicyName ?? iamNameAndPathFromArn(policy.PolicyArn).name,
      policyArn: policy.PolicyArn,
    })),
    (policy) => policy.policyArn ?? "",
  );
}

function inlinePolicies(policies: PolicyDetail[] | undefined) {
  return sortBy(
    (policies ?? []).map((policy) => ({
      policyName: policy.PolicyName,
      document: policy.PolicyDocument === undefined ? null : decodeIamPolicyDocument(policy.PolicyDocument),
    })),
    (policy) => policy.policyName ?? "",
  );
}

/** "v2" before "v10". */
function compareVersionIds(a: string, b: string): number {
  const numberOf = (id: string) => Number(/\d+/.exec(id)?.[0] ?? Number.NaN);
  const difference = numberOf(a) - numberOf(b);
  return Number.isNaN(difference) || difference === 0 ? compareStrings(a, b) : difference;
}
