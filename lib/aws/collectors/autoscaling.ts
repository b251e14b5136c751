/** AutoScaling groups and their scaling policies, per region (exercise 8). */
import {
  paginateDescribeAutoScalingGroups,
  paginateDescribePolicies,
  type AutoScalingGroup,
  type ScalingPolicy,
} from "@aws-sdk/client-auto-scaling";
import { autoScalingSchema, type AutoScaling } from "@/lib/snapshot/schema";
import type { AccountClients } from "../client-factory";
import { awsCall, validatePart } from "./aws-call";
import { sortBy, sortedStrings } from "./sdk-values";

export async function collectAutoScaling(clients: AccountClients, region: string, signal?: AbortSignal): Promise<AutoScaling> {
  const client = clients.autoScaling(region);
  const [groups, policies] = await Promise.all([
    awsCall("autoscaling:DescribeAutoScalingGroups", region, async () => {
      const all: AutoScalingGroup[] = [];
      for await (const page of paginateDescribeAutoScalingGroups({ client, pageSize: 100 }, {}, { abortSignal: signal })) {
        all.push(...(page.AutoScalingGroups ?? []));
      }
      return all;
    }),
    awsCall("autoscaling:DescribePolicies", region, async () => {
      const all: ScalingPolicy[] = [];
      for await (const page of paginateDescribePolicies({ client, pageSize: 50 }, {}, { abortSignal: signal })) {
        all.push(...(page.ScalingPolicies ?? []));
      }
      return all;
    }),
  ]);
  const data = {
    groups: sortBy(
      groups.map((group) => ({
        name: group.AutoScalingGroupName,
        ...(group.AutoScalingGroupARN ? { arn: group.AutoScalingGroupARN } : {}),
        minSize: group.MinSize,
        maxSize: group.MaxSize,
        desiredCapacity: group.DesiredCapacity,
        instanceIds: sortedStrings(group.Instances?.map((instance) => instance.InstanceId)),
        loadBalancerNames: sortedStrings(group.LoadBalancerNames),
        targetGroupArns: sortedStrings(group.TargetGroupARNs),
      })),
      (group) => group.name ?? "",
    ),
    policies: sortBy(
      policies.map((policy) => ({
        policyName: policy.PolicyName,
        autoScalingGroupName: policy.AutoScalingGroupName,
        ...(policy.PolicyType ? { policyType: policy.PolicyType } : {}),
      })),
      (policy) => `${policy.autoScalingGroupName ?? ""}\u0000${policy.policyName ?? ""}`,
    ),
  };
  return validatePart(autoScalingSchema, data, "autoscaling:DescribeAutoScalingGroups", region);
}
