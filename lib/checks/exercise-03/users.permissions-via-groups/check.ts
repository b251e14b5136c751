/**
 * Exercise 3 (CIS 1.15): users get permissions only through groups ("do not put permissions on
 * specific users, but create a group for the permission").
 */
import { defineCheck } from "../../define-check";
import { makeFinding, unknownForAccount } from "../../findings";
import { globalPart } from "../../part-access";
import { permissionsViaGroupsEvidenceSchema } from "./evidence";
import { describePermissionsViaGroups } from "./evidence-view";
import { moveToGroupSteps } from "./remediation";

export const usersPermissionsViaGroups = defineCheck({
  id: "users.permissions-via-groups",
  exercise: 3,
  title: "Users get permissions only through groups",
  severity: "low",
  cis: ["1.15"],
  why: "Permissions on groups document themselves and change for everyone at once; policies on single users drift and are forgotten when people change roles (“AWS IAM: Securing your Infrastructure”).",
  evidence: permissionsViaGroupsEvidenceSchema,
  describeEvidence: describePermissionsViaGroups,
  remediation: moveToGroupSteps,
  evaluate(snapshot, _thresholds, check) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(check, snapshot, [details.unavailable])];
    return details.data.users.map((user) => {
      const attached = user.attachedManagedPolicies.map((policy) => policy.policyArn).sort();
      const inline = user.inlinePolicies.map((policy) => policy.policyName).sort();
      const direct = [...attached.map((arn) => arn.slice(arn.lastIndexOf("/") + 1)), ...inline];
      return makeFinding(check, {
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
});
