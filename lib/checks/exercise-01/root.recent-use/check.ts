/**
 * Exercise 1, "Disable Root API Access Key and Secret Key": the root user's password and keys
 * were not used within the window (CIS 1.7): root is for the few tasks only root can do.
 */
import { daysSince } from "../../credential-report";
import { defineCheck } from "../../define-check";
import { unknownForAccount } from "../../findings";
import { readRootRow, rootFinding, withCentralManagement } from "../../root-user";
import { describeRootRecentUse } from "./evidence-view";
import { latestRootUse, rootRecentUseEvidenceSchema } from "./evidence";
import { lockRootAwaySteps } from "./remediation";

export const rootRecentUse = defineCheck({
  id: "root.recent-use",
  exercise: 1,
  title: "The root user was not used recently",
  severity: "high",
  cis: ["1.7"],
  why: "Everyday work as root means the most powerful credential is exposed every day; root should be locked away and needed only for the few tasks that require it.",
  evidence: rootRecentUseEvidenceSchema,
  describeEvidence: describeRootRecentUse,
  remediation: lockRootAwaySteps,
  evaluate(snapshot, thresholds, check) {
    const root = readRootRow(snapshot);
    if (!("row" in root)) return [unknownForAccount(check, snapshot, [root.unavailable])];
    const { row } = root;
    const evidence = {
      user: row.user,
      arn: row.arn,
      password_last_used: row.password_last_used,
      access_key_1_last_used_date: row.access_key_1_last_used_date,
      access_key_2_last_used_date: row.access_key_2_last_used_date,
    };
    const latest = latestRootUse(evidence);
    if (!latest) {
      return [rootFinding(check, snapshot, withCentralManagement(snapshot, row, { status: "pass", evidence, reason: "The credential report records no use of the root user." }))];
    }
    const days = daysSince(latest.date, snapshot.collectedAt);
    const recent = days < thresholds.rootRecentUseDays;
    return [
      rootFinding(check, snapshot, {
        status: recent ? "fail" : "pass",
        evidence,
        reason: `The root user was last used ${days} days ago (${latest.credential}, ${latest.date.toISOString().slice(0, 10)}); the limit is ${thresholds.rootRecentUseDays} days.`,
      }),
    ];
  },
});
