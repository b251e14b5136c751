import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import type { DirectUserAssignmentsEvidence } from "./evidence";

export function assignToGroupsSteps(target: RemediationTarget, evidence: DirectUserAssignmentsEvidence | null): RemediationSteps {
  const direct = (evidence?.assignments ?? []).filter((assignment) => assignment.principalType === "USER");
  const instanceArn = evidence?.instanceArn ?? "INSTANCE_ARN";
  return {
    summary: `Give ${direct.map((assignment) => `${assignment.principalName} (${assignment.permissionSetName})`).join(", ") || "the people assigned directly"} their access through a group, and remove the assignments made to them alone.`,
    console: [
      "IAM Identity Center console (in the management account) → Groups → Create group (or pick one for the job) → Add users.",
      `AWS accounts → ${target.awsAccountId} → Assign users or groups → the group → the same permission set.`,
      "Then select the assignment to the person → Remove access.",
    ],
    commands: direct.flatMap((assignment) => [
      aws(`Assign ${assignment.permissionSetName} to the group that should hold it (replace GROUP_ID).`, "sso-admin", "create-account-assignment", {
        "instance-arn": instanceArn,
        "target-id": target.awsAccountId,
        "target-type": "AWS_ACCOUNT",
        "permission-set-arn": assignment.permissionSetArn,
        "principal-type": "GROUP",
        "principal-id": "GROUP_ID",
      }),
      aws(`Then remove the assignment to ${assignment.principalName} alone.`, "sso-admin", "delete-account-assignment", {
        "instance-arn": instanceArn,
        "target-id": target.awsAccountId,
        "target-type": "AWS_ACCOUNT",
        "permission-set-arn": assignment.permissionSetArn,
        "principal-type": "USER",
        "principal-id": assignment.principalId,
      }),
    ]),
    snippets: [],
    care: ["Add the person to the group before removing their own assignment, or they lose access in between.", "An assignment made for an emergency belongs in a break-glass group whose membership is reviewed."],
  };
}
