/**
 * Exercise 1, "Disable Root API Access Key and Secret Key": the root user has no active access
 * key (CIS 1.4; the guide: "do not use the default key provided to your AWS account").
 */
import { activeKeys } from "../../credential-report";
import { defineCheck } from "../../define-check";
import { unknownForAccount } from "../../findings";
import { globalPart } from "../../part-access";
import { readRootRow, rootFinding, withCentralManagement } from "../../root-user";
import { describeRootAccessKeys } from "./evidence-view";
import { rootAccessKeysEvidenceSchema } from "./evidence";
import { retireRootKeysSteps } from "./remediation";

export const rootAccessKeys = defineCheck({
  id: "root.access-keys",
  exercise: 1,
  title: "The root user has no active access key",
  severity: "critical",
  cis: ["1.4"],
  why: "Root access keys carry every permission in the account and no policy can restrict them; a leaked root key is a lost account, and nobody can tell where it is used.",
  evidence: rootAccessKeysEvidenceSchema,
  describeEvidence: describeRootAccessKeys,
  remediation: retireRootKeysSteps,
  evaluate(snapshot, _thresholds, check) {
    const root = readRootRow(snapshot);
    if ("row" in root) {
      const { row } = root;
      const keys = activeKeys(row);
      const evidence = {
        user: row.user,
        arn: row.arn,
        access_key_1_active: row.access_key_1_active,
        access_key_1_last_rotated: row.access_key_1_last_rotated,
        access_key_2_active: row.access_key_2_active,
        access_key_2_last_rotated: row.access_key_2_last_rotated,
      };
      return [
        rootFinding(
          check,
          snapshot,
          withCentralManagement(snapshot, row, {
            status: keys.length > 0 ? "fail" : "pass",
            evidence,
            reason:
              keys.length > 0
                ? `The root user has ${keys.length} active access key${keys.length > 1 ? "s" : ""} (key ${keys.map((key) => key.slot).join(" and ")}).`
                : "The root user has no active access key.",
          }),
        ),
      ];
    }
    // Without the report, GetAccountSummary still says whether root keys exist at all.
    const summary = globalPart(snapshot, "iam.accountSummary");
    const present = summary.available ? summary.data.AccountAccessKeysPresent : undefined;
    if (present === undefined) {
      return [unknownForAccount(check, snapshot, summary.available ? [root.unavailable] : [root.unavailable, summary.unavailable])];
    }
    return [
      rootFinding(check, snapshot, {
        status: present > 0 ? "fail" : "pass",
        evidence: { source: "iam:GetAccountSummary" as const, AccountAccessKeysPresent: present },
        reason:
          present > 0
            ? "GetAccountSummary reports that the root user has an access key (the credential report, which would say whether it is active, was unavailable)."
            : "GetAccountSummary reports no root access key.",
      }),
    ];
  },
});
