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
import { compareStrings, isoDate, sortBy, sortedStrings, toTags } from "./sdk-values";

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
  const details = {
    users: sortBy(pages.users.map(toUser), (user) => user.arn ?? ""),
    groups: sortBy(pages.groups.map(toGroup), (group) => group.arn ?? ""),
    roles: sortBy(
      pages.roles.map((role) => toRole(role, role.Arn ? sessionDurations.get(role.Arn) : undefined)),
      (role) => role.arn ?? "",
    ),
    policies: sortBy(pages.policies.map(toManagedPolicy), (policy) => policy.arn ?? ""),
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

function toUser(user: UserDetail) {
  return {
    userName: user.UserName,
    userId: user.UserId,
    arn: user.Arn,
    path: user.Path,
    createDate: isoDate(user.CreateDate),
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
  return {
    groupName: group.GroupName,
    groupId: group.GroupId,
    arn: group.Arn,
    path: group.Path,
    createDate: isoDate(group.CreateDate),
    attachedManagedPolicies: attachedPolicies(group.AttachedManagedPolicies),
    inlinePolicies: inlinePolicies(group.GroupPolicyList),
  };
}

function toRole(role: RoleDetail, maxSessionDuration: number | undefined) {
  const lastUsedDate = isoDate(role.RoleLastUsed?.LastUsedDate);
  return {
    roleName: role.RoleName,
    roleId: role.RoleId,
    arn: role.Arn,
    path: role.Path,
    createDate: isoDate(role.CreateDate),
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

function toManagedPolicy(policy: ManagedPolicyDetail) {
  const versions = policy.PolicyVersionList ?? [];
  const defaultVersion =
    versions.find((version) => version.VersionId === policy.DefaultVersionId) ??
    versions.find((version) => version.IsDefaultVersion === true);
  return {
    policyName: policy.PolicyName,
    policyId: policy.PolicyId,
    arn: policy.Arn,
    path: policy.Path,
    isAwsManaged: /^arn:[^:]+:iam::aws:policy\//.test(policy.Arn ?? ""),
    isAttachable: policy.IsAttachable ?? true,
    attachmentCount: policy.AttachmentCount ?? 0,
    defaultVersionId: policy.DefaultVersionId,
    defaultDocument: defaultVersion?.Document === undefined ? null : decodeIamPolicyDocument(defaultVersion.Document),
    versionIds: versions
      .map((version) => version.VersionId)
      .filter((id): id is string => typeof id === "string")
      .sort(compareVersionIds),
  };
}

function attachedPolicies(policies: AttachedPolicy[] | undefined) {
  return sortBy(
    (policies ?? []).map((policy) => ({ policyName: policy.PolicyName, policyArn: policy.PolicyArn })),
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
