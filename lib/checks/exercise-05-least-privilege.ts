/**
 * Exercise 5, "Least Privilege: Limit what IAM Entities Can Do with Strong Policies" (seed 000:
 * per-application credentials with only the rights they need; seed 004: CloudTrail, because you
 * cannot right-size what you cannot see).
 */
import { privilegeEscalationPaths, type EscalationPath } from "@/lib/policy/escalation";
import { serviceWildcardGrants } from "@/lib/policy/grants";
import { describeSource } from "@/lib/policy/principal-policies";
import type { IamRole, IamUser } from "@/lib/snapshot/schema";
import { asEvidence, makeFinding, unknownForAccount } from "./findings";
import { analyseIam, customerPoliciesInForce, isServiceLinkedRole, type IamAnalysis } from "./iam-analysis";
import { globalPart } from "./part-access";
import { accessAnalyzerEnabled, cloudtrailMultiRegion, principalsUnused } from "./exercise-05-visibility";
import type { CheckDefinition, Finding } from "./types";

export { accessAnalyzerEnabled, cloudtrailMultiRegion, principalsUnused };

export const policiesServiceWildcards: CheckDefinition = {
  id: "policies.service-wildcards",
  exercise: 5,
  title: "Customer policies do not allow whole services or sensitive actions on every resource",
  severity: "medium",
  why: "`s3:*` or `iam:PassRole` on `*` grants far more than any application needs; least privilege means naming the actions and resources (“Pragmatic AWS: Principle of Least Privilege with IAM”).",
  evaluate(snapshot) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(policiesServiceWildcards, snapshot, [details.unavailable])];
    return customerPoliciesInForce(details.data).map((policy) => {
      const base = { resourceId: policy.resourceId, resourceType: "policy" as const, resourceName: policy.resourceName };
      const result = serviceWildcardGrants(policy.document);
      if (!result.ok) {
        return makeFinding(policiesServiceWildcards, {
          ...base,
          status: "unknown",
          evidence: { policy: policy.resourceId, error: { kind: result.error.kind, message: result.error.message } },
          reason: `The policy document of ${policy.resourceName} could not be read: ${result.error.message}.`,
        });
      }
      const named = [...new Set(result.grants.map((grant) => (grant.kind === "service_wildcard" ? grant.pattern : `${grant.action} on *`)))];
      return makeFinding(policiesServiceWildcards, {
        ...base,
        status: result.grants.length > 0 ? "fail" : "pass",
        evidence: asEvidence({ policy: policy.resourceId, grants: result.grants }),
        reason: result.grants.length > 0 ? `${policy.resourceName} allows ${named.join(", ")}.` : `${policy.resourceName} names its actions and resources.`,
      });
    });
  },
};

/** Some required action is granted only by statements whose conditions a request must meet. */
function isConditionalPath(path: EscalationPath): boolean {
  return path.grants.some((grant) => grant.statements.every((statement) => statement.conditional));
}

function escalationFinding(iam: IamAnalysis, principal: { type: "user"; user: IamUser } | { type: "role"; role: IamRole }): Finding | undefined {
  const isUser = principal.type === "user";
  const arn = isUser ? principal.user.arn : principal.role.arn;
  const name = isUser ? principal.user.userName : principal.role.roleName;
  const status = isUser ? iam.user(arn) : iam.role(arn);
  // Admins can do everything already; escalation is about principals that are meant to be less.
  if (!status || status.status === "admin") return undefined;
  const paths = privilegeEscalationPaths(iam.catalog.policySet(isUser ? principal.user : principal.role), isUser ? { variables: { "aws:username": name } } : {});
  const evidence = asEvidence({
    arn,
    paths: paths.map((path) => ({
      method: path.method,
      unrestricted: path.unrestricted,
      grants: path.grants.map((grant) => ({
        action: grant.action,
        statements: grant.statements.map((statement) => ({
          ...statement.source,
          ...statement.statement,
          allResources: statement.allResources,
          conditional: statement.conditional,
        })),
      })),
    })),
    unreadablePolicies: status.unreadable.map((entry) => describeSource(entry.source)),
    ...iam.serviceControlPolicyEvidence,
  });
  const base = { resourceId: arn, resourceType: principal.type, resourceName: name, evidence };
  if (paths.length > 0) {
    return makeFinding(policiesPrivilegeEscalation, {
      ...base,
      status: "fail",
      // Every action narrowed to named resources may still escalate, but less certainly.
      severity: paths.some((path) => path.unrestricted) ? "high" : "medium",
      reason: `${name} can raise its own privileges${paths.every(isConditionalPath) ? " under conditions its policies set" : ""}: ${paths.map((path) => path.title.toLowerCase()).join("; ")}.`,
    });
  }
  if (status.unreadable.length > 0) {
    return makeFinding(policiesPrivilegeEscalation, {
      ...base,
      status: "unknown",
      reason: `${name} has no escalation path in its readable policies, but ${status.unreadable.length} could not be read.`,
    });
  }
  return makeFinding(policiesPrivilegeEscalation, { ...base, status: "pass", reason: `${name} has no known privilege-escalation permission.` });
}

export const policiesPrivilegeEscalation: CheckDefinition = {
  id: "policies.privilege-escalation",
  exercise: 5,
  title: "No non-admin user or role can escalate its own privileges",
  severity: "high",
  why: "Permissions such as iam:AttachUserPolicy or iam:PassRole with ec2:RunInstances let a limited identity make itself an administrator, so its limits are only on paper.",
  evaluate(snapshot) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(policiesPrivilegeEscalation, snapshot, [details.unavailable])];
    const iam = analyseIam(details.data, snapshot);
    return [
      ...details.data.users.map((user) => escalationFinding(iam, { type: "user", user })),
      ...details.data.roles.filter((role) => !isServiceLinkedRole(role)).map((role) => escalationFinding(iam, { type: "role", role })),
    ].filter((finding): finding is Finding => finding !== undefined);
  },
};

export const EXERCISE_05_CHECKS: CheckDefinition[] = [
  policiesServiceWildcards,
  policiesPrivilegeEscalation,
  principalsUnused,
  accessAnalyzerEnabled,
  cloudtrailMultiRegion,
];
