/**
 * IAM Identity Center (sso-admin) and its identity store, answered only by the account that holds
 * the instance and only in the instance's region: elsewhere ListInstances answers no instance,
 * as AWS does in member accounts and other regions (SSO Admin API reference, ListInstances).
 */
import type {
  DescribePermissionSetRequest,
  DescribePermissionSetResponse,
  GetInlinePolicyForPermissionSetResponse,
  GetPermissionsBoundaryForPermissionSetResponse,
  ListAccountAssignmentsRequest,
  ListAccountAssignmentsResponse,
  ListAccountsForProvisionedPermissionSetResponse,
  ListCustomerManagedPolicyReferencesInPermissionSetResponse,
  ListInstancesResponse,
  ListManagedPoliciesInPermissionSetResponse,
  ListPermissionSetsRequest,
  ListPermissionSetsResponse,
} from "@aws-sdk/client-sso-admin";
import type { ListGroupMembershipsRequest, ListGroupMembershipsResponse, ListGroupsResponse, ListUsersRequest, ListUsersResponse } from "@aws-sdk/client-identitystore";
import { awsError } from "@/lib/sandbox/aws-errors";
import type { SandboxIdentityCenter, SandboxPermissionSet } from "@/lib/sandbox/model";
import { decodePageToken, pageOf, pageSizeOf } from "@/lib/sandbox/pagination";
import { awsManagedPolicy } from "@/lib/sandbox/policy-documents";
import { inputOf, type Handler, type SandboxCall } from "@/lib/sandbox/handlers/types";

function instanceArn(center: SandboxIdentityCenter): string {
  return `arn:aws:sso:::instance/${center.instanceId}`;
}

function permissionSetArn(center: SandboxIdentityCenter, set: SandboxPermissionSet): string {
  return `arn:aws:sso:::permissionSet/${center.instanceId}/${set.id}`;
}

function notFound(call: SandboxCall, what: string): Error {
  return awsError({ service: call.service, code: "ResourceNotFoundException", httpStatus: 400, requestId: call.requestId, message: `${what} does not exist.` });
}

/** The instance this call names, when the caller's account holds it and the call is in its region. */
function centerFor(call: SandboxCall): SandboxIdentityCenter {
  const center = call.account.identityCenter;
  const named = inputOf<{ InstanceArn?: string; IdentityStoreId?: string }>(call);
  if (!center || call.region !== center.region) throw notFound(call, "Instance");
  if (named.InstanceArn !== undefined && named.InstanceArn !== instanceArn(center)) throw notFound(call, "Instance");
  if (named.IdentityStoreId !== undefined && named.IdentityStoreId !== center.identityStoreId) throw notFound(call, "Identity store");
  return center;
}

function setFor(call: SandboxCall): { center: SandboxIdentityCenter; set: SandboxPermissionSet } {
  const center = centerFor(call);
  const arn = inputOf<{ PermissionSetArn?: string }>(call).PermissionSetArn;
  const set = center.permissionSets.find((candidate) => permissionSetArn(center, candidate) === arn);
  if (!set) throw notFound(call, "PermissionSet");
  return { center, set };
}

