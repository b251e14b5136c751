import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import type { SessionDurationEvidence } from "./evidence";

/** Four hours: the short-session advice of exercise 7, as ISO 8601 for the CLI. */
const ADVISED = "PT4H";

export function shortenSessionSteps(target: RemediationTarget, evidence: SessionDurationEvidence | null): RemediationSteps {
  const long = (evidence?.permissionSets ?? []).filter((set) => set.seconds === null || set.seconds > evidence!.thresholdSeconds);
  const instanceArn = evidence?.instanceArn ?? "INSTANCE_ARN";
  return {
    summary: `Shorten the session of ${long.map((set) => set.name).join(", ") || "the permission sets assigned here"} to 4 hours or less, so a stolen or forgotten session ends soon.`,
    console: [
      "IAM Identity Center console (in the management account) → Permission sets → the permission set → Edit → Session duration: 4 hours or less (1 hour for administrator sets).",
      `Then Actions → Update in AWS accounts, so account ${target.awsAccountId} and the others it is assigned to get the new duration.`,
    ],
    commands: long.flatMap((set) => [
      aws(`Set the session of ${set.name} to 4 hours.`, "sso-admin", "update-permission-set", { "instance-arn": instanceArn, "permission-set-arn": set.permissionSetArn, "session-duration": ADVISED }),
      aws(`Apply the change to every account ${set.name} is assigned to.`, "sso-admin", "provision-permission-set", { "instance-arn": instanceArn, "permission-set-arn": set.permissionSetArn, "target-type": "ALL_PROVISIONED_ACCOUNTS" }),
    ]),
    snippets: [],
    care: ["Sessions already open keep their old length until they end.", "People signing in for long tasks sign in again after 4 hours: tell them before the change."],
  };
}
