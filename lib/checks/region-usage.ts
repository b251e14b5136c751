/**
 * Which regions the account uses, as far as the snapshot shows: resources that live in a region
 * and the regions where keys and roles were last used. No API lists "regions in use"; this is
 * the evidence sts.regions-unused-disabled weighs.
 */
import type { AccountSnapshot } from "@/lib/snapshot/schema";
import { accessKeySlots, userRows } from "./credential-report";
import { globalPart, isSkipped, regionalParts, type UnavailablePart } from "./part-access";

export interface RegionUsage {
  /** Labels of what shows the region is used, sorted; empty when nothing does. */
  usedBy(region: string): string[];
  /** Facts that would be needed to call the region unused but could not be read. */
  unavailableFor(region: string): UnavailablePart[];
}

export function regionUsage(snapshot: AccountSnapshot): RegionUsage {
  const used = new Map<string, Set<string>>();
  const mark = (region: string | undefined, label: string) => {
    if (!region || region === "N/A") return;
    const labels = used.get(region) ?? new Set<string>();
    labels.add(label);
    used.set(region, labels);
  };
  const blind = new Map<string, UnavailablePart[]>();
  const blindEverywhere: UnavailablePart[] = [];
  const markBlind = (region: string, part: UnavailablePart) => blind.set(region, [...(blind.get(region) ?? []), part]);

  for (const entry of regionalParts(snapshot, "ec2.instances")) {
    if (isSkipped(entry)) continue;
    if (!entry.available) markBlind(entry.region, entry.unavailable);
    // An instance whose state EC2 left out ("unknown") is no evidence of use.
    else if (entry.data.some((instance) => instance.state !== "terminated" && instance.state !== "unknown")) mark(entry.region, "instances");
  }
  for (const entry of regionalParts(snapshot, "ec2.securityGroups")) {
    if (isSkipped(entry)) continue;
    // Every VPC comes with a default group, so only groups someone created show use.
    if (!entry.available) markBlind(entry.region, entry.unavailable);
    else if (entry.data.some((group) => group.groupName !== undefined && group.groupName !== "default")) mark(entry.region, "security groups");
  }
  for (const entry of regionalParts(snapshot, "autoscaling.groups")) {
    if (isSkipped(entry)) continue;
    if (!entry.available) markBlind(entry.region, entry.unavailable);
    else if (entry.data.groups.length > 0) mark(entry.region, "Auto Scaling groups");
  }
  for (const entry of regionalParts(snapshot, "cloudtrail.trails")) {
    if (entry.available) for (const trail of entry.data) mark(trail.homeRegion, "trails");
  }
  const buckets = globalPart(snapshot, "s3.buckets");
  if (buckets.available) for (const bucket of buckets.data) mark(bucket.region, "buckets");
  else blindEverywhere.push(buckets.unavailable);
  const details = globalPart(snapshot, "iam.authorizationDetails");
  if (details.available) for (const role of details.data.roles) mark(role.roleLastUsed.region, "role use");
  const report = globalPart(snapshot, "iam.credentialReport");
  if (report.available) {
    for (const row of userRows(report.data)) for (const key of accessKeySlots(row)) mark(key.lastUsedRegion, "access key use");
  }

  return {
    usedBy: (region) => [...(used.get(region) ?? [])].sort(),
    unavailableFor: (region) => [...(blind.get(region) ?? []), ...blindEverywhere],
  };
}
