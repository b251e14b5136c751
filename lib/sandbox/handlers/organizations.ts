/**
 * AWS Organizations: DescribeOrganization (any member), and from the management account or a
 * delegated administrator ListAccounts, ListRoots, ListOrganizationalUnitsForParent,
 * ListAccountsForParent, ListParents and DescribeOrganizationalUnit over the tree of
 * organization-structure.ts, and ListPoliciesForTarget and DescribePolicy over the service
 * control policies of service-control-policies.ts. Listings read account summaries only, so listing 1,000 generated
 * accounts builds none of them.
 */
import type {
  Account,
  DescribeOrganizationalUnitRequest,
  DescribeOrganizationalUnitResponse,
  DescribeOrganizationResponse,
  DescribePolicyRequest,
  DescribePolicyResponse,
  ListAccountsForParentRequest,
  ListAccountsForParentResponse,
  ListAccountsRequest,
  ListAccountsResponse,
  ListOrganizationalUnitsForParentRequest,
  ListOrganizationalUnitsForParentResponse,
  ListParentsRequest,
  ListParentsResponse,
  ListPoliciesForTargetRequest,
  ListPoliciesForTargetResponse,
  ListRootsRequest,
  ListRootsResponse,
  OrganizationalUnit,
} from "@aws-sdk/client-organizations";
import { accessDeniedError, awsError } from "@/lib/sandbox/aws-errors";
import type { SandboxOrganizationalUnit, SandboxOrganizationMember } from "@/lib/sandbox/model";
import { organizationStructure } from "@/lib/sandbox/organization-structure";
import { decodePageToken, pageOf, pageSizeOf } from "@/lib/sandbox/pagination";
import { sandboxServiceControlPolicies, type SandboxServiceControlPolicy } from "@/lib/sandbox/service-control-policies";
import { inputOf, type Handler, type SandboxCall } from "@/lib/sandbox/handlers/types";

/** MaxResults of every Organizations List* operation: 1–20 (Organizations API reference). */
const PAGE = { default: 20, max: 20 };

function organizationArn(call: SandboxCall, kind: "organization" | "account" | "ou" | "root", id?: string): string {
  const { managementAccountId, organizationId } = call.internals.facts;
  const base = `arn:aws:organizations::${managementAccountId}:${kind}/${organizationId}`;
  return id ? `${base}/${id}` : base;
}

function requireManagementOrDelegatedAdmin(call: SandboxCall, action: string): void {
  const { managementAccountId, baseAccountId } = call.internals.facts;
  if (call.caller.accountId !== managementAccountId && call.caller.accountId !== baseAccountId) {
    throw accessDeniedError("organizations", call.requestId, call.caller.arn, `organizations:${action}`);
  }
}

function offsetOf(call: SandboxCall, listing: string, token: string | undefined): number {
  const offset = decodePageToken(listing, token);
  if (offset === undefined) {
    throw awsError({ service: "organizations", code: "InvalidInputException", httpStatus: 400, requestId: call.requestId, message: "You specified an invalid value for nextToken." });
  }
  return offset;
}

function notFound(call: SandboxCall, code: string, what: string): Error {
  return awsError({ service: "organizations", code, httpStatus: 400, requestId: call.requestId, message: `We can't find ${what} that you specified.` });
}

function requireParent(call: SandboxCall, parentId: string | undefined): string {
  const structure = organizationStructure(call.world);
  if (!parentId || (parentId !== structure.rootId && !structure.unit(parentId))) throw notFound(call, "ParentNotFoundException", "a root or OU");
  return parentId;
}

function renderAccount(call: SandboxCall, member: SandboxOrganizationMember): Account {
  return {
    Id: member.accountId,
    Arn: organizationArn(call, "account", member.accountId),
    Email: member.email,
    Name: member.name,
    // Status (retired in 2026) knows no CLOSED: a closed account reads SUSPENDED until AWS removes it.
    Status: member.state === "CLOSED" ? "SUSPENDED" : member.state,
    State: member.state,
    JoinedMethod: member.joinedMethod,
    JoinedTimestamp: member.joinedAt,
  };
}

function renderUnit(call: SandboxCall, unit: SandboxOrganizationalUnit): OrganizationalUnit {
  return { Id: unit.id, Arn: organizationArn(call, "ou", unit.id), Name: unit.name };
}

const describeOrganization: Handler = (call): DescribeOrganizationResponse => {
  const { managementAccountId, organizationId } = call.internals.facts;
  const management = call.internals.summary(managementAccountId);
  return {
    Organization: {
      Id: organizationId,
      Arn: organizationArn(call, "organization"),
      FeatureSet: "ALL",
      MasterAccountArn: organizationArn(call, "account", managementAccountId),
      MasterAccountId: managementAccountId,
      MasterAccountEmail: management?.email,
    },
  };
};

const listAccounts: Handler = (call): ListAccountsResponse => {
  requireManagementOrDelegatedAdmin(call, "ListAccounts");
  const input = inputOf<ListAccountsRequest>(call);
  const members = organizationStructure(call.world).members;
  const page = pageOf("ListAccounts", members, offsetOf(call, "ListAccounts", input.NextToken), pageSizeOf(input.MaxResults, PAGE));
  return { Accounts: page.items.map((member) => renderAccount(call, member)), NextToken: page.nextToken };
};

