/**
 * Admin through a role chain: a user who is not admin but can sts:AssumeRole an admin role,
 * directly or through intermediate roles. A role's trust policy that names the caller's own ARN
 * (or `*`) grants on its own; one that names the account root delegates to the account's
 * identity policies, so the caller also needs an Allow of sts:AssumeRole on the role
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy.html,
 * .../reference_policies_evaluation-logic-cross-account.html).
 */
import type { IamRole, IamUser } from "@/lib/snapshot/schema";
import type { StatementEvidence } from "./document";
import { actionGrant, type GrantingStatement } from "./escalation";
import type { PrincipalPolicySet } from "./evaluator";
import type { PolicyCatalog } from "./principal-policies";
import { trustPolicyAnalysis, type TrustedPrincipal } from "./trust-policy";

export interface RoleChainStep {
  roleArn: string;
  roleName: string;
  /** The trust statement that admits the previous principal. */
  trust: StatementEvidence;
  trustConditionKeys: string[];
  /** The caller's identity-policy Allow, needed when the trust names the account rather than the caller. */
  permission?: GrantingStatement[];
}

export interface RoleChainAdmin {
  userArn: string;
  userName: string;
  adminRoleArn: string;
  chain: RoleChainStep[];
}

/** Roles beyond this many hops are not followed: real chains are short, and STS caps chained sessions at one hour. */
const MAX_CHAIN_LENGTH = 4;

interface Caller {
  arn: string;
  policies: PrincipalPolicySet;
}

function admits(trusted: TrustedPrincipal, caller: Caller, accountId: string): "direct" | "via_account" | undefined {
  if (!trusted.actions.includes("sts:AssumeRole")) return undefined;
  if (trusted.kind === "everyone" || trusted.principal === caller.arn) return "direct";
  if (trusted.principalType === "account" && trusted.accountId === accountId) return "via_account";
  return undefined;
}

function stepInto(role: IamRole, trustedBy: TrustedPrincipal[], caller: Caller, accountId: string): RoleChainStep | undefined {
  for (const trusted of trustedBy) {
    const how = admits(trusted, caller, accountId);
    if (!how) continue;
    const step = { roleArn: role.arn, roleName: role.roleName, trust: trusted.statement, trustConditionKeys: trusted.conditionKeys };
    if (how === "direct") return step;
    const grant = actionGrant(caller.policies, "sts:AssumeRole", { resource: role.arn });
    if (grant) return { ...step, permission: grant.statements };
  }
  return undefined;
}

export function findRoleChains(
  users: IamUser[],
  roles: IamRole[],
  adminRoleArns: Set<string>,
  catalog: PolicyCatalog,
  accountId: string,
): RoleChainAdmin[] {
  if (adminRoleArns.size === 0) return [];
  const trust = new Map(
    roles.map((role) => {
      const analysis = trustPolicyAnalysis(role.assumeRolePolicyDocument, accountId);
      return [role.arn, analysis.ok ? analysis.principals : []] as const;
    }),
  );
  const roleCallers = new Map(
    roles.map((role) => [role.arn, { arn: role.arn, policies: catalog.policySet(role) }] as const),
  );
  const chains: RoleChainAdmin[] = [];
  for (const user of users) {
    const start: Caller = { arn: user.arn, policies: catalog.policySet(user) };
    // Breadth-first, so the chain reported is a shortest one.
    let frontier: Array<{ caller: Caller; chain: RoleChainStep[] }> = [{ caller: start, chain: [] }];
    const visited = new Set<string>();
    let found: RoleChainStep[] | undefined;
    while (frontier.length > 0 && !found) {
      const next: typeof frontier = [];
      for (const { caller, chain } of frontier) {
        for (const role of roles) {
          if (visited.has(role.arn) || role.arn === caller.arn) continue;
          const step = stepInto(role, trust.get(role.arn) ?? [], caller, accountId);
          if (!step) continue;
          visited.add(role.arn);
          const extended = [...chain, step];
          if (adminRoleArns.has(role.arn)) {
            found = extended;
            break;
          }
          const roleCaller = roleCallers.get(role.arn);
          if (roleCaller && extended.length < MAX_CHAIN_LENGTH) next.push({ caller: roleCaller, chain: extended });
        }
        if (found) break;
      }
      frontier = next;
    }
    const last = found?.[found.length - 1];
    if (found && last) chains.push({ userArn: user.arn, userName: user.userName, adminRoleArn: last.roleArn, chain: found });
  }
  return chains;
}
