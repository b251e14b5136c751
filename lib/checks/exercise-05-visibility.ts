/**
 * Exercise 5, the checks that are about seeing what is used: unused principals, IAM Access
 * Analyzer and a multi-region CloudTrail trail (seed 004: "Enable CloudTrail … just do it").
 * Re-exported by exercise-05-least-privilege.ts with the rest of the exercise.
 */
import type { Trail } from "@/lib/snapshot/schema";
import { daysSince, reportDate, rowEvidence, userRows } from "./credential-report";
import { accountRootArn, makeFinding, unknownForAccount, unknownForRegion } from "./findings";
import { isServiceLinkedRole } from "./iam-analysis";
import { globalPart, isSkipped, regionalParts, type UnavailablePart } from "./part-access";
import type { CheckDefinition, Finding, JsonValue } from "./types";

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Evidence for "used recently": the last-use date of an active identity moves with every use,
 * and storing it would open a new finding interval each run (DESIGN.md, "Scale"). What the pass
 * rests on is that some use fell inside the window; the exact date stays in the reason.
 */
export function recentUseEvidence(facts: { [key: string]: JsonValue }, withinDays: number): JsonValue {
  return { ...facts, usedWithinDays: withinDays };
}

export const principalsUnused: CheckDefinition = {
  id: "principals.unused",
  exercise: 5,
  title: "Users and roles are used, or removed",
  severity: "medium",
  why: "An identity nobody uses still has permissions and credentials an attacker can use, and nobody notices when they do.",
  evaluate(snapshot, thresholds) {
    const limit = thresholds.principalUnusedDays;
    const findings: Finding[] = [];
    const unavailable: UnavailablePart[] = [];
    const report = globalPart(snapshot, "iam.credentialReport");
    if (report.available) {
      for (const row of userRows(report.data)) {
        const evidence = rowEvidence(row, ["user_creation_time", "password_last_used", "access_key_1_last_used_date", "access_key_2_last_used_date"]);
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
            makeFinding(principalsUnused, {
              ...base,
              ...(used ? { evidence: recentUseEvidence({ user: row.user, arn: row.arn, user_creation_time: row.user_creation_time }, limit) } : {}),
              status: used ? "pass" : "fail",
              reason: `${row.user} was last used ${days} days ago (${day(lastUse)}); the limit is ${limit} days.`,
            }),
          );
        } else if (created) {
          const days = daysSince(created, snapshot.collectedAt);
          findings.push(
            makeFinding(principalsUnused, {
              ...base,
              status: days >= limit ? "fail" : "pass",
              reason: `${row.user} has no recorded use since it was created ${days} days ago (${day(created)}).`,
            }),
          );
        } else {
          findings.push(makeFinding(principalsUnused, { ...base, status: "unknown", reason: `${row.user} has neither a use nor a creation date in the credential report.` }));
        }
      }
    } else unavailable.push(report.unavailable);
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (details.available) {
      for (const role of details.data.roles.filter((candidate) => !isServiceLinkedRole(candidate))) {
        const lastUsed = role.roleLastUsed.lastUsedDate;
        const evidence = { arn: role.arn, createDate: role.createDate ?? null, lastUsedDate: lastUsed ?? null, lastUsedRegion: role.roleLastUsed.region ?? null };
        const base = { resourceId: role.arn, resourceType: "role" as const, resourceName: role.roleName, evidence };
        // IAM may leave CreateDate out ("Required: No"): without it or a use, the role cannot be judged.
        const date = reportDate(lastUsed ?? role.createDate ?? "");
        if (!date) {
          findings.push(makeFinding(principalsUnused, { ...base, status: "unknown", reason: `${role.roleName} has no readable last-used or creation date.` }));
          continue;
        }
        const days = daysSince(date, snapshot.collectedAt);
        // RoleLastUsed covers the last 400 days; no date means no use in that window.
        const reason = lastUsed
          ? `${role.roleName} was last used ${days} days ago (${day(date)}); the limit is ${limit} days.`
          : `${role.roleName} has no recorded use since it was created ${days} days ago (${day(date)}).`;
        const used = lastUsed !== undefined && days < limit;
        findings.push(
          makeFinding(principalsUnused, {
            ...base,
            ...(used ? { evidence: recentUseEvidence({ arn: role.arn, createDate: role.createDate ?? null }, limit) } : {}),
            status: days >= limit ? "fail" : "pass",
            reason,
          }),
        );
      }
    } else unavailable.push(details.unavailable);
    if (unavailable.length > 0) findings.push(unknownForAccount(principalsUnused, snapshot, unavailable));
    return findings;
  },
};

/** Analyzers of external access; the unused-access analyzer types answer a different question. */
const EXTERNAL_ACCESS_TYPES = new Set(["ACCOUNT", "ORGANIZATION"]);