function paged<T>(call: SandboxCall, listing: string, items: readonly T[], max = 100): { items: T[]; NextToken?: string } {
  const input = inputOf<{ NextToken?: string; MaxResults?: number }>(call);
  const offset = decodePageToken(listing, input.NextToken);
  if (offset === undefined) throw awsError({ service: call.service, code: "ValidationException", httpStatus: 400, requestId: call.requestId, message: "Invalid NextToken" });
  const page = pageOf(listing, items, offset, pageSizeOf(input.MaxResults, { default: max, max }));
  return { items: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
}

const listInstances: Handler = (call): ListInstancesResponse => {
  const center = call.account.identityCenter;
  if (!center || call.region !== center.region) return { Instances: [] };
  return {
    Instances: [{ InstanceArn: instanceArn(center), IdentityStoreId: center.identityStoreId, OwnerAccountId: call.account.accountId, Name: "organization", Status: "ACTIVE" }],
  };
};

const listPermissionSets: Handler = (call): ListPermissionSetsResponse => {
  const center = centerFor(call);
  inputOf<ListPermissionSetsRequest>(call);
  const page = paged(call, "ListPermissionSets", center.permissionSets.map((set) => permissionSetArn(center, set)));
  return { PermissionSets: page.items, ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
};

const describePermissionSet: Handler = (call): DescribePermissionSetResponse => {
  inputOf<DescribePermissionSetRequest>(call);
  const { center, set } = setFor(call);
  return { PermissionSet: { Name: set.name, PermissionSetArn: permissionSetArn(center, set), ...(set.sessionDuration ? { SessionDuration: set.sessionDuration } : {}) } };
};

const listManagedPolicies: Handler = (call): ListManagedPoliciesInPermissionSetResponse => {
  const { set } = setFor(call);
  const page = paged(call, "ListManagedPoliciesInPermissionSet", set.awsManagedPolicyArns);
  return {
    AttachedManagedPolicies: page.items.map((arn) => ({ Arn: arn, Name: awsManagedPolicy(arn)?.policyName ?? arn.slice(arn.lastIndexOf("/") + 1) })),
    ...(page.NextToken ? { NextToken: page.NextToken } : {}),
  };
};

const listCustomerManagedReferences: Handler = (call): ListCustomerManagedPolicyReferencesInPermissionSetResponse => {
  const { set } = setFor(call);
  const page = paged(call, "ListCustomerManagedPolicyReferencesInPermissionSet", set.customerManagedPolicies);
  return { CustomerManagedPolicyReferences: page.items.map((reference) => ({ Name: reference.name, Path: reference.path })), ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
};

const getInlinePolicy: Handler = (call): GetInlinePolicyForPermissionSetResponse => {
  const { set } = setFor(call);
  return set.inlinePolicy ? { InlinePolicy: JSON.stringify(set.inlinePolicy) } : {};
};

const getPermissionsBoundary: Handler = (call): GetPermissionsBoundaryForPermissionSetResponse => {
  const { set } = setFor(call);
  if (!set.boundary) throw notFound(call, "Permissions boundary");
  return {
    PermissionsBoundary: {
      ...(set.boundary.managedPolicyArn ? { ManagedPolicyArn: set.boundary.managedPolicyArn } : {}),
      ...(set.boundary.customerManagedPolicy ? { CustomerManagedPolicyReference: { Name: set.boundary.customerManagedPolicy.name, Path: set.boundary.customerManagedPolicy.path } } : {}),
    },
  };
};

const listAccountsForProvisioned: Handler = (call): ListAccountsForProvisionedPermissionSetResponse => {
  const { center, set } = setFor(call);
  const accounts = [...new Set(center.assignments.filter((assignment) => assignment.permissionSetId === set.id).map((assignment) => assignment.accountId))].sort();
  const page = paged(call, "ListAccountsForProvisionedPermissionSet", accounts);
  return { AccountIds: page.items, ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
};

const listAccountAssignments: Handler = (call): ListAccountAssignmentsResponse => {
  const { center, set } = setFor(call);
  const { AccountId } = inputOf<ListAccountAssignmentsRequest>(call);
  const assignments = center.assignments.filter((assignment) => assignment.permissionSetId === set.id && assignment.accountId === AccountId);
  const page = paged(call, "ListAccountAssignments", assignments);
  return {
    AccountAssignments: page.items.map((assignment) => ({
      AccountId: assignment.accountId,
      PermissionSetArn: permissionSetArn(center, set),
      PrincipalType: assignment.principalType,
      PrincipalId: assignment.principalId,
    })),
    ...(page.NextToken ? { NextToken: page.NextToken } : {}),
  };
};

const listUsers: Handler = (call): ListUsersResponse => {
  const center = centerFor(call);
  inputOf<ListUsersRequest>(call);
  const page = paged(call, "ListUsers", center.users);
  return {
    Users: page.items.map((user) => ({ IdentityStoreId: center.identityStoreId, UserId: user.userId, UserName: user.userName, DisplayName: user.displayName })),
    ...(page.NextToken ? { NextToken: page.NextToken } : {}),
  };
};

const listGroups: Handler = (call): ListGroupsResponse => {
  const center = centerFor(call);
  const page = paged(call, "ListGroups", center.groups);
  return {
    Groups: page.items.map((group) => ({ IdentityStoreId: center.identityStoreId, GroupId: group.groupId, DisplayName: group.displayName })),
    ...(page.NextToken ? { NextToken: page.NextToken } : {}),
  };
};

const listGroupMemberships: Handler = (call): ListGroupMembershipsResponse => {
  const center = centerFor(call);
  const { GroupId } = inputOf<ListGroupMembershipsRequest>(call);
  if (!center.groups.some((group) => group.groupId === GroupId)) throw notFound(call, "GROUP");
  const page = paged(call, `ListGroupMemberships:${GroupId}`, center.memberships.filter((membership) => membership.groupId === GroupId));
  return {
    GroupMemberships: page.items.map((membership, index) => ({
      IdentityStoreId: center.identityStoreId,
      MembershipId: `${membership.groupId.slice(0, 8)}-${index}`,
      GroupId: membership.groupId,
      MemberId: { UserId: membership.userId },
    })),
    ...(page.NextToken ? { NextToken: page.NextToken } : {}),
  };
};

export const ssoAdminHandlers: Record<string, Handler> = {
  ListInstances: listInstances,
  ListPermissionSets: listPermissionSets,
  DescribePermissionSet: describePermissionSet,
  ListManagedPoliciesInPermissionSet: listManagedPolicies,
  ListCustomerManagedPolicyReferencesInPermissionSet: listCustomerManagedReferences,
  GetInlinePolicyForPermissionSet: getInlinePolicy,
  GetPermissionsBoundaryForPermissionSet: getPermissionsBoundary,
  ListAccountsForProvisionedPermissionSet: listAccountsForProvisioned,
  ListAccountAssignments: listAccountAssignments,
};

export const identityStoreHandlers: Record<string, Handler> = {
  ListUsers: listUsers,
  ListGroups: listGroups,
  ListGroupMemberships: listGroupMemberships,
};
