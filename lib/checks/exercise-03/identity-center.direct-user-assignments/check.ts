/**
 * Exercise 3's groups advice for IAM Identity Center: permission sets are assigned to groups, so
 * access follows the job and is reviewed in one place, not to single people one by one.
 */
import { defineCheck } from "../../define-check";
import { accountRootArn, makeFinding, unknownForAccount } from "../../findings";
import { identityCenterHere } from "../../identity-center";
import { directUserAssignmentsEvidenceSchema, type DirectUserAssignmentsEvidence } from "./evidence";
import { describeDirectUserAssignments } from "./evidence-view";
import { assignToGroupsSteps } from "./remediation";

export const identityCenterDirectUserAssignments = defineCheck({
  id: "identity-center.direct-user-assignments",
  exercise: 3,
  title: "IAM Identity Center access is assigned to groups, not to single people",
  severity: "low",
  why: "Access given person by person is forgotten when their job changes; through groups it follows the job and is reviewed in one place (Cloud Security Fitness Guide, “Exercise #3”, use groups to assign permissions).",
  evidence: directUserAssignmentsEvidenceSchema,
  describeEvidence: describeDirectUserAssignments,
  remediation: assignToGroupsSteps,
  evaluate(snapshot, _thresholds, check) {
    const here = identityCenterHere(snapshot);
    if (!here.readable) return [unknownForAccount(check, snapshot, [here.unavailable])];
    const users = new Map(here.instance.users.map((user) => [user.userId, user.userName]));
    const groups = new Map(here.instance.groups.map((group) => [group.groupId, group.displayName]));
    const sets = new Map(here.instance.permissionSets.map((set) => [set.permissionSetArn, set.name]));
    const evidence: DirectUserAssignmentsEvidence = {
      assignments: here.assignments.map((assignment) => ({
        principalType: assignment.principalType,
        principalId: assignment.principalId,
        principalName: (assignment.principalType === "USER" ? users : groups).get(assignment.principalId) ?? assignment.principalId,
        permissionSetName: sets.get(assignment.permissionSetArn) ?? assignment.permissionSetArn.slice(assignment.permissionSetArn.lastIndexOf("/") + 1),
        permissionSetArn: assignment.permissionSetArn,
      })),
      instanceArn: here.instance.instanceArn,
      readInAccountId: here.instance.readInAccountId,
    };
    const base = { resourceId: accountRootArn(snapshot.accountId), resourceType: "account" as const, resourceName: snapshot.accountId, evidence };
    if (evidence.assignments.length === 0) {
      return [makeFinding(check, { ...base, status: "not_applicable", reason: "No IAM Identity Center permission set is assigned in this account." })];
    }
    const direct = evidence.assignments.filter((assignment) => assignment.principalType === "USER");
    if (direct.length > 0) {
      const list = direct.map((assignment) => `${assignment.principalName} holds ${assignment.permissionSetName}`).join(", ");
      return [makeFinding(check, { ...base, status: "fail", reason: `${direct.length} permission set assignment${direct.length === 1 ? " is" : "s are"} made to a single person rather than a group: ${list}.` })];
    }
    return [makeFinding(check, { ...base, status: "pass", reason: evidence.assignments.length === 1 ? "The one permission set assignment is made to a group." : `All ${evidence.assignments.length} permission set assignments are made to groups.` })];
  },
});
