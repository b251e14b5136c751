/** AutoScaling: DescribeAutoScalingGroups and DescribePolicies in the signing region (MaxRecords/NextToken). */
import type {
  AutoScalingGroup,
  AutoScalingGroupNamesType,
  AutoScalingGroupsType,
  DescribePoliciesType,
  PoliciesType,
  ScalingPolicy,
} from "@aws-sdk/client-auto-scaling";
import { awsError } from "@/lib/sandbox/aws-errors";
import { arns } from "@/lib/sandbox/identifiers";
import type { SandboxAccount, SandboxAutoScalingGroup, SandboxScalingPolicy } from "@/lib/sandbox/model";
import { decodePageToken, pageOf, pageSizeOf } from "@/lib/sandbox/pagination";
import { hashParts } from "@/lib/sandbox/prng";
import { inputOf, type Handler, type SandboxCall } from "@/lib/sandbox/handlers/types";

/** MaxRecords: default 50, maximum 100 (AutoScaling API reference). */
const ASG_PAGE = { default: 50, max: 100 };

function uuidFor(...parts: Array<string | number>): string {
  const hex = [0, 1, 2, 3].map((i) => hashParts(...parts, i).toString(16).padStart(8, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function asgPage<T>(call: SandboxCall, listing: string, items: T[], input: { MaxRecords?: number; NextToken?: string }) {
  const offset = decodePageToken(listing, input.NextToken);
  if (offset === undefined) {
    throw awsError({ service: "autoscaling", code: "InvalidNextToken", httpStatus: 400, requestId: call.requestId, message: "The token is not valid." });
  }
  return pageOf(listing, items, offset, pageSizeOf(input.MaxRecords, ASG_PAGE));
}

function renderGroup(call: SandboxCall, account: SandboxAccount, group: SandboxAutoScalingGroup): AutoScalingGroup {
  const instances = account.instances.filter((instance) => group.instanceIds.includes(instance.instanceId));
  const launchTemplate = {
    LaunchTemplateId: `lt-${uuidFor(call.world.seed, account.accountId, group.name).replaceAll("-", "").slice(0, 17)}`,
    LaunchTemplateName: group.launchTemplateName,
    Version: "$Latest",
  };
  const vpc = account.vpcs.find((candidate) => candidate.region === group.region && candidate.isDefault);
  return {
    AutoScalingGroupName: group.name,
    AutoScalingGroupARN: arns.autoScalingGroup(account.accountId, group.region, group.name, uuidFor(call.world.seed, account.accountId, "asg", group.name)),
    LaunchTemplate: launchTemplate,
    MinSize: group.minSize,
    MaxSize: group.maxSize,
    DesiredCapacity: group.desiredCapacity,
    DefaultCooldown: 300,
    AvailabilityZones: [...new Set(instances.map((instance) => instance.availabilityZone))].sort(),
    LoadBalancerNames: [...group.loadBalancerNames],
    TargetGroupARNs: [...group.targetGroupArns],
    HealthCheckType: group.targetGroupArns.length > 0 ? "ELB" : "EC2",
    HealthCheckGracePeriod: 300,
    Instances: instances.map((instance) => ({
      InstanceId: instance.instanceId,
      InstanceType: instance.instanceType,
      AvailabilityZone: instance.availabilityZone,
      LifecycleState: "InService",
      HealthStatus: "Healthy",
      LaunchTemplate: launchTemplate,
      ProtectedFromScaleIn: false,
    })),
    CreatedTime: new Date(group.createdAt),
    SuspendedProcesses: [],
    VPCZoneIdentifier: vpc?.subnetIds.join(","),
    EnabledMetrics: [],
    Tags: [],
    TerminationPolicies: ["Default"],
    NewInstancesProtectedFromScaleIn: false,
    ServiceLinkedRoleARN: `arn:aws:iam::${account.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
  };
}

const describeAutoScalingGroups: Handler = (call): AutoScalingGroupsType => {
  const input = inputOf<AutoScalingGroupNamesType>(call);
  if (input.Filters?.length) {
    throw awsError({ service: "autoscaling", code: "ValidationError", httpStatus: 400, requestId: call.requestId, message: "The iamfit sandbox does not support DescribeAutoScalingGroups filters." });
  }
  const groups = call.account.autoScalingGroups
    .filter((group) => group.region === call.region)
    .filter((group) => !input.AutoScalingGroupNames?.length || input.AutoScalingGroupNames.includes(group.name));
  const page = asgPage(call, "DescribeAutoScalingGroups", groups, input);
  return { AutoScalingGroups: page.items.map((group) => renderGroup(call, call.account, group)), NextToken: page.nextToken };
};

function renderPolicy(call: SandboxCall, policy: SandboxScalingPolicy): ScalingPolicy {
  const id = uuidFor(call.world.seed, call.account.accountId, "scaling-policy", policy.autoScalingGroupName, policy.policyName);
  const base: ScalingPolicy = {
    AutoScalingGroupName: policy.autoScalingGroupName,
    PolicyName: policy.policyName,
    PolicyARN: arns.scalingPolicy(call.account.accountId, policy.region, policy.autoScalingGroupName, policy.policyName, id),
    PolicyType: policy.policyType,
    Alarms: [],
    Enabled: true,
  };
  if (policy.policyType === "TargetTrackingScaling") {
    base.TargetTrackingConfiguration = {
      PredefinedMetricSpecification: { PredefinedMetricType: "ASGAverageCPUUtilization" },
      TargetValue: 50,
      DisableScaleIn: false,
    };
  } else if (policy.policyType === "StepScaling" || policy.policyType === "SimpleScaling") {
    base.AdjustmentType = "ChangeInCapacity";
    if (policy.policyType === "StepScaling") base.StepAdjustments = [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }];
    else base.ScalingAdjustment = 1;
  }
  return base;
}

const describePolicies: Handler = (call): PoliciesType => {
  const input = inputOf<DescribePoliciesType>(call);
  const policies = call.account.scalingPolicies
    .filter((policy) => policy.region === call.region)
    .filter((policy) => !input.AutoScalingGroupName || policy.autoScalingGroupName === input.AutoScalingGroupName)
    .filter((policy) => !input.PolicyNames?.length || input.PolicyNames.includes(policy.policyName))
    .filter((policy) => !input.PolicyTypes?.length || input.PolicyTypes.includes(policy.policyType));
  const page = asgPage(call, "DescribePolicies", policies, input);
  return { ScalingPolicies: page.items.map((policy) => renderPolicy(call, policy)), NextToken: page.nextToken };
};

export const autoScalingHandlers: Record<string, Handler> = {
  DescribeAutoScalingGroups: describeAutoScalingGroups,
  DescribePolicies: describePolicies,
};
