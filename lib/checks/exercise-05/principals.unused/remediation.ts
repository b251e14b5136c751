/** An unused user or role is blocked first, and deleted only when nobody misses it. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { CHECK_CLOUDTRAIL_FIRST, CREDENTIAL_REPORT_DELAY, retireKeyCommands } from "@/lib/remediation/steps/access-keys";
import { roleNameOf, userNameOf } from "@/lib/remediation/steps/target-names";
import { nameInArn } from "../../evidence/policy-statements";
import type { PrincipalsUnusedEvidence } from "./evidence";

const DENY_ALL_ARN = "arn:aws:iam::aws:policy/AWSDenyAll";

export function retireUnusedSteps(target: RemediationTarget, evidence: PrincipalsUnusedEvidence | null): RemediationSteps {
  if (target.resourceType === "role") {
    const roleName = evidence ? nameInArn(evidence.arn) : roleNameOf(target);
    return {
      summary: `Remove role ${roleName}, unused for the limit: first block it, then delete it when nobody complains.`,
      console: [
        `IAM console → Roles → ${roleName}: check Last activity and the trusted entities (who could assume it).`,
        "Permissions → Add permissions → attach AWSDenyAll, and wait a few weeks.",
        "Then Delete (the console removes its policies and instance profiles with it).",
      ],
      commands: [
        aws("When and where the role was last used.", "iam", "get-role", { "role-name": roleName, query: "Role.RoleLastUsed" }),
        aws("Block it first (reversible: detach-role-policy undoes it).", "iam", "attach-role-policy", { "role-name": roleName, "policy-arn": DENY_ALL_ARN }),
        aws("Instance profiles holding it (remove-role-from-instance-profile each before deleting).", "iam", "list-instance-profiles-for-role", { "role-name": roleName }),
        aws("Attached policies (detach-role-policy each before deleting).", "iam", "list-attached-role-policies", { "role-name": roleName }),
        aws("Inline policies (delete-role-policy each before deleting).", "iam", "list-role-policies", { "role-name": roleName }),
        aws("Finally delete the role.", "iam", "delete-role", { "role-name": roleName }),
      ],
      snippets: [],
      care: [
        "Some roles are used rarely on purpose (disaster recovery, yearly audits, break-glass): ask the owner before deleting.",
        "AWS tracks role use for about 400 days; a role created recently may simply not have been needed yet.",
      ],
    };
  }
  const userName = evidence && "user" in evidence ? evidence.user : userNameOf(target);
  return {
    summary: `Disable user ${userName}, unused for the limit: remove the console password and deactivate the keys, then delete the user.`,
    console: [
      `IAM console → Users → ${userName}: check Last console sign-in and each key's Last used.`,
      "Security credentials → Console password → Disable; Access keys → Deactivate.",
      "After a quiet period: Delete user.",
    ],
    commands: [
      aws(`Remove ${userName}'s console password (the user can be given a new one later).`, "iam", "delete-login-profile", { "user-name": userName }),
      // The evidence does not say which keys are active: the list shows them; repeat for each.
      ...retireKeyCommands({ userName }, { withDelete: false }),
      aws("Groups, policies and MFA devices to remove before delete-user accepts.", "iam", "list-groups-for-user", { "user-name": userName }),
      aws("Delete the user once everything above is removed.", "iam", "delete-user", { "user-name": userName }),
    ],
    snippets: [],
    care: [CHECK_CLOUDTRAIL_FIRST, "Ask whether the person has left: a leaver's user should go at once, not after a quiet period.", CREDENTIAL_REPORT_DELAY],
  };
}
