/**
 * Factories for regional resources (EC2, AutoScaling, S3, CloudTrail, Access Analyzer) that
 * add themselves to an account, so curated definitions read as a list of facts.
 */
import { daysAgo, enabledRegions, tags, type BuildContext } from "@/lib/sandbox/account-builder";
import { ec2Id, privateIp, publicIp } from "@/lib/sandbox/identifiers";
import type {
  AclGrant,
  PolicyDocument,
  PublicAccessBlockSettings,
  SandboxAccount,
  SandboxAnalyzer,
  SandboxBucket,
  SandboxInstance,
  SandboxScalingPolicy,
  SandboxSecurityGroup,
  SandboxTrail,
  SecurityGroupRule,
} from "@/lib/sandbox/model";
import { availabilityZones } from "@/lib/sandbox/regions";

export const ALL_USERS_URI = "http://acs.amazonaws.com/groups/global/AllUsers";
export const AUTHENTICATED_USERS_URI = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

export const ALL_BLOCKED: PublicAccessBlockSettings = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};

function defaultVpc(account: SandboxAccount, region: string) {
  const vpc = account.vpcs.find((candidate) => candidate.region === region && candidate.isDefault);
  if (!vpc) throw new Error(`sandbox: account ${account.accountId} has no VPC in ${region}`);
  return vpc;
}

export function defaultSecurityGroupId(account: SandboxAccount, region: string): string {
  const group = account.securityGroups.find((candidate) => candidate.region === region && candidate.groupName === "default");
  if (!group) throw new Error(`sandbox: account ${account.accountId} has no default security group in ${region}`);
  return group.groupId;
}

export interface SecurityGroupSpec {
  region: string;
  name: string;
  description?: string;
  ingress: SecurityGroupRule[];
  egress?: SecurityGroupRule[];
  tags?: Record<string, string>;
}

export function addSecurityGroup(ctx: BuildContext, account: SandboxAccount, spec: SecurityGroupSpec): SandboxSecurityGroup {
  const group: SandboxSecurityGroup = {
    groupId: ec2Id(ctx.seed, ctx.accountId, "sg", `${spec.region}/${spec.name}`),
    groupName: spec.name,
    description: spec.description ?? `${spec.name} security group`,
    vpcId: defaultVpc(account, spec.region).vpcId,
    region: spec.region,
    ingress: spec.ingress,
    egress: spec.egress ?? [{ protocol: "-1", ipv4: ["0.0.0.0/0"], ipv6: [], groupIds: [], prefixListIds: [] }],
    tags: tags(spec.tags ?? {}),
  };
  account.securityGroups.push(group);
  return group;
}

export interface InstanceSpec {
  region: string;
  name: string;
  state?: SandboxInstance["state"];
  instanceType?: string;
  launchedDaysAgo: number;
  instanceProfileName?: string;
  securityGroupIds: string[];
  publicIp?: boolean;
  autoScalingGroupName?: string;
  tags?: Record<string, string>;
}

export function addInstance(ctx: BuildContext, account: SandboxAccount, spec: InstanceSpec): SandboxInstance {
  const vpc = defaultVpc(account, spec.region);
  const zoneIndex = ctx.rng.int(0, 2);
  const key = `${spec.region}/${spec.name}`;
  const instanceTags: Record<string, string> = { Name: spec.name, ...spec.tags };
  if (spec.autoScalingGroupName) instanceTags["aws:autoscaling:groupName"] = spec.autoScalingGroupName;
  const instance: SandboxInstance = {
    instanceId: ec2Id(ctx.seed, ctx.accountId, "i", key),
    region: spec.region,
    availabilityZone: availabilityZones(spec.region)[zoneIndex] ?? `${spec.region}a`,
    state: spec.state ?? "running",
    instanceType: spec.instanceType ?? "t3.medium",
    imageId: ec2Id(ctx.seed, "amazon", "ami", `${spec.region}/al2023`),
    launchTime: daysAgo(ctx, spec.launchedDaysAgo),
    instanceProfileName: spec.instanceProfileName,
    securityGroupIds: spec.securityGroupIds,
    publicIp: spec.publicIp && (spec.state ?? "running") === "running" ? publicIp(ctx.seed, ctx.accountId, key) : undefined,
    privateIp: privateIp(ctx.seed, ctx.accountId, key),
    vpcId: vpc.vpcId,
    subnetId: vpc.subnetIds[zoneIndex] ?? vpc.subnetIds[0] ?? "",
    tags: tags(instanceTags),
  };
  account.instances.push(instance);
  return instance;
}

export interface AutoScalingSpec {
  region: string;
  name: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  createdDaysAgo: number;
  instanceProfileName?: string;
  securityGroupIds: string[];
  instanceType?: string;
  targetGroupName?: string;
  policies?: SandboxScalingPolicy["policyType"][];
}

