/**
 * Exercise 3 for people who sign in through IAM Identity Center: who is admin in this account
 * through a permission set, judged by the same policy evaluation as IAM users, and counted with
 * the IAM admin users against the account's one limit (admins.count counts them too).
 */
import { defineCheck } from "../../define-check";
import { accountRootArn, makeFinding, unknownForAccount } from "../../findings";
import { analyseIam } from "../../iam-analysis";
import { identityCenterAdmins, identityCenterHere, identityCenterPathInWords } from "../../identity-center";
import { globalPart } from "../../part-access";
import { identityCenterAdminAssignmentsEvidenceSchema, type IdentityCenterAdminAssignmentsEvidence } from "./evidence";
import { describeIdentityCenterAdminAssignments } from "./evidence-view";
import { identityCenterAdminSteps } from "./remediation";

export const identityCenterAdminAssignments = defineCheck({
  id: "identity-center.admin-assignments",
  exercise: 3,
  title: "Few people are administrators through IAM Identity Center",
  severity: "high",
  why: "A permission set with administrator rights assigned to a large group makes every member a full-account admin, however few IAM users the account has; they count against the same small number of admins (Cloud Security Fitness Guide, “Exercise #3: Reduce Number of IAM Users with Admin Rights”).",
  evidence: identityCenterAdminAssignmentsEvidenceSchema,
  describeEvidence: describeIdentityCenterAdminAssignments,
  remediation: identityCenterAdminSteps,
  evaluate(snapshot, thresholds, check) {
    const here = identityCenterHere(snapshot);
    if (!here.readable) return [unknownForAccount(check, snapshot, [here.unavailable])];
    const { admins, undeterminedSets } = identityCenterAdmins(snapshot, here);
    const details = globalPart(snapshot, "iam.authorizationDetails");
    const iamAdminCount = details.available ? analyseIam(details.data, snapshot).admins.users.filter((user) => user.status === "admin").length : null;
    const evidence: IdentityCenterAdminAssignmentsEvidence = {
      limit: thresholds.adminLimit,
      iamAdminCount,
      identityCenterAdmins: admins,
      undeterminedPermissionSets: undeterminedSets,
      instanceArn: here.instance.instanceArn,
      readInAccountId: here.instance.readInAccountId,
    };
    const base = { resourceId: accountRootArn(snapshot.accountId), resourceType: "account" as const, resourceName: snapshot.accountId, evidence };
    const total = admins.length + (iamAdminCount ?? 0);
    const first = admins[0];
    const example = first?.paths[0] ? ` (${first.userName}: ${identityCenterPathInWords(first.paths[0])})` : "";
    const people = `${admins.length} ${admins.length === 1 ? "person is" : "people are"} administrator${admins.length === 1 ? "" : "s"} through IAM Identity Center${example}`;
    const iamWords = iamAdminCount === null ? "the IAM users could not be read" : `${iamAdminCount} IAM user${iamAdminCount === 1 ? "" : "s"}`;
    if (admins.length > 0 && total > thresholds.adminLimit) {
      return [makeFinding(check, { ...base, status: "fail", reason: `${people}; with ${iamWords} that is ${total}, more than the limit of ${thresholds.adminLimit}.` })];
    }
    if (undeterminedSets.length > 0) {
      return [makeFinding(check, { ...base, status: "unknown", reason: `A policy of permission set ${undeterminedSets.join(", ")} could not be read, so its holders may be administrators.` })];
    }
    if (admins.length > 0 && iamAdminCount === null) {
      return [unknownForAccount(check, snapshot, details.available ? [] : [details.unavailable])];
    }
    if (admins.length === 0) {
      const assigned = here.assignments.length === 0 ? "no permission set is assigned here" : `${here.assignments.length} assignment${here.assignments.length === 1 ? "" : "s"} read, none with administrator rights`;
      return [makeFinding(check, { ...base, status: "pass", reason: `No one is administrator of this account through IAM Identity Center (${assigned}).` })];
    }
    return [makeFinding(check, { ...base, status: "pass", reason: `${people}; with ${iamWords} that is ${total}, within the limit of ${thresholds.adminLimit}.` })];
  },
});
