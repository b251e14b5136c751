/**
 * An instance role loses admin only after a narrow policy for what its instances do is in place;
 * each admin policy in the evidence becomes the command that removes it.
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { assignVariable, aws, shellVariable, type CliCommand } from "@/lib/remediation/shell";
import { removeAdminPathCommand } from "@/lib/remediation/steps/policies";
import { roleNameOf } from "@/lib/remediation/steps/target-names";
import type { RoleNotAdminEvidence } from "./evidence";

export function narrowInstanceRoleSteps(target: RemediationTarget, evidence: RoleNotAdminEvidence | null): RemediationSteps {
  const roleName = roleNameOf(target);
  const paths = evidence?.adminPaths ?? [];
  const removals = paths.map((path) => removeAdminPathCommand({ type: "role", name: roleName }, path)).filter((command): command is CliCommand => command !== undefined);
  const policies = [...new Set(paths.map((path) => path.policyName))];
  return {
    summary: `Replace the administrator rights of instance role ${roleName}${policies.length ? ` (from ${policies.join(", ")})` : ""} with a policy for what its instances do.`,
    console: [
      `IAM console → Roles → ${roleName} → Last accessed: the services its instances really use.`,
      "Permissions → Add permissions → Create inline policy for those services and resources only.",
      `Then remove ${policies.length ? policies.join(", ") : "AdministratorAccess and any other admin policy"} from the role.`,
    ],
    commands: [
      aws("Start a report of the services the role used…", "iam", "generate-service-last-accessed-details", { arn: evidence?.arn ?? target.resourceId }),
      assignVariable("Set JOB_ID to the JobId it printed.", "JOB_ID", "<JobId>"),
      aws("…and read it.", "iam", "get-service-last-accessed-details", { "job-id": shellVariable("JOB_ID") }),
      aws("Add the narrow policy (edited into app-policy.json).", "iam", "put-role-policy", {
        "role-name": roleName,
        "policy-name": "app",
        "policy-document": "file://app-policy.json",
      }),
      ...removals,
    ],
    snippets: [],
    care: [
      "Anyone who gets a shell on one of these instances holds the role's credentials; with admin rights that is the whole account (Cloud Security Fitness Guide, “Exercise #4: Use Roles for EC2”).",
      "Add the narrow policy before removing admin, and watch the application's errors (AccessDenied) for a day.",
    ],
  };
}
