/**
 * Which users and roles hold administrator rights, and through which policy: attached managed
 * or inline, directly or via a group (CHECKS.md exercise 3, CIS 1.16). A user who is not admin
 * but can assume an admin role is reported separately as a role chain (see role-chains.ts).
 */
import type { AuthorizationDetails, IamRole, IamUser } from "@/lib/snapshot/schema";
import { ADMINISTRATOR_ACCESS_ARN, EVERY_ACTION_ON_EVERY_RESOURCE, type AdminGrantKind } from "./admin";
import type { PolicyDocumentError, StatementEvidence } from "./document";
import { evaluateAccess, type MatchedStatement, type PolicyRef, type PrincipalPolicySet } from "./evaluator";
import { createPolicyCatalog, type PolicyCatalog, type PolicySourceRef } from "./principal-policies";
import { findRoleChains, type RoleChainAdmin } from "./role-chains";

export interface AdminPath {
  source: PolicySourceRef;
  kind: "administrator_access_arn" | AdminGrantKind;
  conditional: boolean;
  statement?: StatementEvidence;
}

export interface PrincipalAdminStatus {
  principalType: "user" | "role";
  arn: string;
  name: string;
  /** `undetermined`: not admin by any readable policy, but some policy could not be read. */
  status: "admin" | "not_admin" | "undetermined";
  paths: AdminPath[];
  cancelledBy?: { source: PolicySourceRef; statement: StatementEvidence };
  /** The permissions boundary that keeps the admin policies from taking effect. */
  limitedByBoundary?: string;
  /** The service control policy level that keeps them from taking effect. */
  limitedByServiceControlPolicies?: string;
  /** False when the organization's service control policies could not be taken into account. */
  serviceControlPoliciesConsidered: boolean;
  unreadable: Array<{ source: PolicySourceRef; error: PolicyDocumentError }>;
}

export interface AdminPrincipals {
  accountId: string;
  users: PrincipalAdminStatus[];
  roles: PrincipalAdminStatus[];
  roleChains: RoleChainAdmin[];
}

/** The identity-policy part of a reference (where it is attached), without the layer tag. */
export function identitySource(ref: PolicyRef): PolicySourceRef | undefined {
  if (ref.layer !== "identity") return undefined;
  const { layer: _layer, ...source } = ref;
  return source;
}

function adminPath(allow: MatchedStatement): AdminPath[] {
  const source = identitySource(allow.policy);
  if (!source) return [];
  // AdministratorAccess is named by its ARN: its document may not even have been collected.
  if (source.policyArn === ADMINISTRATOR_ACCESS_ARN) return [{ source, kind: "administrator_access_arn", conditional: false }];
  return [{ source, kind: allow.notAction ? "not_action" : "full_wildcard", conditional: allow.conditional, statement: allow.statement }];
}

/** Admin is "every action on every resource" allowed, perhaps conditionally, by the one evaluator. */
export function principalAdminStatus(principalType: "user" | "role", principal: { arn: string; name: string }, set: PrincipalPolicySet): PrincipalAdminStatus {
  const evaluation = evaluateAccess(set, EVERY_ACTION_ON_EVERY_RESOURCE);
  const paths = evaluation.allows.flatMap(adminPath);
  const base = {
    principalType,
    arn: principal.arn,
    name: principal.name,
    paths,
    serviceControlPoliciesConsidered: evaluation.serviceControlPoliciesConsidered,
    unreadable: set.unreadable,
  };
  if (evaluation.decision === "allowed" || evaluation.decision === "allowed_conditionally") return { ...base, status: "admin" };
  if (evaluation.decision === "denied") {
    const deny = evaluation.denies.find((entry) => !entry.conditional);
    const source = deny ? identitySource(deny.policy) : undefined;
    if (deny && source) return { ...base, status: "not_admin", cancelledBy: { source, statement: deny.statement } };
    if (deny?.policy.layer === "boundary") return { ...base, status: "not_admin", limitedByBoundary: deny.policy.policyArn };
    if (deny?.policy.layer === "scp") return { ...base, status: "not_admin", limitedByServiceControlPolicies: deny.policy.target };
  }
  const missing = evaluation.missingAllow;
  if (paths.length > 0 && missing?.layer === "boundary" && set.boundary) {
    return { ...base, status: "not_admin", limitedByBoundary: set.boundary.policyArn };
  }
  if (paths.length > 0 && missing?.layer === "scp") {
    return { ...base, status: "not_admin", limitedByServiceControlPolicies: missing.target ?? "" };
  }
  return { ...base, status: set.unreadable.length > 0 ? "undetermined" : "not_admin" };
}

export function userAdminStatus(user: IamUser, catalog: PolicyCatalog): PrincipalAdminStatus {
  return principalAdminStatus("user", { arn: user.arn, name: user.userName }, catalog.policySet(user));
}

export function roleAdminStatus(role: IamRole, catalog: PolicyCatalog): PrincipalAdminStatus {
  return principalAdminStatus("role", { arn: role.arn, name: role.roleName }, catalog.policySet(role));
}

export function accountIdFromDetails(details: AuthorizationDetails): string | undefined {
  const arn = [...details.users, ...details.roles, ...details.groups][0]?.arn;
  return arn ? /^arn:[a-z-]+:iam::(\d{12}):/.exec(arn)?.[1] : undefined;
}

export function effectiveAdminPrincipals(
  details: AuthorizationDetails,
  accountId: string = accountIdFromDetails(details) ?? "",
  catalog: PolicyCatalog = createPolicyCatalog(details),
): AdminPrincipals {
  const users = details.users.map((user) => userAdminStatus(user, catalog));
  const roles = details.roles.map((role) => roleAdminStatus(role, catalog));
  const adminRoleArns = new Set(roles.filter((role) => role.status === "admin").map((role) => role.arn));
  const chainStarts = details.users.filter((_, index) => users[index]?.status !== "admin");
  const roleChains = findRoleChains(chainStarts, details.roles, adminRoleArns, catalog, accountId);
  return { accountId, users, roles, roleChains };
}
