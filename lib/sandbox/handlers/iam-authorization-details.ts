/**
 * iam:GetAccountAuthorizationDetails: users, groups, roles and managed policies (customer ones,
 * and AWS managed ones attached in the account) in one listing paged by MaxItems/Marker across
 * all four lists, with every document URL-encoded.
 */
import type {
  EntityType,
  GetAccountAuthorizationDetailsRequest,
  GetAccountAuthorizationDetailsResponse,
  GroupDetail,
  ManagedPolicyDetail,
  RoleDetail,
  UserDetail,
} from "@aws-sdk/client-iam";
import { arns } from "@/lib/sandbox/identifiers";
import type { SandboxAccount, SandboxManagedPolicy } from "@/lib/sandbox/model";
import { AWS_MANAGED_POLICIES } from "@/lib/sandbox/policy-documents";
import { iamPage } from "@/lib/sandbox/handlers/iam";
import {
  attachedPolicies,
  encodePolicyDocument,
  inlinePolicyDetails,
  permissionsBoundary,
  renderInstanceProfile,
  renderTags,
  roleArn,
  userArn,
} from "@/lib/sandbox/handlers/iam-render";
import { inputOf, type Handler } from "@/lib/sandbox/handlers/types";

type Entry =
  | { kind: "user"; detail: UserDetail }
  | { kind: "group"; detail: GroupDetail }
  | { kind: "role"; detail: RoleDetail }
  | { kind: "policy"; detail: ManagedPolicyDetail };

function managedPolicyDetail(
  account: SandboxAccount,
  policy: SandboxManagedPolicy,
  arn: string,
): ManagedPolicyDetail {
  const principals = [...account.users, ...account.groups, ...account.roles];
  return {
    PolicyName: policy.policyName,
    PolicyId: policy.policyId,
    Arn: arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: principals.filter((principal) => principal.attachedPolicyArns.includes(arn)).length,
    PermissionsBoundaryUsageCount: [...account.users, ...account.roles].filter((principal) => principal.permissionsBoundaryArn === arn).length,
    IsAttachable: true,
    Description: policy.description,
    CreateDate: new Date(policy.createdAt),
    UpdateDate: new Date(policy.updatedAt),
    PolicyVersionList: [...policy.versions].reverse().map((version) => ({
      Document: encodePolicyDocument(version.document),
      VersionId: version.versionId,
      IsDefaultVersion: version.versionId === policy.defaultVersionId,
      CreateDate: new Date(version.createdAt),
    })),
  };
}

function entries(account: SandboxAccount, filter: ReadonlySet<EntityType>): Entry[] {
  const out: Entry[] = [];
  if (filter.has("User")) {
    for (const user of account.users) {
      out.push({
        kind: "user",
        detail: {
          Path: user.path,
          UserName: user.userName,
          UserId: user.userId,
          Arn: userArn(account, user),
          CreateDate: new Date(user.createdAt),
          UserPolicyList: inlinePolicyDetails(user.inlinePolicies),
          GroupList: [...user.groups],
          AttachedManagedPolicies: attachedPolicies(user.attachedPolicyArns),
          PermissionsBoundary: permissionsBoundary(user.permissionsBoundaryArn),
          Tags: renderTags(user.tags),
        },
      });
    }
  }
  if (filter.has("Group")) {
    for (const group of account.groups) {
      out.push({
        kind: "group",
        detail: {
          Path: group.path,
          GroupName: group.groupName,
          GroupId: group.groupId,
          Arn: arns.group(account.accountId, group.path, group.groupName),
          CreateDate: new Date(group.createdAt),
          GroupPolicyList: inlinePolicyDetails(group.inlinePolicies),
          AttachedManagedPolicies: attachedPolicies(group.attachedPolicyArns),
        },
      });
    }
  }
  if (filter.has("Role")) {
    for (const role of account.roles) {
      out.push({
        kind: "role",
        detail: {
          Path: role.path,
          RoleName: role.roleName,
          RoleId: role.roleId,
          Arn: roleArn(account, role),
          CreateDate: new Date(role.createdAt),
          AssumeRolePolicyDocument: encodePolicyDocument(role.trustPolicy),
          InstanceProfileList: renderInstanceProfile(account, role),
          RolePolicyList: inlinePolicyDetails(role.inlinePolicies),
          AttachedManagedPolicies: attachedPolicies(role.attachedPolicyArns),
          PermissionsBoundary: permissionsBoundary(role.permissionsBoundaryArn),
          Tags: renderTags(role.tags),
          RoleLastUsed: role.lastUsed ? { LastUsedDate: new Date(role.lastUsed.date), Region: role.lastUsed.region } : {},
        },
      });
    }
  }
  if (filter.has("LocalManagedPolicy")) {
    for (const policy of account.policies) {
      const arn = arns.customerPolicy(account.accountId, policy.path, policy.policyName);
      out.push({ kind: "policy", detail: managedPolicyDetail(account, policy, arn) });
    }
  }
  if (filter.has("AWSManagedPolicy")) {
    // GAAD lists the AWS managed policies that are attached to something in the account.
    const attached = new Set([...account.users, ...account.groups, ...account.roles].flatMap((principal) => principal.attachedPolicyArns));
    for (const policy of AWS_MANAGED_POLICIES) {
      if (attached.has(policy.arn)) out.push({ kind: "policy", detail: managedPolicyDetail(account, policy, policy.arn) });
    }
  }
  return out;
}

const ALL_ENTITY_TYPES: EntityType[] = ["User", "Group", "Role", "LocalManagedPolicy", "AWSManagedPolicy"];

export const getAccountAuthorizationDetails: Handler = (call): GetAccountAuthorizationDetailsResponse => {
  const input = inputOf<GetAccountAuthorizationDetailsRequest>(call);
  const filter = new Set<EntityType>(input.Filter && input.Filter.length > 0 ? input.Filter : ALL_ENTITY_TYPES);
  const page = iamPage(call, "GetAccountAuthorizationDetails", entries(call.account, filter), input);
  const pick = <K extends Entry["kind"]>(kind: K) =>
    page.items.filter((entry): entry is Extract<Entry, { kind: K }> => entry.kind === kind).map((entry) => entry.detail);
  return {
    UserDetailList: pick("user") as UserDetail[],
    GroupDetailList: pick("group") as GroupDetail[],
    RoleDetailList: pick("role") as RoleDetail[],
    Policies: pick("policy") as ManagedPolicyDetail[],
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
};
