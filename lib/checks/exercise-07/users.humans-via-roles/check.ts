/**
 * Exercise 7, "Use IAM Roles with STS AssumeRole Where Possible": a person (someone who signs in
 * to the console) reaches AWS through roles or SSO, not a long-lived key (AWS Advent 2016).
 */
import { activeKeys, isTrue, userRows } from "../../credential-report";
import { defineCheck } from "../../define-check";
import { makeFinding, unknownForAccount } from "../../findings";
import { globalPart } from "../../part-access";
import { describeHumansViaRoles } from "./evidence-view";
import { humansViaRolesEvidenceSchema } from "./evidence";
import { humansViaRolesSteps } from "./remediation";

export const usersHumansViaRoles = defineCheck({
  id: "users.humans-via-roles",
  exercise: 7,
  title: "People use roles or SSO, not long-lived access keys",
  severity: "medium",
  why: "A person with an access key carries a permanent credential on a laptop; assuming a role gives the same access as a short-lived, MFA-protected session (AWS Advent 2016).",
  evidence: humansViaRolesEvidenceSchema,
  describeEvidence: describeHumansViaRoles,
  remediation: humansViaRolesSteps,
  evaluate(snapshot, _thresholds, check) {
    const report = globalPart(snapshot, "iam.credentialReport");
    if (!report.available) return [unknownForAccount(check, snapshot, [report.unavailable])];
    return userRows(report.data)
      .filter((row) => isTrue(row.password_enabled))
      .map((row) => {
        const keys = activeKeys(row);
        return makeFinding(check, {
          resourceId: row.arn,
          resourceType: "user",
          resourceName: row.user,
          status: keys.length > 0 ? "fail" : "pass",
          evidence: {
            user: row.user,
            arn: row.arn,
            password_enabled: row.password_enabled,
            access_key_1_active: row.access_key_1_active,
            access_key_2_active: row.access_key_2_active,
          },
          reason: keys.length > 0 ? `${row.user} signs in to the console and also holds ${keys.length} active access key${keys.length > 1 ? "s" : ""}.` : `${row.user} has no long-lived access key.`,
        });
      });
  },
});
