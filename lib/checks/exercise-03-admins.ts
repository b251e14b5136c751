/**
 * Exercise 3, "Reduce Number of IAM Users with Admin Rights" (seed 001; seed 004: permissions
 * through groups, "do not put permissions on specific users").
 */
import { adminGrantsOf } from "@/lib/policy/admin";
import { parsePolicyDocument } from "@/lib/policy/document";
import type { AdminPath, PrincipalAdminStatus } from "@/lib/policy/effective-admin";
import { describeSource } from "@/lib/policy/principal-policies";
import { accountRootArn, makeFinding, unknownForAccount } from "./findings";
import { analyseIam, customerPoliciesInForce } from "./iam-analysis";
import { globalPart } from "./part-access";
import type { CheckDefinition, JsonValue } from "./types";

function pathEvidence(path: AdminPath): JsonValue {
  const evidence: { [key: string]: JsonValue } = { ...path.source, kind: path.kind, conditional: path.conditional };
  if (path.statement) evidence.statementIndex = path.statement.index;
  return evidence;
}

function adminSummary(status: PrincipalAdminStatus): string {
  const first = status.paths[0];
  const conditional = status.paths.length > 0 && status.paths.every((path) => path.conditional) ? ", only under conditions" : "";
  return first ? `${status.name} (${describeSource(first.source)}${conditional})` : status.name;
}

export const adminsCount: CheckDefinition = {
  id: "admins.count",
  exercise: 3,
  title: "Few users have administrator rights",
  severity: "high",
  why: "Every admin user is a full-account compromise waiting for one leaked password or key; the fewer there are, the smaller the attack surface (Cloud Security Fitness Guide, “Exercise #4: Use Roles for EC2”).",
  evaluate(snapshot, thresholds) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(adminsCount, snapshot, [details.unavailable])];
    const iam = analyseIam(details.data, snapshot);
    const { admins } = iam;
    const adminUsers = admins.users.filter((user) => user.status === "admin");
    const undetermined = admins.users.filter((user) => user.status === "undetermined");
    // Reaching admin by assuming a role is the practice exercise 7 asks for, so it is listed, not counted.
    const evidence = {
      limit: thresholds.adminLimit,
      adminUsers: adminUsers.map((user) => ({ arn: user.arn, name: user.name, paths: user.paths.map(pathEvidence) })),
      adminThroughRoles: admins.roleChains.map((chain) => ({
        userArn: chain.userArn,
        roles: chain.chain.map((step) => step.roleArn),
      })),
      undeterminedUsers: undetermined.map((user) => user.arn),
      ...iam.serviceControlPolicyEvidence,
    };
    const base = {
      resourceId: accountRootArn(snapshot.accountId),
      resourceType: "account" as const,
      resourceName: snapshot.accountId,
      evidence,
    };
    const names = adminUsers.map(adminSummary).join(", ");
    const chains = admins.roleChains.length > 0 ? ` ${admins.roleChains.length} more can assume an admin role (not counted).` : "";
    if (adminUsers.length > thresholds.adminLimit) {
      return [
        makeFinding(adminsCount, {
          ...base,
          status: "fail",
          reason: `${adminUsers.length} users have administrator rights, more than the limit of ${thresholds.adminLimit}: ${names}.${chains}`,
        }),
      ];
    }
    if (adminUsers.length + undetermined.length > thresholds.adminLimit) {
      return [
        makeFinding(adminsCount, {
          ...base,
          status: "unknown",
          reason: `${adminUsers.length} users are admins and the policies of ${undetermined.length} more could not be read, so the limit of ${thresholds.adminLimit} may be exceeded.`,
        }),
      ];
    }
    return [
      makeFinding(adminsCount, {
        ...base,
        status: "pass",
        reason: `${adminUsers.length} user${adminUsers.length === 1 ? " has" : "s have"} administrator rights (limit ${thresholds.adminLimit})${names ? `: ${names}` : ""}.${chains}`,
      }),
    ];
  },
};

export const policiesNoStarStar: CheckDefinition = {
  id: "policies.no-star-star",
  exercise: 3,
  title: "No customer policy grants *:* on *",
  severity: "high",
  cis: ["1.16"],
  why: "A policy that allows every action on every resource makes whoever holds it an administrator, usually without anyone having decided that.",
  evaluate(snapshot) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(policiesNoStarStar, snapshot, [details.unavailable])];
    return customerPoliciesInForce(details.data).map((policy) => {
      const base = { resourceId: policy.resourceId, resourceType: "policy" as const, resourceName: policy.resourceName };
      const parsed = parsePolicyDocument(policy.document);
      if (!parsed.ok) {
        return makeFinding(policiesNoStarStar, {
          ...base,
          status: "unknown",
          evidence: { policy: policy.resourceId, error: { kind: parsed.error.kind, message: parsed.error.message } },
          reason: `The policy document of ${policy.resourceName} could not be read: ${parsed.error.message}.`,
        });
      }
      const full = adminGrantsOf(parsed.policy).grants.filter((grant) => grant.kind === "full_wildcard");
      return makeFinding(policiesNoStarStar, {
        ...base,
        status: full.length > 0 ? "fail" : "pass",
        evidence: { policy: policy.resourceId, statements: full.map((grant) => ({ ...grant.statement, conditional: grant.conditional })) },
        reason:
          full.length > 0
            ? `${policy.resourceName} allows every action on every resource (statement ${full.map((grant) => grant.statement.index).join(", ")}).`
            : `${policy.resourceName} does not allow *:* on *.`,
      });
    });
  },
};

export const usersPermissionsViaGroups: CheckDefinition = {
  id: "users.permissions-via-groups",
  exercise: 3,
  title: "Users get permissions only through groups",
  severity: "low",
  cis: ["1.15"],
  why: "Permissions on groups document themselves and change for everyone at once; policies on single users drift and are forgotten when people change roles (“AWS IAM: Securing your Infrastructure”).",
  evaluate(snapshot) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(usersPermissionsViaGroups, snapshot, [details.unavailable])];
    return details.data.users.map((user) => {
      const attached = user.attachedManagedPolicies.map((policy) => policy.policyArn).sort();
      const inline = user.inlinePolicies.map((policy) => policy.policyName).sort();
      const direct = [...attached.map((arn) => arn.slice(arn.lastIndexOf("/") + 1)), ...inline];
      return makeFinding(usersPermissionsViaGroups, {
        resourceId: user.arn,
        resourceType: "user",
        resourceName: user.userName,
        status: direct.length > 0 ? "fail" : "pass",
        evidence: { arn: user.arn, attachedPolicyArns: attached, inlinePolicyNames: inline, groups: [...user.groups].sort() },
        reason:
          direct.length > 0
            ? `${user.userName} has ${direct.length} polic${direct.length === 1 ? "y" : "ies"} on the user itself: ${direct.join(", ")}.`
            : `${user.userName} has no policies of its own.`,
      });
    });
  },
};

export const EXERCISE_03_CHECKS: CheckDefinition[] = [adminsCount, policiesNoStarStar, usersPermissionsViaGroups];
