/**
 * Exercise 7, "Use IAM Roles with STS AssumeRole Where Possible" (seed 003: protect
 * cross-account roles with MFA; AWS: third parties present an ExternalId,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html).
 */
import { trustPolicyAnalysis } from "@/lib/policy/trust-policy";
import { defineCheck } from "../../define-check";
import { makeFinding, unknownForAccount } from "../../findings";
import { isServiceLinkedRole } from "../../iam-analysis";
import { globalPart } from "../../part-access";
import type { Finding } from "../../types";
import { describeCrossAccountTrust } from "./evidence-view";
import { crossAccountEvidenceSchema, principalProblem, type CrossAccountEvidence, type TrustedPrincipalEvidence } from "./evidence";
import { crossAccountConditionSteps } from "./remediation";

export const rolesCrossAccountConditions = defineCheck({
  id: "roles.cross-account-conditions",
  exercise: 7,
  title: "Roles trusted by other accounts require an ExternalId or MFA, and none trust everyone",
  severity: "high",
  why: "A role another account can assume is only as safe as that account; MFA keeps a stolen key from being enough, and an ExternalId stops a third party being tricked into using its access for someone else.",
  evidence: crossAccountEvidenceSchema,
  describeEvidence: describeCrossAccountTrust,
  remediation: crossAccountConditionSteps,
  evaluate(snapshot, _thresholds, check) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(check, snapshot, [details.unavailable])];
    return details.data.roles
      .filter((role) => !isServiceLinkedRole(role))
      .flatMap((role): Array<Finding<CrossAccountEvidence>> => {
        const base = { resourceId: role.arn, resourceType: "role" as const, resourceName: role.roleName };
        const trust = trustPolicyAnalysis(role.assumeRolePolicyDocument, snapshot.accountId);
        if (!trust.ok) {
          const evidence: CrossAccountEvidence = { arn: role.arn, error: { kind: trust.error.kind, message: trust.error.message } };
          return [makeFinding(check, { ...base, status: "unknown", evidence, reason: `The trust policy of ${role.roleName} could not be read: ${trust.error.message}.` })];
        }
        if (trust.crossAccount.length === 0) return [];
        const crossAccount = trust.crossAccount.map(
          (principal): TrustedPrincipalEvidence => ({
            principal: principal.principal,
            requiresExternalId: principal.requiresExternalId,
            requiresMfa: principal.requiresMfa,
            restrictedByCondition: principal.restrictedByCondition,
            statement: principal.statement,
          }),
        );
        const problems = crossAccount.flatMap((principal) => principalProblem(principal) ?? []);
        return [
          makeFinding(check, {
            ...base,
            status: problems.length > 0 ? "fail" : "pass",
            ...(trust.trustsEveryone ? { severity: "critical" as const } : {}),
            evidence: { arn: role.arn, crossAccount } satisfies CrossAccountEvidence,
            reason:
              problems.length > 0
                ? `${role.roleName}: ${problems.join("; ")}.`
                : `Every account trusted by ${role.roleName} must present an ExternalId or MFA.`,
          }),
        ];
      });
  },
});
