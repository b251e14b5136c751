/** An unused console password is removed; an unused key is deactivated first, then deleted. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { CHECK_CLOUDTRAIL_FIRST, CREDENTIAL_REPORT_DELAY, DEACTIVATE_BEFORE_DELETE, keyConsoleSteps, retireKeyCommands } from "@/lib/remediation/steps/access-keys";
import { accessKeySlotOf, reportDay, userNameOf } from "@/lib/remediation/steps/target-names";
import { judgedCredential, type CredentialUseEvidence } from "./evidence";

function removePasswordSteps(userName: string, lastUsed: string | undefined): RemediationSteps {
  return {
    summary: `Remove ${userName}'s unused console password${lastUsed ? ` (last used ${lastUsed})` : ""}.`,
    console: [`IAM console → Users → ${userName} → Security credentials → Console password → Manage → Disable.`],
    commands: [
      aws(`When ${userName} last signed in.`, "iam", "get-user", { "user-name": userName, query: "User.PasswordLastUsed" }),
      aws(`Remove the password (give a new one with create-login-profile if ${userName} needs the console again).`, "iam", "delete-login-profile", { "user-name": userName }),
    ],
    snippets: [],
    care: [
      "Removing the password only ends console sign-in; the user's keys keep working.",
      "A person who left should lose the whole user, not just the password.",
      CREDENTIAL_REPORT_DELAY,
    ],
  };
}

export function retireUnusedCredentialSteps(target: RemediationTarget, evidence: CredentialUseEvidence | null): RemediationSteps {
  const userName = evidence?.user ?? userNameOf(target);
  // Evidence of recent use names no credential (a passing finding): the resource id still does.
  const judged = evidence ? judgedCredential(evidence) : undefined;
  const credential = judged?.kind === "used_recently" ? undefined : judged;
  if (credential ? credential.kind === "password" : target.resourceId.endsWith("#password")) {
    return removePasswordSteps(userName, credential?.kind === "password" ? reportDay(credential.lastUsed) : undefined);
  }
  const slot = credential?.kind === "access_key" ? credential.slot : accessKeySlotOf(target.resourceId);
  const lastRotated = credential?.kind === "access_key" ? reportDay(credential.created) : undefined;
  return {
    summary: `Deactivate ${userName}'s unused access key${slot ? ` ${slot}` : ""}, and delete it after a quiet period.`,
    console: keyConsoleSteps(userName),
    commands: retireKeyCommands({ userName, slot, lastRotated }, { withDelete: true }),
    snippets: [],
    care: [CHECK_CLOUDTRAIL_FIRST, DEACTIVATE_BEFORE_DELETE, CREDENTIAL_REPORT_DELAY],
  };
}
