/**
 * Exercise 5, "Least Privilege": no user or role that is not already an administrator can make
 * itself one (Rhino Security Labs' escalation methods, lib/policy/escalation.ts).
 */
import { privilegeEscalationPaths, type EscalationPath } from "@/lib/policy/escalation";
import { describeSource } from "@/lib/policy/principal-policies";
import type { IamRole, IamUser } from "@/lib/snapshot/schema";
import { defineCheck } from "../../define-check";
import { storeSource, storeStatement } from "../../evidence/policy-statements";
import { makeFinding, unknownForAccount, type CheckMeta } from "../../findings";
import { analyseIam, isServiceLinkedRole, type IamAnalysis } from "../../iam-analysis";
import { globalPart } from "../../part-access";
import { privilegeEscalationEvidenceSchema, type PrivilegeEscalationEvidence } from "./evidence";
import { describePrivilegeEscalation } from "./evidence-view";
import { removeEscalationSteps } from "./remediation";

/** Some required action is granted only by statements whose conditions a request must meet. */
function isConditionalPath(path: EscalationPath): boolean {
  return path.grants.some((grant) => grant.statements.every((statement) => statement.conditional));
}

function escalationFinding(check: CheckMeta, iam: IamAnalysis, principal: { type: "user"; user: IamUser } | { type: "role"; role: IamRole }) {
  const isUser = principal.type === "user";
  const arn = isUser ? principal.user.arn : principal.role.arn;
  const name = isUser ? principal.user.userName : principal.role.roleName;
  const status = isUser ? iam.user(arn) : iam.role(arn);
  // Admins can do everything already; escalation is about principals that are meant to be less.
  if (!status || status.status === "admin") return undefined;
  const paths = privilegeEscalationPaths(iam.catalog.policySet(isUser ? principal.user : principal.role), isUser ? { variables: { "aws:username": name } } : {});
  const evidence: PrivilegeEscalationEvidence = {
    arn,
    paths: paths.map((path) => ({
      method: path.method,
      unrestricted: path.unrestricted,
      grants: path.grants.map((grant) => ({
        action: grant.action,
        statements: grant.statements.map((statement) => ({
          ...storeSource(statement.source, arn, iam.catalog),
          ...storeStatement(statement.statement),
          allResources: statement.allResources,
          conditional: statement.conditional,
        })),
      })),
    })),
    unreadablePolicies: status.unreadable.map((entry) => describeSource(entry.source)),
    ...iam.serviceControlPolicyEvidence,
  };
  const base = { resourceId: arn, resourceType: principal.type, resourceName: name, evidence };
  if (paths.length > 0) {
    return makeFinding(check, {
      ...base,
      status: "fail",
      // Every action narrowed to named resources may still escalate, but less certainly.
      severity: paths.some((path) => path.unrestricted) ? "high" : "medium",
      reason: `${name} can raise its own privileges${paths.every(isConditionalPath) ? " under conditions its policies set" : ""}: ${paths.map((path) => path.title.toLowerCase()).join("; ")}.`,
    });
  }
  if (status.unreadable.length > 0) {
    return makeFinding(check, {
      ...base,
      status: "unknown",
      reason: `${name} has no escalation path in its readable policies, but ${status.unreadable.length} could not be read.`,
    });
  }
  return makeFinding(check, { ...base, status: "pass", reason: `${name} has no known privilege-escalation permission.` });
}

export const policiesPrivilegeEscalation = defineCheck({
  id: "policies.privilege-escalation",
  exercise: 5,
  title: "No non-admin user or role can escalate its own privileges",
  severity: "high",
  why: "Permissions such as iam:AttachUserPolicy or iam:PassRole with ec2:RunInstances let a limited identity make itself an administrator, so its limits are only on paper.",
  evidence: privilegeEscalationEvidenceSchema,
  describeEvidence: describePrivilegeEscalation,
  remediation: removeEscalationSteps,
  evaluate(snapshot, _thresholds, check) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(check, snapshot, [details.unavailable])];
    const iam = analyseIam(details.data, snapshot);
    return [
      ...details.data.users.map((user) => escalationFinding(check, iam, { type: "user", user })),
      ...details.data.roles.filter((role) => !isServiceLinkedRole(role)).map((role) => escalationFinding(check, iam, { type: "role", role })),
    ].filter((finding) => finding !== undefined);
  },
});