const listRoots: Handler = (call): ListRootsResponse => {
  requireManagementOrDelegatedAdmin(call, "ListRoots");
  const input = inputOf<ListRootsRequest>(call);
  offsetOf(call, "ListRoots", input.NextToken);
  const { rootId } = organizationStructure(call.world);
  return {
    Roots: [
      {
        Id: rootId,
        Arn: organizationArn(call, "root", rootId),
        Name: "Root",
        PolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
      },
    ],
  };
};

const listOrganizationalUnitsForParent: Handler = (call): ListOrganizationalUnitsForParentResponse => {
  requireManagementOrDelegatedAdmin(call, "ListOrganizationalUnitsForParent");
  const input = inputOf<ListOrganizationalUnitsForParentRequest>(call);
  const parentId = requireParent(call, input.ParentId);
  const listing = `ListOrganizationalUnitsForParent:${parentId}`;
  const units = organizationStructure(call.world).unitsIn(parentId);
  const page = pageOf(listing, units, offsetOf(call, listing, input.NextToken), pageSizeOf(input.MaxResults, PAGE));
  return { OrganizationalUnits: page.items.map((unit) => renderUnit(call, unit)), NextToken: page.nextToken };
};

const listAccountsForParent: Handler = (call): ListAccountsForParentResponse => {
  requireManagementOrDelegatedAdmin(call, "ListAccountsForParent");
  const input = inputOf<ListAccountsForParentRequest>(call);
  const parentId = requireParent(call, input.ParentId);
  const listing = `ListAccountsForParent:${parentId}`;
  const members = organizationStructure(call.world).membersIn(parentId);
  const page = pageOf(listing, members, offsetOf(call, listing, input.NextToken), pageSizeOf(input.MaxResults, PAGE));
  return { Accounts: page.items.map((member) => renderAccount(call, member)), NextToken: page.nextToken };
};

const listParents: Handler = (call): ListParentsResponse => {
  requireManagementOrDelegatedAdmin(call, "ListParents");
  const input = inputOf<ListParentsRequest>(call);
  const structure = organizationStructure(call.world);
  const childId = input.ChildId ?? "";
  const parentId = structure.member(childId)?.parentId ?? structure.unit(childId)?.parentId;
  if (!parentId) throw notFound(call, "ChildNotFoundException", "an organizational unit (OU) or account");
  return { Parents: [{ Id: parentId, Type: parentId === structure.rootId ? "ROOT" : "ORGANIZATIONAL_UNIT" }] };
};

const describeOrganizationalUnit: Handler = (call): DescribeOrganizationalUnitResponse => {
  requireManagementOrDelegatedAdmin(call, "DescribeOrganizationalUnit");
  const input = inputOf<DescribeOrganizationalUnitRequest>(call);
  const unit = organizationStructure(call.world).unit(input.OrganizationalUnitId ?? "");
  if (!unit) throw notFound(call, "OrganizationalUnitNotFoundException", "an OU");
  return { OrganizationalUnit: renderUnit(call, unit) };
};

function policySummary(policy: SandboxServiceControlPolicy) {
  return { Id: policy.id, Arn: policy.arn, Name: policy.name, Description: policy.description, Type: "SERVICE_CONTROL_POLICY" as const, AwsManaged: policy.awsManaged };
}

const listPoliciesForTarget: Handler = (call): ListPoliciesForTargetResponse => {
  requireManagementOrDelegatedAdmin(call, "ListPoliciesForTarget");
  const input = inputOf<ListPoliciesForTargetRequest>(call);
  const attached = sandboxServiceControlPolicies(call.world).attachedTo(input.TargetId ?? "");
  if (!attached) throw notFound(call, "TargetNotFoundException", "a root, OU, account, or policy");
  // The sandbox has service control policies only; every other policy type lists nothing.
  const policies = input.Filter === "SERVICE_CONTROL_POLICY" ? attached : [];
  const listing = `ListPoliciesForTarget:${input.TargetId}:${input.Filter}`;
  const page = pageOf(listing, policies, offsetOf(call, listing, input.NextToken), pageSizeOf(input.MaxResults, PAGE));
  return { Policies: page.items.map(policySummary), NextToken: page.nextToken };
};

const describePolicy: Handler = (call): DescribePolicyResponse => {
  requireManagementOrDelegatedAdmin(call, "DescribePolicy");
  const input = inputOf<DescribePolicyRequest>(call);
  const policy = sandboxServiceControlPolicies(call.world).policy(input.PolicyId ?? "");
  if (!policy) throw notFound(call, "PolicyNotFoundException", "a policy");
  return { Policy: { PolicySummary: policySummary(policy), Content: policy.content } };
};

export const organizationsHandlers: Record<string, Handler> = {
  DescribePolicy: describePolicy,
  ListPoliciesForTarget: listPoliciesForTarget,
  DescribeOrganization: describeOrganization,
  DescribeOrganizationalUnit: describeOrganizationalUnit,
  ListAccounts: listAccounts,
  ListAccountsForParent: listAccountsForParent,
  ListOrganizationalUnitsForParent: listOrganizationalUnitsForParent,
  ListParents: listParents,
  ListRoots: listRoots,
};
