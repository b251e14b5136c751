/**
 * The build context every account builder receives (seed, day, PRNG stream), seeded dates, and
 * the account skeleton: identity, tags, and the default VPC and security group per enabled
 * region. IAM factories live in iam-builder.ts, regional resources in resource-builder.ts.
 */
import { canonicalUserId, ec2Id } from "@/lib/sandbox/identifiers";
import type { AccountEnv, SandboxAccount, SandboxSecurityGroup, SandboxTag, SandboxVpc, SecurityGroupRule } from "@/lib/sandbox/model";
import { createRng, type Rng } from "@/lib/sandbox/prng";
import { availabilityZones, DEFAULT_REGIONS } from "@/lib/sandbox/regions";

const DAY_MS = 86_400_000;

/** World-wide facts a builder may need. */
export interface WorldFacts {
  seed: number;
  /** `now` truncated to the UTC day: every fact date is at or before it. */
  today: Date;
  baseAccountId: string;
  managementAccountId: string;
  organizationId: string;
  externalId: string;
}

export interface BuildContext extends WorldFacts {
  accountId: string;
  /** Stream for dates and choices; ids never come from it (see identifiers.ts). */
  rng: Rng;
}

export function buildContext(world: WorldFacts, accountId: string): BuildContext {
  return { ...world, accountId, rng: createRng(world.seed, accountId, "build") };
}

/** A moment `days` days before today, at a seeded time of that day (never in the future). */
export function daysAgo(ctx: BuildContext, days: number): Date {
  const seconds = ctx.rng.int(60, 12 * 3600);
  return new Date(ctx.today.getTime() - days * DAY_MS - seconds * 1000);
}

export function tags(record: Record<string, string>): SandboxTag[] {
  return Object.entries(record).map(([key, value]) => ({ key, value }));
}

export function enabledRegions(account: Pick<SandboxAccount, "optedInRegions">): string[] {
  return [...DEFAULT_REGIONS, ...account.optedInRegions].sort();
}

/** `enabledRegions(account).includes(region)` without building the list: asked on every call. */
export function isRegionEnabled(account: Pick<SandboxAccount, "optedInRegions">, region: string): boolean {
  return (DEFAULT_REGIONS as readonly string[]).includes(region) || account.optedInRegions.includes(region);
}

// ---------------------------------------------------------------------------------------------
// Network

export const ALL_TRAFFIC: SecurityGroupRule = { protocol: "-1", ipv4: ["0.0.0.0/0"], ipv6: [], groupIds: [], prefixListIds: [] };

export function tcpRule(port: number | [number, number], sources: { ipv4?: string[]; ipv6?: string[]; groupIds?: string[] }): SecurityGroupRule {
  const [fromPort, toPort] = typeof port === "number" ? [port, port] : port;
  return {
    protocol: "tcp",
    fromPort,
    toPort,
    ipv4: sources.ipv4 ?? [],
    ipv6: sources.ipv6 ?? [],
    groupIds: sources.groupIds ?? [],
    prefixListIds: [],
  };
}

/** A default VPC and its default security group in each enabled region, as every account starts with. */
export function defaultNetwork(
  ctx: BuildContext,
  regions: string[],
  defaultGroupRules: "aws-default" | "none",
): { vpcs: SandboxVpc[]; securityGroups: SandboxSecurityGroup[] } {
  const vpcs: SandboxVpc[] = [];
  const securityGroups: SandboxSecurityGroup[] = [];
  for (const region of regions) {
    const vpcId = ec2Id(ctx.seed, ctx.accountId, "vpc", `default-${region}`);
    vpcs.push({
      vpcId,
      region,
      cidr: "172.31.0.0/16",
      isDefault: true,
      subnetIds: availabilityZones(region).map((zone) => ec2Id(ctx.seed, ctx.accountId, "subnet", `default-${zone}`)),
    });
    const groupId = ec2Id(ctx.seed, ctx.accountId, "sg", `default-${region}`);
    // AWS's default group: all traffic from members of the group itself, all traffic out.
    securityGroups.push({
      groupId,
      groupName: "default",
      description: "default VPC security group",
      vpcId,
      region,
      ingress:
        defaultGroupRules === "aws-default"
          ? [{ protocol: "-1", ipv4: [], ipv6: [], groupIds: [groupId], prefixListIds: [] }]
          : [],
      egress: defaultGroupRules === "aws-default" ? [ALL_TRAFFIC] : [],
      tags: [],
    });
  }
  return { vpcs, securityGroups };
}

export interface AccountIdentity {
  accountId: string;
  name: string;
  env: AccountEnv;
  team: string;
  posture: string;
  createdDaysAgo: number;
  optedInRegions?: string[];
  extraTags?: Record<string, string>;
}

export function accountEmail(name: string): string {
  return `aws+${name}@example.com`;
}

export function accountTags(identity: Pick<AccountIdentity, "env" | "team" | "extraTags">): Record<string, string> {
  return { env: identity.env, team: identity.team, ...identity.extraTags };
}

/** An account with AWS defaults only: a root user, default VPCs with AWS's default security groups. */
export function baseAccount(ctx: BuildContext, identity: AccountIdentity): SandboxAccount {
  const optedInRegions = [...(identity.optedInRegions ?? [])].sort();
  const network = defaultNetwork(ctx, enabledRegions({ optedInRegions }), "aws-default");
  return {
    accountId: ctx.accountId,
    name: identity.name,
    email: accountEmail(identity.name),
    env: identity.env,
    team: identity.team,
    posture: identity.posture,
    tags: accountTags(identity),
    createdAt: daysAgo(ctx, identity.createdDaysAgo),
    canonicalUserId: canonicalUserId(ctx.seed, ctx.accountId),
    optedInRegions,
    stsDeactivatedRegions: [],
    globalEndpointTokenVersion: 1,
    root: { credentialsManagedCentrally: false, password: {}, accessKeys: [] },
    users: [],
    groups: [],
    roles: [],
    policies: [],
    vpcs: network.vpcs,
    securityGroups: network.securityGroups,
    instances: [],
    autoScalingGroups: [],
    scalingPolicies: [],
    trails: [],
    analyzers: [],
    buckets: [],
  };
}

/** Removes every rule from the default security groups (CIS 5.4 remediation). */
export function closeDefaultSecurityGroups(account: SandboxAccount): void {
  for (const group of account.securityGroups) {
    if (group.groupName === "default") {
      group.ingress = [];
      group.egress = [];
    }
  }
}
