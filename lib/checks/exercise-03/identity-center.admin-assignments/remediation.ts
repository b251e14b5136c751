/**
 * Fewer Identity Center admins: each admin assignment becomes the delete-account-assignment
 * command that removes it, with the instance, account, permission set and principal filled in.
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws, type CliCommand } from "@/lib/remediation/shell";
import type { IdentityCenterAdmin } from "../../identity-center";

const MAX_LISTED = 20;

/** Distinct assignments behind the admin paths: forty people through one group are one assignment. */
export function adminAssignmentCommands(instanceArn: string | null, accountId: string, admins: IdentityCenterAdmin[]): CliCommand[] {
  const assignments = new Map<string, { principalType: "USER" | "GROUP"; principalId: string; who: string; permissionSetArn: string; permissionSetName: string }>();
  for (const admin of admins) {
    for (const path of admin.paths) {
      const who = path.groupName === null ? `user ${admin.userName}` : `group ${path.groupName}`;
      assignments.set(`${path.principalId}|${path.permissionSetArn}`, { ...path, who });
    }
  }
  return [...assignments.values()].slice(0, MAX_LISTED).map((assignment) =>
    aws(`Remove permission set ${assignment.permissionSetName} from ${assignment.who} in account ${accountId}.`, "sso-admin", "delete-account-assignment", {
      "instance-arn": instanceArn ?? "INSTANCE_ARN",
      "target-id": accountId,
      "target-type": "AWS_ACCOUNT",
      "permission-set-arn": assignment.permissionSetArn,
      "principal-type": assignment.principalType,
      "principal-id": assignment.principalId,
    }),
  );
}

export function identityCenterAdminSteps(target: RemediationTarget, evidence: { limit: number; instanceArn: string; identityCenterAdmins: IdentityCenterAdmin[] } | null): RemediationSteps {
  const admins = evidence?.identityCenterAdmins ?? [];
  const sets = [...new Set(admins.flatMap((admin) => admin.paths.map((path) => path.permissionSetName)))];
  const groups = [...new Set(admins.flatMap((admin) => admin.paths.flatMap((path) => (path.groupName === null ? [] : [path.groupName]))))];
  return {
    summary: `${admins.length || "Too many"} people are administrators of account ${target.awsAccountId} through IAM Identity Center; keep the account's admins within ${evidence?.limit ?? 2} and give everyone else a permission set that fits their job.`,
    console: [
      `IAM Identity Center console (in the management account) → AWS accounts → ${target.awsAccountId} → Permission sets${sets.length ? ` ${sets.join(", ")}` : ""}: see who is assigned.`,
      groups.length
        ? `For each group (${groups.join(", ")}): assign a narrower permission set to the group, and keep the admin set only for the few who need it, through a small group of their own.`
        : "Assign a narrower permission set to each person who does not need admin.",
      "Select the admin assignment → Remove access. People keep any other permission set assigned to them.",
    ],
    commands: [
      aws("List who holds each permission set in this account.", "sso-admin", "list-account-assignments", {
        "instance-arn": evidence?.instanceArn ?? "INSTANCE_ARN",
        "account-id": target.awsAccountId,
        "permission-set-arn": admins[0]?.paths[0]?.permissionSetArn ?? "PERMISSION_SET_ARN",
      }),
      ...adminAssignmentCommands(evidence?.instanceArn ?? null, target.awsAccountId, admins),
    ],
    snippets: [],
    care: [
      "Removing a group's assignment takes admin from every member at once: assign their new permission set first.",
      "People signed in keep their session until it ends: the permission set's session duration.",
      "Keep at least one administrator who can sign in, and run the commands from the management account (or the delegated administrator).",
    ],
  };
}