/** An AutoScaling group with `desiredCapacity` running instances and optional scaling policies. */
export function addAutoScalingGroup(ctx: BuildContext, account: SandboxAccount, spec: AutoScalingSpec): void {
  const instanceIds: string[] = [];
  for (let i = 1; i <= spec.desiredCapacity; i++) {
    const instance = addInstance(ctx, account, {
      region: spec.region,
      name: `${spec.name}-${i}`,
      launchedDaysAgo: ctx.rng.int(1, 30),
      instanceType: spec.instanceType,
      instanceProfileName: spec.instanceProfileName,
      securityGroupIds: spec.securityGroupIds,
      autoScalingGroupName: spec.name,
    });
    instanceIds.push(instance.instanceId);
  }
  const targetGroupArns = spec.targetGroupName
    ? [
        `arn:aws:elasticloadbalancing:${spec.region}:${ctx.accountId}:targetgroup/${spec.targetGroupName}/${ec2Id(ctx.seed, ctx.accountId, "r", spec.targetGroupName).slice(2, 18)}`,
      ]
    : [];
  account.autoScalingGroups.push({
    name: spec.name,
    region: spec.region,
    minSize: spec.minSize,
    maxSize: spec.maxSize,
    desiredCapacity: spec.desiredCapacity,
    instanceIds,
    loadBalancerNames: [],
    targetGroupArns,
    launchTemplateName: `${spec.name}-lt`,
    createdAt: daysAgo(ctx, spec.createdDaysAgo),
  });
  for (const [index, policyType] of (spec.policies ?? []).entries()) {
    account.scalingPolicies.push({
      policyName: policyType === "TargetTrackingScaling" ? `${spec.name}-cpu50` : `${spec.name}-scale-${index + 1}`,
      autoScalingGroupName: spec.name,
      region: spec.region,
      policyType,
    });
  }
}

export interface BucketSpec {
  name: string;
  region: string;
  createdDaysAgo: number;
  policy?: PolicyDocument;
  /** Extra ACL grants besides the owner's FULL_CONTROL. */
  grants?: AclGrant[];
  publicAccessBlock?: PublicAccessBlockSettings;
  tags?: Record<string, string>;
}

export function addBucket(ctx: BuildContext, account: SandboxAccount, spec: BucketSpec): SandboxBucket {
  const bucket: SandboxBucket = {
    name: spec.name,
    region: spec.region,
    createdAt: daysAgo(ctx, spec.createdDaysAgo),
    policy: spec.policy,
    aclGrants: [
      { granteeType: "CanonicalUser", id: account.canonicalUserId, permission: "FULL_CONTROL" },
      ...(spec.grants ?? []),
    ],
    publicAccessBlock: spec.publicAccessBlock,
    tags: tags(spec.tags ?? {}),
  };
  account.buckets.push(bucket);
  return bucket;
}

export function groupGrant(uri: string, permission: AclGrant["permission"]): AclGrant {
  return { granteeType: "Group", uri, permission };
}

export interface TrailSpec {
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  organization?: boolean;
  s3BucketName: string;
  logFileValidation?: boolean;
  logging: boolean;
  /** For a stopped trail: when logging stopped. */
  stoppedDaysAgo?: number;
}

export function addTrail(ctx: BuildContext, account: SandboxAccount, spec: TrailSpec): SandboxTrail {
  const trail: SandboxTrail = {
    name: spec.name,
    homeRegion: spec.homeRegion,
    multiRegion: spec.multiRegion,
    organization: spec.organization ?? false,
    s3BucketName: spec.s3BucketName,
    logFileValidation: spec.logFileValidation ?? true,
    logging: spec.logging,
    startedAt: daysAgo(ctx, 300),
    stoppedAt: spec.logging ? undefined : daysAgo(ctx, spec.stoppedDaysAgo ?? 30),
    latestDeliveryAt: spec.logging ? daysAgo(ctx, 0) : daysAgo(ctx, spec.stoppedDaysAgo ?? 30),
  };
  account.trails.push(trail);
  return trail;
}

/** Access Analyzer in the given regions ("all" = every enabled region). */
export function addAnalyzers(
  ctx: BuildContext,
  account: SandboxAccount,
  regions: string[] | "all",
  type: SandboxAnalyzer["type"] = "ACCOUNT",
): void {
  const chosen = regions === "all" ? enabledRegions(account) : regions;
  for (const region of chosen) {
    account.analyzers.push({
      name: type.startsWith("ORGANIZATION") ? "org-analyzer" : `analyzer-${region}`,
      region,
      type,
      status: "ACTIVE",
      createdAt: daysAgo(ctx, 200),
    });
  }
}
