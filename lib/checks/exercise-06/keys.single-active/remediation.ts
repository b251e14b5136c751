/** Two active keys are a rotation left half done: the key nobody uses any more is retired. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { CHECK_CLOUDTRAIL_FIRST, CREDENTIAL_REPORT_DELAY, DEACTIVATE_BEFORE_DELETE, keyConsoleSteps, retireKeyCommands } from "@/lib/remediation/steps/access-keys";
import { userNameOf } from "@/lib/remediation/steps/target-names";
import type { SingleActiveKeyEvidence } from "./evidence";

export function retireSecondKeySteps(target: RemediationTarget, evidence: SingleActiveKeyEvidence | null): RemediationSteps {
  const userName = evidence?.user ?? userNameOf(target);
  return {
    summary: `Deactivate the one of ${userName}'s two active keys that is no longer needed (usually the older).`,
    console: keyConsoleSteps(userName),
    commands: retireKeyCommands({ userName }, { withDelete: true }),
    snippets: [],
    care: [CHECK_CLOUDTRAIL_FIRST, "Compare both keys' Last used: the one still in use stays.", DEACTIVATE_BEFORE_DELETE, CREDENTIAL_REPORT_DELAY],
  };
}
