/**
 * Exercise 3 (CIS 1.16): no customer policy in force allows every action on every resource.
 * NotAction Allows are exercise 9's (policies.allow-not-action); AWS managed policies are AWS's.
 */
import { adminGrantsOf } from "@/lib/policy/admin";
import { parsePolicyDocument } from "@/lib/policy/document";
import { defineCheck } from "../../define-check";
import { storeStatement } from "../../evidence/policy-statements";
import { makeFinding, unknownForAccount } from "../../findings";
import { customerPoliciesInForce } from "../../iam-analysis";
import { globalPart } from "../../part-access";
import { noStarStarEvidenceSchema, type NoStarStarEvidence } from "./evidence";
import { describeNoStarStar } from "./evidence-view";
import { narrowStarStarSteps } from "./remediation";

export const policiesNoStarStar = defineCheck({
  id: "policies.no-star-star",
  exercise: 3,
  title: "No customer policy grants *:* on *",
  severity: "high",
  cis: ["1.16"],
  why: "A policy that allows every action on every resource makes whoever holds it an administrator, usually without anyone having decided that.",
  evidence: noStarStarEvidenceSchema,
  describeEvidence: describeNoStarStar,
  remediation: narrowStarStarSteps,
  evaluate(snapshot, _thresholds, check) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(check, snapshot, [details.unavailable])];
    return customerPoliciesInForce(details.data).map((policy) => {
      const base = { resourceId: policy.resourceId, resourceType: "policy" as const, resourceName: policy.resourceName };
      const facts = { policy: policy.resourceId, policyName: policy.policyName, attachedTo: policy.attachedTo };
      const parsed = parsePolicyDocument(policy.document);
      if (!parsed.ok) {
        const evidence: NoStarStarEvidence = { ...facts, error: { kind: parsed.error.kind, message: parsed.error.message } };
        return makeFinding(check, { ...base, status: "unknown", evidence, reason: `The policy document of ${policy.resourceName} could not be read: ${parsed.error.message}.` });
      }
      const full = adminGrantsOf(parsed.policy).grants.filter((grant) => grant.kind === "full_wildcard");
      const evidence: NoStarStarEvidence = { ...facts, statements: full.map((grant) => ({ ...storeStatement(grant.statement), conditional: grant.conditional })) };
      return makeFinding(check, {
        ...base,
        status: full.length > 0 ? "fail" : "pass",
        evidence,
        reason:
          full.length > 0
            ? `${policy.resourceName} allows every action on every resource (statement ${full.map((grant) => grant.statement.index + 1).join(", ")}).`
            : `${policy.resourceName} does not allow *:* on *.`,
      });
    });
  },
});
