/**
 * Rotation keeps the workload running: a second key is created, deployed, and only then is the
 * old one deactivated.
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { CREDENTIAL_REPORT_DELAY, DEACTIVATE_BEFORE_DELETE, keyFacts, retireKeyCommands } from "@/lib/remediation/steps/access-keys";
import { accessKeySlotOf, userNameOf } from "@/lib/remediation/steps/target-names";
import { judgedKey, type KeyRotationEvidence } from "./evidence";

export function rotateKeySteps(target: RemediationTarget, evidence: KeyRotationEvidence | null): RemediationSteps {
  const userName = evidence?.user ?? userNameOf(target);
  const slot = evidence ? judgedKey(evidence).slot : accessKeySlotOf(target.resourceId);
  const facts = keyFacts(target, slot);
  return {
    summary: `Rotate ${userName}'s access key${slot ? ` ${slot}` : ""}${facts.lastRotated ? ` (created ${facts.lastRotated})` : ""}: create a new key, deploy it, then retire the old one.`,
    console: [
      `IAM console → Users → ${userName} → Security credentials → Create access key; store the secret where the application reads it.`,
      "Deploy the application with the new key and confirm it works (the old key's Last used stops moving).",
      "Deactivate the old key; delete it after a quiet period.",
      "Better still: replace the key with a role (exercise 4), and nothing needs rotating.",
    ],
    commands: [
      aws(`Create ${userName}'s new key (the secret is shown once: store it).`, "iam", "create-access-key", { "user-name": userName }),
      ...retireKeyCommands({ userName, slot, ...facts }, { withDelete: true }),
    ],
    snippets: [],
    care: [
      "A user can have at most two keys: if create-access-key fails with LimitExceeded, retire an unused key first.",
      "Deactivate the old key only after everything uses the new one; watch its last-used date stop.",
      DEACTIVATE_BEFORE_DELETE,
      CREDENTIAL_REPORT_DELAY,
    ],
  };
}
