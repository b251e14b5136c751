/**
 * Turn "everything except" into the list that was meant, or add the condition that was meant;
 * the statements to change are named from the typed evidence.
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { MANAGED_VERSION_LIMIT, POLICY_CARE, policyConsoleSteps, policyRefOf, rewritePolicyCommands } from "@/lib/remediation/steps/policies";
import { inSentence, statementLabel } from "../../evidence/policy-statement";
import { isJudgedPolicyEvidence, unconditionedAllows, type AllowNotActionEvidence } from "./evidence";

export function rewriteNegatedAllowSteps(target: RemediationTarget, evidence: AllowNotActionEvidence | null): RemediationSteps {
  const ref = policyRefOf(target);
  const policyName = evidence?.policyName ?? target.resourceName;
  const failing = evidence && isJudgedPolicyEvidence(evidence) ? unconditionedAllows(evidence) : [];
  const which = failing.length > 0 ? inSentence(failing.map((allow) => statementLabel(allow.statement)).join(", ")) : "the Allow statements";
  const what = failing.length === 1 ? "an Allow of named actions and resources" : "Allows of named actions and resources";
  return {
    summary: `Rewrite ${which} of ${policyName}, written with NotAction or NotResource, as ${what}, or add the condition that was meant.`,
    console: policyConsoleSteps(ref, 'Turn "NotAction" into "Action" with the actions meant, and "NotResource" into "Resource"; if the statement was meant to apply only under a condition (MFA, source network), add that Condition.'),
    commands: rewritePolicyCommands(ref),
    snippets: [],
    care: [
      "An Allow with NotAction grants every action not listed, including ones AWS adds later.",
      ...POLICY_CARE,
      ...(ref.kind === "managed" ? [MANAGED_VERSION_LIMIT] : []),
    ],
  };
}
