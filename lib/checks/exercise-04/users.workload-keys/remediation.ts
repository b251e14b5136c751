/** The workload moves to a role first; only then are the user's keys retired. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { CHECK_CLOUDTRAIL_FIRST, DEACTIVATE_BEFORE_DELETE, retireKeyCommands } from "@/lib/remediation/steps/access-keys";
import { userNameOf } from "@/lib/remediation/steps/target-names";
import type { WorkloadKeysEvidence } from "./evidence";

export function moveWorkloadToRoleSteps(target: RemediationTarget, evidence: WorkloadKeysEvidence | null): RemediationSteps {
  const user = evidence && "user" in evidence ? evidence : null;
  const userName = user?.user ?? userNameOf(target);
  const slots = user ? ([1, 2] as const).filter((slot) => user[`access_key_${slot}_active`] === true) : [];
  const first = slots[0];
  return {
    summary: `Move the workload that uses ${userName}'s access keys to an IAM role, then retire the keys${user?.admin === true ? " (they carry administrator rights: do this first)" : ""}.`,
    console: [
      "Find where the keys live (CloudTrail Event history → filter by User name shows the source IPs and user agents).",
      "Create a role for that workload: an instance profile on EC2, a task or execution role on ECS and Lambda, IAM Roles Anywhere or OIDC federation outside AWS.",
      "Deploy the workload with the role and remove the keys from its configuration.",
      `IAM console → Users → ${userName} → Security credentials: deactivate the keys, later delete them, and finally the user.`,
    ],
    commands: [
      ...retireKeyCommands({ userName, slot: first }, { withDelete: true }),
      ...(slots.length > 1 ? [aws(`${userName} has a second active key: repeat the steps above for it.`, "iam", "list-access-keys", { "user-name": userName })] : []),
    ],
    snippets: [],
    care: [CHECK_CLOUDTRAIL_FIRST, DEACTIVATE_BEFORE_DELETE, "Switch the workload to the role before deactivating, or it stops working."],
  };
}
