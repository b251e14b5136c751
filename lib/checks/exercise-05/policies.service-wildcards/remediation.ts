/** Whole-service wildcards and sensitive actions on "*" give way to named actions on named resources. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { MANAGED_VERSION_LIMIT, POLICY_CARE, policyConsoleSteps, policyRefOf, rewritePolicyCommands } from "@/lib/remediation/steps/policies";
import type { ServiceWildcardsEvidence } from "./evidence";

export function narrowWildcardsSteps(target: RemediationTarget, evidence: ServiceWildcardsEvidence | null): RemediationSteps {
  const ref = policyRefOf(target);
  const grants = evidence && "grants" in evidence ? [...new Set(evidence.grants.map((grant) => (grant.kind === "service_wildcard" ? grant.pattern : `${grant.action} on *`)))] : [];
  return {
    summary: `Replace ${grants.length ? grants.join(", ") : 'service-wide wildcards (such as s3:*) and sensitive actions on "*"'} in ${evidence?.policyName ?? target.resourceName} with named actions on named resources.`,
    console: policyConsoleSteps(ref, 'Replace each "service:*" with the actions used, and "Resource": "*" with the ARNs they apply to (“AWS IAM: Securing your Infrastructure” scopes S3 to one bucket: arn:aws:s3:::bucket and arn:aws:s3:::bucket/*).'),
    commands: rewritePolicyCommands(ref),
    snippets: [],
    care: [
      ...POLICY_CARE,
      ...(evidence && evidence.attachedTo.length > 0 ? [`Everything it is attached to is affected: ${evidence.attachedTo.join(", ")}.`] : []),
      ...(ref.kind === "managed" ? [MANAGED_VERSION_LIMIT] : []),
    ],
  };
}
