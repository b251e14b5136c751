/**
 * IAM facts several checks share (who is admin, which customer policies are in force), computed
 * once per authorization-details object. The cache is keyed by object identity, so evaluation
 * stays a pure function of the snapshot.
 */
import { effectiveAdminPrincipals, type AdminPrincipals, type PrincipalAdminStatus } from "@/lib/policy/effective-admin";
import { createPolicyCatalog, type PolicyCatalog } from "@/lib/policy/principal-policies";
import { serviceControlPolicyContext, type ServiceControlPolicyContext } from "@/lib/policy/service-control-policies";
import type { AccountSnapshot, AuthorizationDetails } from "@/lib/snapshot/schema";
import { inlinePolicyResourceId } from "./findings";
import { globalPart } from "./part-access";

export interface IamAnalysis {
  catalog: PolicyCatalog;
  admins: AdminPrincipals;
  /** Whether the account's service control policies were part of every answer, and why. */
  serviceControlPolicies: ServiceControlPolicyContext;
  /** The evidence fields every IAM check writes about service control policies. */
  serviceControlPolicyEvidence: { serviceControlPolicies: "considered" | "not considered"; serviceControlPoliciesNote: string };
  user(arn: string): PrincipalAdminStatus | undefined;
  role(arn: string): PrincipalAdminStatus | undefined;
}

const analyses = new WeakMap<AuthorizationDetails, Map<string, { scpFacts: unknown; analysis: IamAnalysis }>>();

/** The account's service control policies as stored in the snapshot (organizations.serviceControlPolicies). */
function serviceControlPoliciesOf(snapshot: AccountSnapshot): { facts: unknown; context: ServiceControlPolicyContext } {
  const part = globalPart(snapshot, "organizations.serviceControlPolicies");
  return part.available
    ? { facts: part.data, context: serviceControlPolicyContext(part.data) }
    : { facts: snapshot.parts["organizations.serviceControlPolicies"], context: serviceControlPolicyContext(undefined, part.unavailable.reason) };
}

/** `details` is the snapshot's authorization details; the service control policies come from the same snapshot. */
export function analyseIam(details: AuthorizationDetails, snapshot: AccountSnapshot): IamAnalysis {
  const accountId = snapshot.accountId;
  const scps = serviceControlPoliciesOf(snapshot);
  const perAccount = analyses.get(details) ?? new Map<string, { scpFacts: unknown; analysis: IamAnalysis }>();
  analyses.set(details, perAccount);
  const cached = perAccount.get(accountId);
  if (cached && cached.scpFacts === scps.facts) return cached.analysis;
  const catalog = createPolicyCatalog(details, scps.context.levels);
  const admins = effectiveAdminPrincipals(details, accountId, catalog);
  const users = new Map(admins.users.map((status) => [status.arn, status]));
  const roles = new Map(admins.roles.map((status) => [status.arn, status]));
  const analysis: IamAnalysis = {
    catalog,
    admins,
    serviceControlPolicies: scps.context,
    serviceControlPolicyEvidence: {
      serviceControlPolicies: scps.context.levels ? "considered" : "not considered",
      serviceControlPoliciesNote: scps.context.note,
    },
    user: (arn) => users.get(arn),
    role: (arn) => roles.get(arn),
  };
  perAccount.set(accountId, { scpFacts: scps.facts, analysis });
  return analysis;
}

/** A customer-written policy in force: an attached customer managed policy or any inline policy. */
export interface CustomerPolicy {
  resourceId: string;
  resourceName: string;
  /** The policy's own name (for an inline policy, without its owner). */
  policyName: string;
  kind: "managed" | "inline";
  /** The ARNs of the users, groups and roles it is attached to (an inline policy: its owner). */
  attachedTo: string[];
  owner?: { type: "user" | "group" | "role"; name: string; arn: string };
  document: unknown;
}

/**
 * Customer managed policies attached to something, and every inline policy. Unattached managed
 * policies grant nobody anything (CIS 1.16 judges attached policies only); AWS managed policies
 * are AWS's to write.
 */
export function customerPoliciesInForce(details: AuthorizationDetails): CustomerPolicy[] {
  const holders = [...details.users, ...details.groups, ...details.roles];
  const attachedTo = (policyArn: string) =>
    holders.filter((holder) => holder.attachedManagedPolicies.some((attached) => attached.policyArn === policyArn)).map((holder) => holder.arn);
  const managed = details.policies
    .filter((policy) => !policy.isAwsManaged && policy.attachmentCount > 0)
    .map(
      (policy): CustomerPolicy => ({
        resourceId: policy.arn,
        resourceName: policy.policyName,
        policyName: policy.policyName,
        kind: "managed",
        attachedTo: attachedTo(policy.arn),
        document: policy.defaultDocument,
      }),
    );
  const owners = [
    ...details.users.map((user) => ({ type: "user" as const, name: user.userName, arn: user.arn, inline: user.inlinePolicies })),
    ...details.groups.map((group) => ({ type: "group" as const, name: group.groupName, arn: group.arn, inline: group.inlinePolicies })),
    ...details.roles.map((role) => ({ type: "role" as const, name: role.roleName, arn: role.arn, inline: role.inlinePolicies })),
  ];
  const inline = owners.flatMap((owner) =>
    owner.inline.map(
      (policy): CustomerPolicy => ({
        resourceId: inlinePolicyResourceId(owner.arn, policy.policyName),
        resourceName: `${owner.name}/${policy.policyName}`,
        policyName: policy.policyName,
        kind: "inline",
        attachedTo: [owner.arn],
        owner: { type: owner.type, name: owner.name, arn: owner.arn },
        document: policy.document,
      }),
    ),
  );
  return [...managed, ...inline];
}

/** Service-linked roles are created and managed by AWS services; their owners cannot change them. */
export function isServiceLinkedRole(role: { path: string }): boolean {
  return role.path.startsWith("/aws-service-role/");
}
