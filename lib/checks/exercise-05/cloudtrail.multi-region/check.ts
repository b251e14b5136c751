/**
 * Exercise 5 (CIS 3.1): a multi-region CloudTrail trail is logging ("Enable CloudTrail … just do
 * it"): you cannot right-size what you cannot see.
 */
import type { Trail } from "@/lib/snapshot/schema";
import { defineCheck } from "../../define-check";
import { accountRootArn, makeFinding, unknownForAccount } from "../../findings";
import { isSkipped, regionalParts, type UnavailablePart } from "../../part-access";
import { multiRegionTrailEvidenceSchema, type TrailEvidence } from "./evidence";
import { describeMultiRegionTrail } from "./evidence-view";
import { startMultiRegionTrailSteps } from "./remediation";

function trailEvidence(trail: Trail): TrailEvidence {
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

export const cloudtrailMultiRegion = defineCheck({
  id: "cloudtrail.multi-region",
  exercise: 5,
  title: "A multi-region CloudTrail trail is logging",
  severity: "high",
  cis: ["3.1"],
  why: "Without a record of API calls you cannot tell which permissions are used, what an attacker did, or right-size anything (“AWS IAM: Securing your Infrastructure”).",
  evidence: multiRegionTrailEvidenceSchema,
  describeEvidence: describeMultiRegionTrail,
  remediation: startMultiRegionTrailSteps,
  evaluate(snapshot, _thresholds, check) {
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
      return [makeFinding(check, { ...base, status: "pass", reason: `Multi-region trail ${logging.map((trail) => trail.name).join(", ")} is logging.` })];
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
      return [unknownForAccount(check, snapshot, reasons)];
    }
    const reason =
      multiRegion.length > 0
        ? `Multi-region trail ${multiRegion.map((trail) => trail.name).join(", ")} exists but is not logging.`
        : listed.length > 0
          ? `No trail is multi-region (found: ${listed.map((trail) => trail.name).join(", ")}).`
          : "The account has no CloudTrail trail.";
    return [makeFinding(check, { ...base, status: "fail", reason })];
  },
});
