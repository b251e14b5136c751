/**
 * Which users and roles hold administrator rights, and through which policy: attached managed
 * or inline, directly or via a group (CHECKS.md exercise 3, CIS 1.16). A user who is not admin
 * but can assume an admin role is reported separately as a role chain (see role-chains.ts).
 */
import type { AuthorizationDetails, IamRole, IamUser } from "@/lib/snapshot/schema";
import { ADMINISTRATOR_ACCESS_ARN, adminGrantsOf, isDenyEverything, type AdminGrantKind } from "./admin";
import { statementEvidence, type PolicyDocumentError, type StatementEvidence } from "./document";
import {
  createPolicyCatalog,
  sourceRef,
  type PolicyCatalog,
  type PolicySource,
  type PolicySourceRef,
} from "./principal-policies";
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
  unreadable: Array<{ source: PolicySourceRef; error: PolicyDocumentError }>;
}

export interface AdminPrincipals {
  accountId: string;
  users: PrincipalAdminStatus[];
  roles: PrincipalAdminStatus[];
  roleChains: RoleChainAdmin[];
}

function adminPaths(source: PolicySource): AdminPath[] {
  const ref = sourceRef(source);
  if (source.policyArn === ADMINISTRATOR_ACCESS_ARN) {
    return [{ source: ref, kind: "administrator_access_arn", conditional: false }];
  }
  if (!source.parsed.ok) return [];
  return adminGrantsOf(source.parsed.policy).grants.map((grant) => ({
    source: ref,
    kind: grant.kind,
    conditional: grant.conditional,
    statement: grant.statement,
  }));
}

/** A boundary only leaves admin intact when it allows every action on every resource unconditionally. */
function boundaryLimits(boundaryArn: string | undefined, catalog: PolicyCatalog): boolean {
  if (boundaryArn === undefined || boundaryArn === ADMINISTRATOR_ACCESS_ARN) return false;
  const boundary = catalog.managedDocument(boundaryArn);
  // An unreadable boundary cannot be shown to limit anything; keep the admin finding.
  if (!boundary.ok) return false;
  const { grants, cancelledBy } = adminGrantsOf(boundary.policy);
  return cancelledBy !== undefined || !grants.some((grant) => grant.kind === "full_wildcard" && !grant.conditional);
}

export function principalAdminStatus(
  principalType: "user" | "role",
  principal: { arn: string; name: string; permissionsBoundaryArn?: string },
  sources: PolicySource[],
  catalog: PolicyCatalog,
): PrincipalAdminStatus {
  const paths = sources.flatMap(adminPaths);
  const unreadable = sources.flatMap((source) =>
    !source.parsed.ok && source.policyArn !== ADMINISTRATOR_ACCESS_ARN ? [{ source: sourceRef(source), error: source.parsed.error }] : [],
  );
  const base = { principalType, arn: principal.arn, name: principal.name, unreadable };
  for (const source of sources) {
    if (!source.parsed.ok) continue;
    const deny = source.parsed.policy.statements.find(isDenyEverything);
    if (deny) {
      return { ...base, status: "not_admin", paths, cancelledBy: { source: sourceRef(source), statement: statementEvidence(deny) } };
    }
  }
  if (paths.length > 0 && boundaryLimits(principal.permissionsBoundaryArn, catalog)) {
    return { ...base, status: "not_admin", paths, limitedByBoundary: principal.permissionsBoundaryArn };
  }
  const status = paths.length > 0 ? "admin" : unreadable.length > 0 ? "undetermined" : "not_admin";
  return { ...base, status, paths };
}

export function userAdminStatus(user: IamUser, catalog: PolicyCatalog): PrincipalAdminStatus {
  const principal = { arn: user.arn, name: user.userName, permissionsBoundaryArn: user.permissionsBoundaryArn };
  return principalAdminStatus("user", principal, catalog.userSources(user), catalog);
}

export function roleAdminStatus(role: IamRole, catalog: PolicyCatalog): PrincipalAdminStatus {
  const principal = { arn: role.arn, name: role.roleName, permissionsBoundaryArn: role.permissionsBoundaryArn };
  return principalAdminStatus("role", principal, catalog.roleSources(role), catalog);
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
