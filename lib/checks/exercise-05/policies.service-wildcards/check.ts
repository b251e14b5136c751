/**
 * Exercise 5, "Least Privilege": customer policies name their actions and resources rather than
 * allowing a whole service, or a sensitive action on every resource.
 */
import { serviceWildcardGrants } from "@/lib/policy/grants";
import { defineCheck } from "../../define-check";
import { storeStatement } from "../../evidence/policy-statements";
import { makeFinding, unknownForAccount } from "../../findings";
import { customerPoliciesInForce } from "../../iam-analysis";
import { globalPart } from "../../part-access";
import { serviceWildcardsEvidenceSchema, type ServiceWildcardsEvidence } from "./evidence";
import { describeServiceWildcards } from "./evidence-view";
import { narrowWildcardsSteps } from "./remediation";

export const policiesServiceWildcards = defineCheck({
  id: "policies.service-wildcards",
  exercise: 5,
  title: "Customer policies do not allow whole services or sensitive actions on every resource",
  severity: "medium",
  why: "`s3:*` or `iam:PassRole` on `*` grants far more than any application needs; least privilege means naming the actions and resources (“Pragmatic AWS: Principle of Least Privilege with IAM”).",
  evidence: serviceWildcardsEvidenceSchema,
  describeEvidence: describeServiceWildcards,
  remediation: narrowWildcardsSteps,
  evaluate(snapshot, _thresholds, check) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(check, snapshot, [details.unavailable])];
    return customerPoliciesInForce(details.data).map((policy) => {
      const base = { resourceId: policy.resourceId, resourceType: "policy" as const, resourceName: policy.resourceName };
      const facts = { policy: policy.resourceId, policyName: policy.policyName, attachedTo: policy.attachedTo };
      const result = serviceWildcardGrants(policy.document);
      if (!result.ok) {
        const evidence: ServiceWildcardsEvidence = { ...facts, error: { kind: result.error.kind, message: result.error.message } };
        return makeFinding(check, { ...base, status: "unknown", evidence, reason: `The policy document of ${policy.resourceName} could not be read: ${result.error.message}.` });
      }
      const named = [...new Set(result.grants.map((grant) => (grant.kind === "service_wildcard" ? grant.pattern : `${grant.action} on *`)))];
      const evidence: ServiceWildcardsEvidence = { ...facts, grants: result.grants.map((grant) => ({ ...grant, statement: storeStatement(grant.statement) })) };
      return makeFinding(check, {
        ...base,
        status: result.grants.length > 0 ? "fail" : "pass",
        evidence,
        reason: result.grants.length > 0 ? `${policy.resourceName} allows ${named.join(", ")}.` : `${policy.resourceName} names its actions and resources.`,
      });
    });
  },
});
