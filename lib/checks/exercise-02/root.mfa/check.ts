/** Exercise 2, "Enable MFA Tokens Everywhere": the root user has MFA (CIS 1.5). */
import { isTrue } from "../../credential-report";
import { rootHasNoCredentials } from "../../central-root-access";
import { defineCheck } from "../../define-check";
import { unknownForAccount } from "../../findings";
import { globalPart } from "../../part-access";
import { credentialLessRootFinding, readRootRow, rootFinding } from "../../root-user";
import { describeRootMfa } from "./evidence-view";
import { rootMfaEvidenceSchema } from "./evidence";
import { enableRootMfaSteps } from "./remediation";

export const rootMfa = defineCheck({
  id: "root.mfa",
  exercise: 2,
  title: "The root user has MFA",
  severity: "critical",
  cis: ["1.5"],
  why: "A root password alone is one phishing email away from full control of the account; MFA adds something an attacker does not have.",
  evidence: rootMfaEvidenceSchema,
  describeEvidence: describeRootMfa,
  remediation: enableRootMfaSteps,
  evaluate(snapshot, _thresholds, check) {
    const root = readRootRow(snapshot);
    if ("row" in root) {
      const { row } = root;
      const evidence = {
        user: row.user,
        arn: row.arn,
        mfa_active: row.mfa_active,
        password_enabled: row.password_enabled,
        password_last_used: row.password_last_used,
        access_key_1_active: row.access_key_1_active,
        access_key_2_active: row.access_key_2_active,
      };
      if (isTrue(row.mfa_active)) return [rootFinding(check, snapshot, { status: "pass", evidence, reason: "The root user has MFA enabled." })];
      if (rootHasNoCredentials(snapshot, row)) return [credentialLessRootFinding(check, snapshot, evidence)];
      return [rootFinding(check, snapshot, { status: "fail", evidence, reason: "The root user has no MFA device." })];
    }
    // GetAccountSummary can confirm MFA but cannot tell "no MFA" from "no root credentials".
    const summary = globalPart(snapshot, "iam.accountSummary");
    if (summary.available && summary.data.AccountMFAEnabled === 1) {
      return [
        rootFinding(check, snapshot, {
          status: "pass",
          evidence: { source: "iam:GetAccountSummary" as const, AccountMFAEnabled: 1 as const },
          reason: "GetAccountSummary reports MFA enabled for the root user.",
        }),
      ];
    }
    return [unknownForAccount(check, snapshot, [root.unavailable])];
  },
});
