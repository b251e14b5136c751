/**
 * Exercise 3, "Reduce Number of IAM Users with Admin Rights": at most the limit of users hold
 * administrator rights, by any path (attached or inline, directly or through a group).
 */
import type { PrincipalAdminStatus } from "@/lib/policy/effective-admin";
import { describeSource } from "@/lib/policy/principal-policies";
import { defineCheck } from "../../define-check";
import { storeAdminPath } from "../../evidence/policy-statements";
import { accountRootArn, makeFinding, unknownForAccount } from "../../findings";
import { analyseIam } from "../../iam-analysis";
import { identityCenterAdmins, identityCenterHere, identityCenterPathInWords, type IdentityCenterAdmin } from "../../identity-center";
import { globalPart, type UnavailablePart } from "../../part-access";
import { adminsCountEvidenceSchema, type AdminsCountEvidence } from "./evidence";
import { describeAdminsCount } from "./evidence-view";
import { reduceAdminsSteps } from "./remediation";

/**
 * People who are admin through IAM Identity Center count against the same limit. When Identity
 * Center could not be read (AWS answered an error) the count may be low, so a pass becomes unknown;
 * when no account holding an instance has been read yet, or the snapshot predates Identity Center
 * collection, the users are counted alone and the evidence says so.
 */
function identityCenterCount(snapshot: Parameters<typeof identityCenterHere>[0]): { admins: IdentityCenterAdmin[]; notCounted?: string; unreadable?: UnavailablePart } {
  const here = identityCenterHere(snapshot);
  if (here.readable) return { admins: identityCenterAdmins(snapshot, here).admins };
  if (here.unavailable.evidence.status !== "error") return { admins: [], notCounted: here.unavailable.reason };
  return { admins: [], notCounted: here.unavailable.reason, unreadable: here.unavailable };
}

function adminSummary(status: PrincipalAdminStatus): string {
  const first = status.paths[0];
  const conditional = status.paths.length > 0 && status.paths.every((path) => path.conditional) ? ", only under conditions" : "";
  return first ? `${status.name} (${describeSource(first.source)}${conditional})` : status.name;
}

/** Admins named in a reason; the evidence lists every one with how they get their rights. */
const NAMED_IN_REASON = 5;

function namedFew(admins: string[]): string {
  if (admins.length <= NAMED_IN_REASON + 1) return admins.join(", ");
  return `${admins.slice(0, NAMED_IN_REASON).join(", ")} and ${admins.length - NAMED_IN_REASON} more (all of them in the evidence)`;
}

export const adminsCount = defineCheck({
  id: "admins.count",
  exercise: 3,
  title: "Few users have administrator rights",
  severity: "high",
  why: "Every admin user is a full-account compromise waiting for one leaked password or key; the fewer there are, the smaller the attack surface (Cloud Security Fitness Guide, “Exercise #4: Use Roles for EC2”).",
  evidence: adminsCountEvidenceSchema,
  describeEvidence: describeAdminsCount,
  remediation: reduceAdminsSteps,
  evaluate(snapshot, thresholds, check) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(check, snapshot, [details.unavailable])];
    const iam = analyseIam(details.data, snapshot);
    const { admins } = iam;
    const adminUsers = admins.users.filter((user) => user.status === "admin");
    const undetermined = admins.users.filter((user) => user.status === "undetermined");
    // Reaching admin by assuming a role is the practice exercise 7 asks for, so it is listed, not counted.
    const identityCenter = identityCenterCount(snapshot);
    const evidence: AdminsCountEvidence = {
      identityCenterAdmins: identityCenter.admins,
      ...(identityCenter.notCounted ? { identityCenterNotCounted: identityCenter.notCounted } : {}),
      limit: thresholds.adminLimit,
      adminUsers: adminUsers.map((user) => ({ arn: user.arn, name: user.name, paths: user.paths.map((path) => storeAdminPath(path, user.arn, iam.catalog)) })),
      adminThroughRoles: admins.roleChains.map((chain) => ({ userArn: chain.userArn, roles: chain.chain.map((step) => step.roleArn) })),
      undeterminedUsers: undetermined.map((user) => user.arn),
      ...iam.serviceControlPolicyEvidence,
    };
    const base = {
      resourceId: accountRootArn(snapshot.accountId),
      resourceType: "account" as const,
      resourceName: snapshot.accountId,
      evidence,
    };
    const names = namedFew([
      ...adminUsers.map(adminSummary),
      ...identityCenter.admins.map((admin) => (admin.paths[0] ? `${admin.userName} (IAM Identity Center: ${identityCenterPathInWords(admin.paths[0])})` : admin.userName)),
    ]);
    const count = adminUsers.length + identityCenter.admins.length;
    const who = identityCenter.admins.length > 0 ? `${adminUsers.length} IAM user${adminUsers.length === 1 ? "" : "s"} and ${identityCenter.admins.length} ${identityCenter.admins.length === 1 ? "person" : "people"} through IAM Identity Center` : "";
    const chains = admins.roleChains.length > 0 ? ` ${admins.roleChains.length} more can assume an admin role (not counted).` : "";
    if (count > thresholds.adminLimit) {
      const subject = who ? `${count} have administrator rights (${who})` : `${count} users have administrator rights`;
      return [
        makeFinding(check, {
          ...base,
          status: "fail",
          reason: `${subject}, more than the limit of ${thresholds.adminLimit}: ${names}.${chains}`,
        }),
      ];
    }
    if (identityCenter.unreadable) {
      return [
        makeFinding(check, {
          ...base,
          status: "unknown",
          reason: `${count} users have administrator rights (limit ${thresholds.adminLimit}), but who is admin through IAM Identity Center could not be read: ${identityCenter.unreadable.reason}.`,
        }),
      ];
    }
    if (count + undetermined.length > thresholds.adminLimit) {
      return [
        makeFinding(check, {
          ...base,
          status: "unknown",
          reason: `${count} users are admins and the policies of ${undetermined.length} more could not be read, so the limit of ${thresholds.adminLimit} may be exceeded.`,
        }),
      ];
    }
    return [
      makeFinding(check, {
        ...base,
        status: "pass",
        reason: `${who ? `${count} have administrator rights (${who})` : `${count} user${count === 1 ? " has" : "s have"} administrator rights`} (limit ${thresholds.adminLimit})${names ? `: ${names}` : ""}.${chains}`,
      }),
    ];
  },
});
