/**
 * Exercise 5, "Least Privilege": users and roles are used, or removed. An identity nobody uses
 * still has permissions and credentials, and nobody notices when someone else uses them.
 */
import { daysSince, reportDate, userRows } from "../../credential-report";
import { defineCheck } from "../../define-check";
import type { UnknownEvidence } from "../../evidence/unknown";
import { makeFinding, unknownForAccount } from "../../findings";
import { isServiceLinkedRole } from "../../iam-analysis";
import { globalPart, type UnavailablePart } from "../../part-access";
import { recentUseEvidence } from "../../recent-use";
import type { Finding } from "../../types";
import { principalsUnusedEvidenceSchema, type PrincipalsUnusedEvidence } from "./evidence";
import { describePrincipalsUnused } from "./evidence-view";
import { retireUnusedSteps } from "./remediation";

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const principalsUnused = defineCheck({
  id: "principals.unused",
  exercise: 5,
  title: "Users and roles are used, or removed",
  severity: "medium",
  why: "An identity nobody uses still has permissions and credentials an attacker can use, and nobody notices when they do.",
  evidence: principalsUnusedEvidenceSchema,
  describeEvidence: describePrincipalsUnused,
  remediation: retireUnusedSteps,
  evaluate(snapshot, thresholds, check) {
    const limit = thresholds.principalUnusedDays;
    const findings: Array<Finding<PrincipalsUnusedEvidence> | Finding<UnknownEvidence>> = [];
    const unavailable: UnavailablePart[] = [];
    const report = globalPart(snapshot, "iam.credentialReport");
    if (report.available) {
      for (const row of userRows(report.data)) {
        const evidence: PrincipalsUnusedEvidence = {
          user: row.user,
          arn: row.arn,
          user_creation_time: row.user_creation_time,
          password_last_used: row.password_last_used,
          access_key_1_last_used_date: row.access_key_1_last_used_date,
          access_key_2_last_used_date: row.access_key_2_last_used_date,
        };
        const base = { resourceId: row.arn, resourceType: "user" as const, resourceName: row.user, evidence };
        const lastUse = [row.password_last_used, row.access_key_1_last_used_date, row.access_key_2_last_used_date]
          .map(reportDate)
          .filter((date): date is Date => date !== undefined)
          .sort((a, b) => b.getTime() - a.getTime())[0];
        const created = reportDate(row.user_creation_time);
        if (lastUse) {
          const days = daysSince(lastUse, snapshot.collectedAt);
          const used = days < limit;
          findings.push(
            makeFinding(check, {
              ...base,
              ...(used ? { evidence: recentUseEvidence({ user: row.user, arn: row.arn, user_creation_time: row.user_creation_time }, limit) } : {}),
              status: used ? "pass" : "fail",
              reason: `${row.user} was last used ${days} days ago (${day(lastUse)}); the limit is ${limit} days.`,
            }),
          );
        } else if (created) {
          const days = daysSince(created, snapshot.collectedAt);
          findings.push(
            makeFinding(check, {
              ...base,
              status: days >= limit ? "fail" : "pass",
              reason: `${row.user} has no recorded use since it was created ${days} days ago (${day(created)}).`,
            }),
          );
        } else {
          findings.push(makeFinding(check, { ...base, status: "unknown", reason: `${row.user} has neither a use nor a creation date in the credential report.` }));
        }
      }
    } else unavailable.push(report.unavailable);
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (details.available) {
      for (const role of details.data.roles.filter((candidate) => !isServiceLinkedRole(candidate))) {
        const lastUsed = role.roleLastUsed.lastUsedDate;
        const evidence: PrincipalsUnusedEvidence = { arn: role.arn, createDate: role.createDate ?? null, lastUsedDate: lastUsed ?? null, lastUsedRegion: role.roleLastUsed.region ?? null };
        const base = { resourceId: role.arn, resourceType: "role" as const, resourceName: role.roleName, evidence };
        // IAM may leave CreateDate out ("Required: No"): without it or a use, the role cannot be judged.
        const date = reportDate(lastUsed ?? role.createDate ?? "");
        if (!date) {
          findings.push(makeFinding(check, { ...base, status: "unknown", reason: `${role.roleName} has no readable last-used or creation date.` }));
          continue;
        }
        const days = daysSince(date, snapshot.collectedAt);
        // RoleLastUsed covers the last 400 days; no date means no use in that window.
        const reason = lastUsed
          ? `${role.roleName} was last used ${days} days ago (${day(date)}); the limit is ${limit} days.`
          : `${role.roleName} has no recorded use since it was created ${days} days ago (${day(date)}).`;
        const used = lastUsed !== undefined && days < limit;
        findings.push(
          makeFinding(check, {
            ...base,
            ...(used ? { evidence: recentUseEvidence({ arn: role.arn, createDate: role.createDate ?? null }, limit) } : {}),
            status: days >= limit ? "fail" : "pass",
            reason,
          }),
        );
      }
    } else unavailable.push(details.unavailable);
    if (unavailable.length > 0) findings.push(unknownForAccount(check, snapshot, unavailable));
    return findings;
  },
});
