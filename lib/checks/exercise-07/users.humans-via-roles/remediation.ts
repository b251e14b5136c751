/**
 * A new way in first (IAM Identity Center, or a role assumed with MFA), then the keys retired,
 * deactivated before deleted.
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { CHECK_CLOUDTRAIL_FIRST, CREDENTIAL_REPORT_DELAY, DEACTIVATE_BEFORE_DELETE, retireKeyCommands } from "@/lib/remediation/steps/access-keys";
import { userNameOf } from "@/lib/remediation/steps/target-names";
import { activeKeySlots, type HumansViaRolesEvidence } from "./evidence";

export function humansViaRolesSteps(target: RemediationTarget, evidence: HumansViaRolesEvidence | null): RemediationSteps {
  const userName = evidence?.user ?? userNameOf(target);
  const slots = evidence ? activeKeySlots(evidence) : [];
  const keys = slots.length === 1 ? `access key ${slots[0]}` : slots.length === 2 ? "access keys 1 and 2" : "long-lived access keys";
  return {
    summary: `Give ${userName} access through IAM Identity Center or a role assumed with MFA, then retire the user's ${keys}.`,
    console: [
      `Create ${userName}'s access in IAM Identity Center (a user with a permission set for this account), or a role in this account that ${userName}'s home account may assume with MFA.`,
      `Have ${userName} use aws configure sso (or a role profile with mfa_serial) instead of stored keys.`,
      `IAM console → Users → ${userName} → Security credentials: deactivate the access keys, later delete them; remove the user when nothing else needs it.`,
    ],
    commands: retireKeyCommands(slots.length === 1 ? { userName, slot: slots[0] } : { userName }, { withDelete: true }),
    snippets: [],
    care: [
      CHECK_CLOUDTRAIL_FIRST,
      DEACTIVATE_BEFORE_DELETE,
      ...(slots.length === 2 ? ["Both keys are active: run the commands once for each."] : []),
      "Give the person the new way in before taking the keys away.",
      CREDENTIAL_REPORT_DELAY,
    ],
  };
}
