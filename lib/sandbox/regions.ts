import { DEFAULT_ENABLED_REGIONS } from "@/lib/aws/regions";

/**
 * Commercial AWS regions as ec2:DescribeRegions reports them. The 17 regions enabled by
 * default ("opt-in-not-required") and a selection of opt-in regions (launched after
 * March 2019, disabled until an account opts in).
 * Source: https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html
 */
/** The sandbox enables the same default regions the collector falls back to. */
export const DEFAULT_REGIONS = DEFAULT_ENABLED_REGIONS;

export const OPT_IN_REGIONS = [
  "af-south-1",
  "ap-east-1",
  "ap-south-2",
  "ap-southeast-3",
  "eu-central-2",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-central-1",
  "me-south-1",
] as const;

export const ALL_REGIONS: readonly string[] = [...DEFAULT_REGIONS, ...OPT_IN_REGIONS].sort();

const defaultRegionSet = new Set<string>(DEFAULT_REGIONS);
const knownRegionSet = new Set<string>(ALL_REGIONS);

export function isDefaultRegion(region: string): boolean {
  return defaultRegionSet.has(region);
}

export function isKnownRegion(region: string): boolean {
  return knownRegionSet.has(region);
}

/** The three availability zones the sandbox uses per region ("eu-west-1a" …). */
export function availabilityZones(region: string): string[] {
  return ["a", "b", "c"].map((suffix) => `${region}${suffix}`);
}

/** us-east-1 serves the global STS endpoint and cannot be deactivated (IAM user guide, "Manage AWS STS in an AWS Region"). */
export const STS_ALWAYS_ACTIVE_REGION = "us-east-1";
