/**
 * Model → IAM SDK shapes shared by GetAccountAuthorizationDetails, ListRoles, GetRole and
 * ListVirtualMFADevices. Policy documents go out URL-encoded, as IAM sends them
 * (IAM API reference: "The policy document returned … is URL-encoded compliant with RFC 3986").
 */
import type {
  AttachedPermissionsBoundary,
  AttachedPolicy,
  InstanceProfile,
  PolicyDetail,
  Role,
  Tag,
  User,
} from "@aws-sdk/client-iam";
import { arns } from "@/lib/sandbox/identifiers";
import type { InlinePolicy, PolicyDocument, SandboxAccount, SandboxRole, SandboxTag, SandboxUser } from "@/lib/sandbox/model";

export function encodePolicyDocument(document: PolicyDocument): string {
  return encodeURIComponent(JSON.stringify(document));
}

export function renderTags(tags: SandboxTag[]): Tag[] {
  return tags.map((tag) => ({ Key: tag.key, Value: tag.value }));
}

/** The policy name is the last path segment of its ARN (customer and AWS managed alike). */
export function attachedPolicies(policyArns: string[]): AttachedPolicy[] {
  return policyArns.map((arn) => ({ PolicyName: arn.slice(arn.lastIndexOf("/") + 1), PolicyArn: arn }));
}

export function inlinePolicyDetails(policies: InlinePolicy[]): PolicyDetail[] {
  return policies.map((policy) => ({ PolicyName: policy.name, PolicyDocument: encodePolicyDocument(policy.document) }));
}

export function permissionsBoundary(arn: string | undefined): AttachedPermissionsBoundary | undefined {
  return arn ? { PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: arn } : undefined;
}

export function roleArn(account: SandboxAccount, role: SandboxRole): string {
  return arns.role(account.accountId, role.path, role.roleName);
}

export function userArn(account: SandboxAccount, user: SandboxUser): string {
  return arns.user(account.accountId, user.path, user.userName);
}

/** The Role shape; `full` adds what GetRole returns but ListRoles leaves out (tags, boundary, last use). */
export function renderRole(account: SandboxAccount, role: SandboxRole, full: boolean): Role {
  const rendered: Role = {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: roleArn(account, role),
    CreateDate: new Date(role.createdAt),
    AssumeRolePolicyDocument: encodePolicyDocument(role.trustPolicy),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
  };
  if (full) {
    rendered.PermissionsBoundary = permissionsBoundary(role.permissionsBoundaryArn);
    rendered.Tags = renderTags(role.tags);
    rendered.RoleLastUsed = role.lastUsed ? { LastUsedDate: new Date(role.lastUsed.date), Region: role.lastUsed.region } : {};
  }
  return rendered;
}

export function renderInstanceProfile(account: SandboxAccount, role: SandboxRole): InstanceProfile[] {
  const profile = role.instanceProfile;
  if (!profile) return [];
  return [
    {
      Path: profile.path,
      InstanceProfileName: profile.name,
      InstanceProfileId: profile.id,
      Arn: arns.instanceProfile(account.accountId, profile.path, profile.name),
      CreateDate: new Date(profile.createdAt),
      Roles: [renderRole(account, role, false)],
    },
  ];
}

export function renderUser(account: SandboxAccount, user: SandboxUser): User {
  return {
    Path: user.path,
    UserName: user.userName,
    UserId: user.userId,
    Arn: userArn(account, user),
    CreateDate: new Date(user.createdAt),
    PasswordLastUsed: user.password?.lastUsed ? new Date(user.password.lastUsed) : undefined,
  };
}
