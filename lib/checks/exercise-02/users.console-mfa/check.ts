/** Exercise 2, "Enable MFA Tokens Everywhere": every user with a console password has MFA (CIS 1.10). */
import { isTrue, userRows } from "../../credential-report";
import { defineCheck } from "../../define-check";
import { makeFinding, unknownForAccount } from "../../findings";
import { globalPart } from "../../part-access";
import { describeConsoleMfa } from "./evidence-view";
import { consoleMfaEvidenceSchema } from "./evidence";
import { enrolUserMfaSteps } from "./remediation";

export const usersConsoleMfa = defineCheck({
  id: "users.console-mfa",
  exercise: 2,
  title: "Every user with a console password has MFA",
  severity: "high",
  cis: ["1.10"],
  why: "Passwords leak through reuse and phishing; with MFA a leaked password alone does not open the console.",
  evidence: consoleMfaEvidenceSchema,
  describeEvidence: describeConsoleMfa,
  remediation: enrolUserMfaSteps,
  evaluate(snapshot, _thresholds, check) {
    const report = globalPart(snapshot, "iam.credentialReport");
    if (!report.available) return [unknownForAccount(check, snapshot, [report.unavailable])];
    return userRows(report.data)
      .filter((row) => isTrue(row.password_enabled))
      .map((row) =>
        makeFinding(check, {
          resourceId: row.arn,
          resourceType: "user",
          resourceName: row.user,
          status: isTrue(row.mfa_active) ? "pass" : "fail",
          evidence: { user: row.user, arn: row.arn, password_enabled: row.password_enabled, mfa_active: row.mfa_active },
          reason: isTrue(row.mfa_active) ? `${row.user} signs in with a password and MFA.` : `${row.user} has a console password but no MFA device.`,
        }),
      );
  },
});
