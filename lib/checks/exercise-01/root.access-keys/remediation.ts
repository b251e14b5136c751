/**
 * Root's keys are managed by signing in as root, or, in an organization with centralized root
 * access, from the management account with `sts assume-root` and an AWS-managed root-task policy
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html).
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { CHECK_CLOUDTRAIL_FIRST, CREDENTIAL_REPORT_DELAY, DEACTIVATE_BEFORE_DELETE, retireKeyCommands } from "@/lib/remediation/steps/access-keys";
import { reportDay } from "@/lib/remediation/steps/target-names";
import { assumeRoot, ROOT_SIGN_IN } from "@/lib/remediation/steps/root";
import { activeRootSlots, type RootAccessKeysEvidence } from "./evidence";

export function retireRootKeysSteps(target: RemediationTarget, evidence: RootAccessKeysEvidence | null): RemediationSteps {
  const columns = evidence && !("source" in evidence) ? evidence : undefined;
  const slot = columns ? activeRootSlots(columns)[0] : undefined;
  const lastRotated = columns && slot ? reportDay(slot === 1 ? columns.access_key_1_last_rotated : columns.access_key_2_last_rotated) : undefined;
  return {
    summary: `Deactivate, then delete, the root user's access keys in account ${target.awsAccountId}.`,
    console: [
      ROOT_SIGN_IN,
      "Open the account menu (top right) → Security credentials.",
      "Under Access keys, note each key's last use, then choose Actions → Deactivate.",
      "When nothing has broken for a while, choose Actions → Delete.",
    ],
    commands: [assumeRoot(target.awsAccountId, "IAMDeleteRootUserCredentials"), ...retireKeyCommands({ slot, lastRotated }, { withDelete: true })],
    snippets: [],
    care: [
      CHECK_CLOUDTRAIL_FIRST,
      DEACTIVATE_BEFORE_DELETE,
      "Anything still using the root key needs its own IAM role (or user) with only the permissions it needs before the key goes.",
      "These commands must run with root's own credentials or an assume-root session: IAM users and roles cannot manage root's keys.",
      CREDENTIAL_REPORT_DELAY,
    ],
  };
}
