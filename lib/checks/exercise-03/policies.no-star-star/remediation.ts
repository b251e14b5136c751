/** A customer *:* policy is narrowed in place: a new default version, or the inline policy rewritten. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { MANAGED_VERSION_LIMIT, POLICY_CARE, policyConsoleSteps, policyRefOf, rewritePolicyCommands } from "@/lib/remediation/steps/policies";
import type { NoStarStarEvidence } from "./evidence";

export function narrowStarStarSteps(target: RemediationTarget, evidence: NoStarStarEvidence | null): RemediationSteps {
  const ref = policyRefOf(target);
  const statements = evidence && "statements" in evidence ? evidence.statements.map((statement) => statement.index + 1) : [];
  const where = statements.length > 0 ? ` (statement ${statements.join(", ")})` : "";
  return {
    summary: `Replace the Allow of every action on every resource in ${evidence?.policyName ?? target.resourceName}${where} with the actions and resources its users need.`,
    console: policyConsoleSteps(ref, 'Replace "Action": "*" with the services and actions needed, and "Resource": "*" with their ARNs.'),
    commands: rewritePolicyCommands(ref),
    snippets: [],
    care: [
      ...POLICY_CARE,
      ...(evidence && evidence.attachedTo.length > 0 ? [`Everything it is attached to is affected: ${evidence.attachedTo.join(", ")}.`] : []),
      "If some principals truly need full administrator rights, attach AWS's AdministratorAccess to a small admin group or role instead of keeping a customer *:* policy.",
      ...(ref.kind === "managed" ? [MANAGED_VERSION_LIMIT] : []),
    ],
  };
}
