/**
 * Exercise 9, "Do Not Allow Unless You Mean It" (our reading, CHECKS.md): no customer policy in
 * force allows with NotAction or NotResource unless a condition narrows it.
 */
import { allowWithNotActionOrNotResource } from "@/lib/policy/grants";
import { defineCheck } from "../../define-check";
import { storedStatement } from "../../evidence/policy-statement";
import { makeFinding, unknownForAccount } from "../../findings";
import { customerPoliciesInForce } from "../../iam-analysis";
import { globalPart } from "../../part-access";
import { allowNotActionEvidenceSchema, type JudgedPolicyEvidence, type NegatedAllowEvidence, type UnreadablePolicyEvidence } from "./evidence";
import { describeAllowNotAction } from "./evidence-view";
import { rewriteNegatedAllowSteps } from "./remediation";

export const policiesAllowNotAction = defineCheck({
  id: "policies.allow-not-action",
  exercise: 9,
  title: "No Allow uses NotAction or NotResource without a deliberate condition",
  severity: "medium",
  why: "An Allow with NotAction or NotResource grants everything not listed, including every service and resource AWS adds later; it is rarely what the author meant.",
  evidence: allowNotActionEvidenceSchema,
  describeEvidence: describeAllowNotAction,
  remediation: rewriteNegatedAllowSteps,
  evaluate(snapshot, _thresholds, check) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(check, snapshot, [details.unavailable])];
    return customerPoliciesInForce(details.data).map((policy) => {
      const base = { resourceId: policy.resourceId, resourceType: "policy" as const, resourceName: policy.resourceName };
      const about = { policy: policy.resourceId, policyName: policy.policyName, attachedTo: policy.attachedTo };
      const result = allowWithNotActionOrNotResource(policy.document);
      if (!result.ok) {
        const evidence: UnreadablePolicyEvidence = { ...about, error: { kind: result.error.kind, message: result.error.message } };
        return makeFinding(check, {
          ...base,
          status: "unknown",
          evidence,
          reason: `The policy document of ${policy.resourceName} could not be read: ${result.error.message}.`,
        });
      }
      const negatedAllows = result.allows.map(
        (allow): NegatedAllowEvidence => ({
          uses: allow.uses,
          conditional: allow.conditional,
          conditionKeys: allow.conditionKeys,
          broad: allow.broad,
          statement: storedStatement(allow.statement),
        }),
      );
      const evidence: JudgedPolicyEvidence = { ...about, negatedAllows };
      const unconditioned = result.allows.filter((allow) => !allow.conditional);
      return makeFinding(check, {
        ...base,
        status: unconditioned.length > 0 ? "fail" : "pass",
        evidence,
        reason:
          unconditioned.length > 0
            ? `${policy.resourceName} allows with ${[...new Set(unconditioned.flatMap((allow) => allow.uses))].join(" and ")} and no condition (${unconditioned
                .map((allow) => `statement ${allow.statement.index + 1}${allow.statement.sid ? `, sid ${allow.statement.sid}` : ""}`)
                .join("; ")}).`
            : result.allows.length > 0
              ? `${policy.resourceName} uses NotAction or NotResource only under a condition (${[...new Set(result.allows.flatMap((allow) => allow.conditionKeys))].join(", ")}).`
              : `${policy.resourceName} has no Allow with NotAction or NotResource.`,
      });
    });
  },
});
