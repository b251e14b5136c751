/**
 * Fewer admins: each admin path in the evidence becomes the one command that takes it away, for
 * the person to run only for the users who should lose admin.
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws, type CliCommand } from "@/lib/remediation/shell";
import { removeAdminPathCommand } from "@/lib/remediation/steps/policies";
import type { AdminsCountEvidence } from "./evidence";

const MAX_LISTED_ADMINS = 20;
/** The guide's default limit, for evidence stored before the limit was recorded. */
const DEFAULT_LIMIT = 2;

export function reduceAdminsSteps(_target: RemediationTarget, evidence: AdminsCountEvidence | null): RemediationSteps {
  const limit = evidence?.limit ?? DEFAULT_LIMIT;
  const admins = evidence?.adminUsers ?? [];
  const commands: CliCommand[] = [];
  for (const admin of admins.slice(0, MAX_LISTED_ADMINS)) {
    commands.push(aws(`Groups ${admin.name} is in (admin may also come through them).`, "iam", "list-groups-for-user", { "user-name": admin.name }));
    for (const path of admin.paths) {
      const command = removeAdminPathCommand({ type: "user", name: admin.name }, path);
      if (command) commands.push(command);
    }
  }
  const names = admins.map((admin) => admin.name);
  return {
    summary: `${names.length || "Too many"} users have administrator rights; keep at most ${limit} and give the others only what their job needs.`,
    console: [
      `Decide which ${limit} people keep administrator rights${names.length ? ` (now: ${names.join(", ")})` : ""}.`,
      "For everyone else: IAM console → Users → the user → Permissions: remove AdministratorAccess and other admin policies, and Groups: leave admin groups.",
      "Give them a group with the permissions their job needs (IAM console → User groups), and let administrators reach admin through a role they assume with MFA (exercise 7).",
    ],
    commands,
    snippets: [],
    care: [
      "Run only the commands for the users who should lose admin: each command takes one admin path away.",
      "Removing admin from the person running the commands locks them out: do your own last, from another admin's session.",
      "Check CloudTrail (Event history, User name) for what each person really does before choosing their new permissions.",
    ],
  };
}
