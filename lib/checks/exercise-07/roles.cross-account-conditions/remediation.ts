/**
 * A condition in the trust policy: an ExternalId for third parties, MFA for people. The snippets
 * keep the principals the role already trusts (never `*`).
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { roleNameOf } from "@/lib/remediation/steps/target-names";
import { EVERYONE, principalProblem, type CrossAccountEvidence } from "./evidence";

function trustPolicy(principals: string[], condition: object) {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: principals.length === 1 ? principals[0] : principals }, Action: "sts:AssumeRole", Condition: condition }],
  };
}

export function crossAccountConditionSteps(target: RemediationTarget, evidence: CrossAccountEvidence | null): RemediationSteps {
  const roleName = roleNameOf(target);
  const trusted = evidence && "crossAccount" in evidence ? evidence.crossAccount : [];
  const everyone = trusted.some((principal) => principal.principal === EVERYONE);
  // The unprotected principals are the ones the new statement is for; with none known, all of them.
  const unprotected = trusted.filter((principal) => principalProblem(principal) !== undefined);
  const named = [...new Set((unprotected.length > 0 ? unprotected : trusted).map((principal) => principal.principal))].filter((principal) => principal !== EVERYONE);
  const principals = named.length > 0 ? named : ["arn:aws:iam::<trusted account id>:root"];
  const unprotectedNames = new Set(unprotected.map((principal) => principal.principal));
  const protectedOnes = unprotected.length > 0 ? [...new Set(trusted.map((principal) => principal.principal).filter((name) => !unprotectedNames.has(name)))] : [];
  return {
    summary: `Require an ExternalId (third parties) or MFA (people) in the trust policy of ${roleName}${everyone ? ", and stop trusting everyone (*)" : ""}.`,
    console: [
      `IAM console → Roles → ${roleName} → Trust relationships → Edit trust policy.`,
      everyone ? 'Replace "Principal": "*" (or {"AWS": "*"}) with the accounts that really need the role.' : "Keep the trusted accounts; add a Condition to their statement.",
      "Third parties: add sts:ExternalId with the value agreed with them. People in your other accounts: add aws:MultiFactorAuthPresent = true.",
      "Update policy.",
    ],
    commands: [
      aws("Save the current trust policy.", "iam", "get-role", { "role-name": roleName, query: "Role.AssumeRolePolicyDocument" }),
      aws("Replace it with trust.json (one of the snippets).", "iam", "update-assume-role-policy", { "role-name": roleName, "policy-document": "file://trust.json" }),
    ],
    snippets: [
      {
        title: "trust.json for a third party (ExternalId)",
        language: "json",
        code: JSON.stringify(trustPolicy(principals, { StringEquals: { "sts:ExternalId": "<value agreed with the third party>" } }), null, 2),
      },
      {
        title: "trust.json for people in another account (MFA)",
        language: "json",
        code: JSON.stringify(trustPolicy(principals, { Bool: { "aws:MultiFactorAuthPresent": "true" } }), null, 2),
      },
    ],
    care: [
      "The trusted side must send the ExternalId (or sign in with MFA) before you change the policy, or its AssumeRole calls start failing.",
      "Sessions already issued keep working until they expire; STS tokens cannot be revoked (AWS Advent 2016).",
      ...(protectedOnes.length > 0
        ? [`trust.json replaces the whole trust policy: copy the statements of ${protectedOnes.join(", ")}, which already present an ExternalId or MFA, from the saved policy into it.`]
        : []),
    ],
  };
}