export const accessAnalyzerEnabled: CheckDefinition = {
  id: "accessanalyzer.enabled",
  exercise: 5,
  title: "IAM Access Analyzer is active in every enabled region",
  severity: "medium",
  cis: ["1.20"],
  why: "Access Analyzer reports resources shared outside the account or organization as soon as a policy allows it, which keeps grants as small as intended.",
  evaluate(snapshot) {
    return regionalParts(snapshot, "accessanalyzer.analyzers").flatMap((entry): Finding[] => {
      if (isSkipped(entry)) return [];
      const resource = { resourceId: `arn:aws:access-analyzer:${entry.region}:${snapshot.accountId}:analyzers`, resourceType: "region" as const };
      if (!entry.available) return [unknownForRegion(accessAnalyzerEnabled, entry.region, [entry.unavailable], resource)];
      const analyzers = entry.data
        .map((analyzer) => ({ name: analyzer.name, type: analyzer.type, status: analyzer.status }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const active = analyzers.filter((analyzer) => analyzer.status === "ACTIVE" && EXTERNAL_ACCESS_TYPES.has(analyzer.type));
      return [
        makeFinding(accessAnalyzerEnabled, {
          ...resource,
          resourceName: entry.region,
          region: entry.region,
          status: active.length > 0 ? "pass" : "fail",
          evidence: { region: entry.region, analyzers },
          reason:
            active.length > 0
              ? `Access Analyzer ${active.map((analyzer) => analyzer.name).join(", ")} is active in ${entry.region}.`
              : `No active external-access analyzer in ${entry.region}${analyzers.length ? ` (found: ${analyzers.map((a) => `${a.name} ${a.type} ${a.status}`).join(", ")})` : ""}.`,
        }),
      ];
    });
  },
};

function trailEvidence(trail: Trail) {
  return {
    trailArn: trail.trailArn,
    homeRegion: trail.homeRegion,
    isMultiRegionTrail: trail.isMultiRegionTrail,
    isOrganizationTrail: trail.isOrganizationTrail,
    // latestDeliveryTime changes every few minutes; it would make every run look like a change.
    isLogging: trail.status.ok ? trail.status.value.isLogging : null,
    statusError: trail.status.ok ? null : trail.status.error.code,
  };
}

export const cloudtrailMultiRegion: CheckDefinition = {
  id: "cloudtrail.multi-region",
  exercise: 5,
  title: "A multi-region CloudTrail trail is logging",
  severity: "high",
  cis: ["3.1"],
  why: "Without a record of API calls you cannot tell which permissions are used, what an attacker did, or right-size anything (“AWS IAM: Securing your Infrastructure”).",
  evaluate(snapshot) {
    const entries = regionalParts(snapshot, "cloudtrail.trails");
    // DescribeTrails lists a multi-region trail in every region (shadow trails); keep one per ARN, preferring a readable status.
    const trails = new Map<string, Trail>();
    const unavailable: UnavailablePart[] = [];
    for (const entry of entries) {
      if (isSkipped(entry)) continue;
      if (!entry.available) {
        unavailable.push(entry.unavailable);
        continue;
      }
      for (const trail of entry.data) {
        const known = trails.get(trail.trailArn);
        if (!known || (!known.status.ok && trail.status.ok)) trails.set(trail.trailArn, trail);
      }
    }
    const listed = [...trails.values()].sort((a, b) => a.trailArn.localeCompare(b.trailArn));
    const multiRegion = listed.filter((trail) => trail.isMultiRegionTrail);
    const logging = multiRegion.filter((trail) => trail.status.ok && trail.status.value.isLogging);
    const statusUnknown = multiRegion.filter((trail) => !trail.status.ok);
    const base = {
      resourceId: accountRootArn(snapshot.accountId),
      resourceType: "account" as const,
      resourceName: snapshot.accountId,
      evidence: { trails: listed.map(trailEvidence) },
    };
    if (logging.length > 0) {
      return [makeFinding(cloudtrailMultiRegion, { ...base, status: "pass", reason: `Multi-region trail ${logging.map((trail) => trail.name).join(", ")} is logging.` })];
    }
    if (entries.length === 0 || unavailable.length > 0 || statusUnknown.length > 0) {
      const reasons = [
        ...unavailable,
        ...statusUnknown.map((trail) => ({
          part: "cloudtrail.trails" as const,
          reason: `the status of trail ${trail.name} could not be read (${trail.status.ok ? "" : trail.status.error.code})`,
          evidence: { trailArn: trail.trailArn },
        })),
      ];
      if (entries.length === 0) reasons.push({ part: "cloudtrail.trails", reason: "no region's trails were collected", evidence: { part: "cloudtrail.trails", status: "missing" } });
      return [unknownForAccount(cloudtrailMultiRegion, snapshot, reasons)];
    }
    const reason =
      multiRegion.length > 0
        ? `Multi-region trail ${multiRegion.map((trail) => trail.name).join(", ")} exists but is not logging.`
        : listed.length > 0
          ? `No trail is multi-region (found: ${listed.map((trail) => trail.name).join(", ")}).`
          : "The account has no CloudTrail trail.";
    return [makeFinding(cloudtrailMultiRegion, { ...base, status: "fail", reason })];
  },
};
