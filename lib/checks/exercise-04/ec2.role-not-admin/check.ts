/** Exercise 4, "Use Roles for EC2": a role an instance profile hands to EC2 is not an administrator. */
import { defineCheck } from "../../define-check";
import { storeAdminPath } from "../../evidence/policy-statements";
import { makeFinding, unknownForAccount } from "../../findings";
import { analyseIam } from "../../iam-analysis";
import { globalPart } from "../../part-access";
import { roleNotAdminEvidenceSchema, type RoleNotAdminEvidence } from "./evidence";
import { describeRoleNotAdmin } from "./evidence-view";
import { narrowInstanceRoleSteps } from "./remediation";

export const ec2RoleNotAdmin = defineCheck({
  id: "ec2.role-not-admin",
  exercise: 4,
  title: "Instance-profile roles are not administrators",
  severity: "high",
  why: "Anyone who gets code running on the instance gets its role; an admin role turns one compromised server into a compromised account (Cloud Security Fitness Guide, “Exercise #4: Use Roles for EC2”).",
  evidence: roleNotAdminEvidenceSchema,
  describeEvidence: describeRoleNotAdmin,
  remediation: narrowInstanceRoleSteps,
  evaluate(snapshot, _thresholds, check) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(check, snapshot, [details.unavailable])];
    const iam = analyseIam(details.data, snapshot);
    return details.data.roles
      .filter((role) => role.instanceProfileArns.length > 0)
      .map((role) => {
        const status = iam.role(role.arn);
        const paths = status?.paths.map((path) => storeAdminPath(path, role.arn, iam.catalog)) ?? [];
        const evidence: RoleNotAdminEvidence = {
          arn: role.arn,
          instanceProfileArns: [...role.instanceProfileArns].sort(),
          adminPaths: paths,
          ...iam.serviceControlPolicyEvidence,
        };
        const base = { resourceId: role.arn, resourceType: "role" as const, resourceName: role.roleName, evidence };
        if (status?.status === "admin") {
          return makeFinding(check, { ...base, status: "fail", reason: `Instance role ${role.roleName} has administrator rights (${paths[0]?.policyName ?? "admin policy"}).` });
        }
        if (status?.status === "undetermined") {
          return makeFinding(check, { ...base, status: "unknown", reason: `Some policies of instance role ${role.roleName} could not be read.` });
        }
        return makeFinding(check, { ...base, status: "pass", reason: `Instance role ${role.roleName} is not an administrator.` });
      });
  },
});
