/**
 * Exercise 7, "Use IAM Roles with STS AssumeRole Where Possible" (seed 003: short sessions,
 * because STS tokens cannot be revoked).
 */
import { trustPolicyAnalysis } from "@/lib/policy/trust-policy";
import { defineCheck } from "../../define-check";
import { makeFinding, unknownForAccount } from "../../findings";
import { isServiceLinkedRole } from "../../iam-analysis";
import { globalPart } from "../../part-access";
import type { Finding } from "../../types";
import { describeShortSessions } from "./evidence-view";
import { shortSessionsEvidenceSchema, type ShortSessionsEvidence } from "./evidence";
import { shortSessionSteps } from "./remediation";

/** IAM's default MaxSessionDuration. */
const IAM_DEFAULT_SESSION_SECONDS = 3600;

export const rolesShortSessions = defineCheck({
  id: "roles.short-sessions",
  exercise: 7,
  title: "Roles people assume have short sessions",
  severity: "medium",
  why: "STS tokens cannot be revoked; a short maximum session keeps a departed person's or a stolen session's access from outliving the identity behind it (AWS Advent 2016).",
  evidence: shortSessionsEvidenceSchema,
  describeEvidence: describeShortSessions,
  remediation: shortSessionSteps,
  evaluate(snapshot, thresholds, check) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(check, snapshot, [details.unavailable])];
    return details.data.roles
      .filter((role) => !isServiceLinkedRole(role))
      .flatMap((role): Array<Finding<ShortSessionsEvidence>> => {
        const trust = trustPolicyAnalysis(role.assumeRolePolicyDocument, snapshot.accountId);
        const base = { resourceId: role.arn, resourceType: "role" as const, resourceName: role.roleName };
        if (!trust.ok) {
          return [makeFinding(check, { ...base, status: "unknown", evidence: { arn: role.arn, error: trust.error.kind }, reason: `The trust policy of ${role.roleName} could not be read.` })];
        }
        if (!trust.humanAssumable) return [];
        const seconds = role.maxSessionDuration ?? IAM_DEFAULT_SESSION_SECONDS;
        return [
          makeFinding(check, {
            ...base,
            status: seconds <= thresholds.maxSessionSeconds ? "pass" : "fail",
            evidence: { arn: role.arn, maxSessionDuration: seconds, humanPrincipals: trust.principals.filter((p) => p.human).map((p) => p.principal).sort() },
            reason: `${role.roleName} can be assumed by people and allows sessions of ${seconds / 3600} h (limit ${thresholds.maxSessionSeconds / 3600} h).`,
          }),
        ];
      });
  },
});
