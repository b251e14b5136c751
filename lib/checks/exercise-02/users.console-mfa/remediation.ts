/** The person holding the device enrols it; a user who never signs in loses the password instead. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { userNameOf } from "@/lib/remediation/steps/target-names";
import type { ConsoleMfaEvidence } from "./evidence";

export function enrolUserMfaSteps(target: RemediationTarget, evidence: ConsoleMfaEvidence | null): RemediationSteps {
  const userName = evidence?.user ?? userNameOf(target);
  return {
    summary: `Have ${userName} enrol an MFA device, or remove the console password if ${userName} does not sign in.`,
    console: [
      `Ask ${userName} to sign in and open the account menu → Security credentials → Assign MFA device (they hold the device, so they enrol it).`,
      `Or, as an administrator: IAM console → Users → ${userName} → Security credentials → Assign MFA device, with the device at hand.`,
      `If ${userName} never signs in to the console: Security credentials → Console password → Manage → Disable.`,
    ],
    commands: [
      aws(`MFA devices ${userName} has now.`, "iam", "list-mfa-devices", { "user-name": userName }),
      aws(`When ${userName} last signed in (PasswordLastUsed).`, "iam", "get-user", { "user-name": userName, query: "User.PasswordLastUsed" }),
      aws(`If ${userName} does not need the console: remove the password instead.`, "iam", "delete-login-profile", { "user-name": userName }),
    ],
    snippets: [],
    care: [
      "Enrolling MFA needs two consecutive codes from the device, so the person holding it has to do it (or be there).",
      "Deleting the console password signs the user out of the console for good; their access keys keep working.",
    ],
  };
}
