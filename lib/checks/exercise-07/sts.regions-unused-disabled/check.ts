/**
 * Exercise 7, "Use IAM Roles with STS AssumeRole Where Possible" (seed 003: turn STS off in
 * regions you do not use).
 */
import { DEFAULT_ENABLED_REGIONS } from "@/lib/aws/regions";
import type { AccountSnapshot } from "@/lib/snapshot/schema";
import { defineCheck } from "../../define-check";
import { makeFinding, unknownForAccount, unknownForRegion } from "../../findings";
import { globalPart, unexaminedRegions } from "../../part-access";
import { regionUsage } from "../../region-usage";
import { describeStsRegion } from "./evidence-view";
import { ALWAYS_ACTIVE_REGION, stsRegionEvidenceSchema, type StsRegionEvidence } from "./evidence";
import { deactivateStsRegionSteps } from "./remediation";

/**
 * Regions the account had to enable itself. DescribeRegions says so; without it, every region
 * outside the default-enabled list may be one. STS in such a region answers AssumeRole only
 * when the region is active in the requesting account as well as the role's account
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html),
 * so a RegionDisabledException there may describe iamfit's own account, not the audited one.
 */
function isOptInRegion(snapshot: AccountSnapshot, region: string): boolean {
  const regions = globalPart(snapshot, "ec2.regions");
  const listed = regions.available ? regions.data.find((entry) => entry.regionName === region) : undefined;
  if (listed) return listed.optInStatus !== "opt-in-not-required";
  return !(DEFAULT_ENABLED_REGIONS as readonly string[]).includes(region);
}

export const stsRegionsUnusedDisabled = defineCheck({
  id: "sts.regions-unused-disabled",
  exercise: 7,
  title: "STS is active only in regions the account uses",
  severity: "medium",
  why: "Every region where STS is active is a place where stolen credentials can be exchanged for tokens; switching off unused regions shrinks that surface (AWS Advent 2016).",
  evidence: stsRegionEvidenceSchema,
  describeEvidence: describeStsRegion,
  remediation: deactivateStsRegionSteps,
  evaluate(snapshot, _thresholds, check) {
    const status = globalPart(snapshot, "sts.regionStatus");
    if (!status.available) return [unknownForAccount(check, snapshot, [status.unavailable])];
    const usage = regionUsage(snapshot);
    const unexamined = unexaminedRegions(snapshot);
    const probed = [...status.data.regions]
      .sort((a, b) => a.region.localeCompare(b.region))
      .map((state) => {
        const usedBy = usage.usedBy(state.region);
        const evidence: StsRegionEvidence = { region: state.region, status: state.status, errorCode: state.errorCode ?? null, probedAs: status.data.probedAs, usedBy };
        const base = {
          resourceId: `arn:aws:sts:${state.region}:${snapshot.accountId}:regional-endpoint`,
          resourceType: "region" as const,
          resourceName: state.region,
          region: state.region,
          evidence,
        };
        if (state.region === ALWAYS_ACTIVE_REGION) {
          return makeFinding(check, { ...base, status: "not_applicable", reason: "us-east-1 serves the global STS endpoint and cannot be deactivated." });
        }
        if (state.status === "unknown") {
          return makeFinding(check, { ...base, status: "unknown", reason: `The STS probe in ${state.region} failed${state.errorCode ? ` (${state.errorCode})` : ""}.` });
        }
        if (state.status === "disabled" && isOptInRegion(snapshot, state.region)) {
          return makeFinding(check, {
            ...base,
            evidence: { ...evidence, optInRegion: true },
            status: "unknown",
            reason: `STS refused iamfit in ${state.region} as deactivated, but in a region an account must enable itself STS must be active in iamfit's own account as well, so the refusal may come from iamfit's side.`,
          });
        }
        if (state.status === "disabled") {
          return makeFinding(check, { ...base, status: "pass", reason: `STS is deactivated in ${state.region}.` });
        }
        if (usedBy.length > 0) {
          return makeFinding(check, { ...base, status: "pass", reason: `STS is active in ${state.region}, which the account uses (${usedBy.join(", ")}).` });
        }
        const blind = usage.unavailableFor(state.region);
        if (blind.length > 0) {
          return makeFinding(check, {
            ...base,
            status: "unknown",
            reason: `STS is active in ${state.region}; whether the region is used cannot be told because ${blind.map((part) => part.reason).join("; ")}.`,
          });
        }
        return makeFinding(check, {
          ...base,
          status: "fail",
          reason: `STS is active in ${state.region}, where iamfit saw no instances, custom security groups, Auto Scaling groups, buckets, trails, or key or role use.`,
        });
      });
    return unexamined ? [...probed, unknownForRegion(check, unexamined.region ?? "", [unexamined])] : probed;
  },
});
