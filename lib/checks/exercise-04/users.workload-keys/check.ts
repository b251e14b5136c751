/**
 * Exercise 4, "Use Roles for EC2": no user exists only to hold long-lived keys for a workload;
 * one with administrator rights is high severity.
 */
import { activeKeys, isTrue, userRows } from "../../credential-report";
import { defineCheck } from "../../define-check";
import { accountRootArn, makeFinding, unknownForAccount } from "../../findings";
import { analyseIam } from "../../iam-analysis";
import { globalPart } from "../../part-access";
import { workloadKeysEvidenceSchema, type WorkloadKeysEvidence } from "./evidence";
import { describeWorkloadKeys } from "./evidence-view";
import { moveWorkloadToRoleSteps } from "./remediation";

export const usersWorkloadKeys = defineCheck({
  id: "users.workload-keys",
  exercise: 4,
  title: "No users exist only to hold long-lived keys for workloads",
  severity: "medium",
  why: "A user with access keys and no console password is a workload identity; its keys sit in files and pipelines where a role's temporary credentials belong (Cloud Security Fitness Guide, “Exercise #4: Use Roles for EC2”; “Managing Your AWS Credentials (Part 2)”).",
  evidence: workloadKeysEvidenceSchema,
  describeEvidence: describeWorkloadKeys,
  remediation: moveWorkloadToRoleSteps,
  evaluate(snapshot, _thresholds, check) {
    const report = globalPart(snapshot, "iam.credentialReport");
    if (!report.available) return [unknownForAccount(check, snapshot, [report.unavailable])];
    // Only key-only users are judged. Anyone else gets no finding rather than a pass that would
    // mean nothing and lift the score; deactivating the keys then reads as the resource leaving
    // the check, which closes its checklist item. With none at all, the account passes once.
    const keyOnlyRows = userRows(report.data).filter((row) => activeKeys(row).length > 0 && !isTrue(row.password_enabled));
    if (keyOnlyRows.length === 0) {
      return [
        makeFinding(check, {
          resourceId: accountRootArn(snapshot.accountId),
          resourceType: "account",
          resourceName: snapshot.accountId,
          status: "pass",
          evidence: { keyOnlyUsers: [] } satisfies WorkloadKeysEvidence as WorkloadKeysEvidence,
          reason: "No user holds active access keys without a console password.",
        }),
      ];
    }
    // The last-used service stays out of the evidence (it moves with every call); the reason names it.
    // Admin rights make such a key far worse; without readable IAM details they are unknown, not absent.
    // The details are read only here: the pass above rests on the credential report alone.
    const details = globalPart(snapshot, "iam.authorizationDetails");
    const iam = details.available ? analyseIam(details.data, snapshot) : undefined;
    return keyOnlyRows.map((row) => {
      const keys = activeKeys(row);
      const adminStatus = iam?.user(row.arn)?.status;
      const admin: boolean | "unknown" = adminStatus === "admin" ? true : adminStatus === "not_admin" ? false : "unknown";
      const services = [...new Set(keys.map((key) => key.lastUsedService).filter((service) => service !== "N/A"))];
      const adminText =
        admin === true
          ? ", with administrator rights"
          : admin === "unknown"
            ? `; whether it has administrator rights is unknown (${details.available ? "some of its policies could not be read" : details.unavailable.reason})`
            : "";
      return makeFinding(check, {
        resourceId: row.arn,
        resourceType: "user",
        resourceName: row.user,
        status: "fail",
        ...(admin === true ? { severity: "high" as const } : {}),
        evidence: { user: row.user, arn: row.arn, password_enabled: row.password_enabled, access_key_1_active: row.access_key_1_active, access_key_2_active: row.access_key_2_active, admin },
        reason: `${row.user} has ${keys.length} active access key${keys.length > 1 ? "s" : ""} and no console password${services.length ? ` (last used for ${services.join(", ")})` : ""}: a workload holding long-lived keys${adminText}.`,
      });
    });
  },
});
