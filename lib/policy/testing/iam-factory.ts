/**
 * Builders for GetAccountAuthorizationDetails facts in tests, with sensible defaults:
 * `authorizationDetails({ users: [iamUser("alice", { groups: ["admins"] })], groups: [iamGroup("admins", …)] })`.
 */
import type { AuthorizationDetails, IamGroup, IamRole, IamUser, ManagedPolicy } from "@/lib/snapshot/schema";
import { policy, allowPrincipal } from "./policy-factory";

export const TEST_ACCOUNT_ID = "111122223333";
const CREATED = "2024-01-01T00:00:00Z";

export const userArn = (name: string, accountId = TEST_ACCOUNT_ID) => `arn:aws:iam::${accountId}:user/${name}`;
export const roleArn = (name: string, accountId = TEST_ACCOUNT_ID) => `arn:aws:iam::${accountId}:role/${name}`;
export const groupArn = (name: string, accountId = TEST_ACCOUNT_ID) => `arn:aws:iam::${accountId}:group/${name}`;
export const customerPolicyArn = (name: string, accountId = TEST_ACCOUNT_ID) => `arn:aws:iam::${accountId}:policy/${name}`;
export const awsPolicyArn = (name: string) => `arn:aws:iam::aws:policy/${name}`;

export function attached(arn: string): { policyName: string; policyArn: string } {
  return { policyName: arn.slice(arn.lastIndexOf("/") + 1), policyArn: arn };
}

export function inline(policyName: string, document: unknown): { policyName: string; document: unknown } {
  return { policyName, document };
}

export function iamUser(userName: string, overrides: Partial<IamUser> = {}): IamUser {
  return {
    userName,
    userId: `AIDA${userName.toUpperCase()}`,
    arn: userArn(userName),
    path: "/",
    createDate: CREATED,
    groups: [],
    attachedManagedPolicies: [],
    inlinePolicies: [],
    tags: [],
    ...overrides,
  };
}

export function iamGroup(groupName: string, overrides: Partial<IamGroup> = {}): IamGroup {
  return {
    groupName,
    groupId: `AGPA${groupName.toUpperCase()}`,
    arn: groupArn(groupName),
    path: "/",
    createDate: CREATED,
    attachedManagedPolicies: [],
    inlinePolicies: [],
    ...overrides,
  };
}

/** A role trusted by EC2 unless `assumeRolePolicyDocument` says otherwise. */
export function iamRole(roleName: string, overrides: Partial<IamRole> = {}): IamRole {
  return {
    roleName,
    roleId: `AROA${roleName.toUpperCase()}`,
    arn: roleArn(roleName),
    path: "/",
    createDate: CREATED,
    assumeRolePolicyDocument: policy(allowPrincipal({ Service: "ec2.amazonaws.com" }, "sts:AssumeRole")),
    attachedManagedPolicies: [],
    inlinePolicies: [],
    instanceProfileArns: [],
    roleLastUsed: {},
    tags: [],
    ...overrides,
  };
}

export function managedPolicy(arn: string, defaultDocument: unknown, overrides: Partial<ManagedPolicy> = {}): ManagedPolicy {
  return {
    policyName: arn.slice(arn.lastIndexOf("/") + 1),
    policyId: `ANPA${arn.length}`,
    arn,
    path: "/",
    isAwsManaged: arn.startsWith("arn:aws:iam::aws:"),
    isAttachable: true,
    attachmentCount: 1,
    defaultVersionId: "v1",
    defaultDocument,
    versionIds: ["v1"],
    ...overrides,
  };
}

export function authorizationDetails(parts: Partial<AuthorizationDetails> = {}): AuthorizationDetails {
  return { users: [], groups: [], roles: [], policies: [], ...parts };
}
