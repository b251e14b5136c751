import { describe, expect, it } from "vitest";
import { stubbedAccountClients } from "../testing/test-clients";
import { collectAutoScaling } from "./autoscaling";

describe("collectAutoScaling", () => {
  it("collects groups and scaling policies across pages", async () => {
    const { clients } = stubbedAccountClients({
      DescribeAutoScalingGroups: (input: { NextToken?: string }) =>
        input.NextToken
          ? { AutoScalingGroups: [{ AutoScalingGroupName: "api", MinSize: 2, MaxSize: 2, DesiredCapacity: 2 }] }
          : {
              AutoScalingGroups: [
                {
                  AutoScalingGroupName: "web",
                  AutoScalingGroupARN: "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1:autoScalingGroupName/web",
                  MinSize: 1,
                  MaxSize: 4,
                  DesiredCapacity: 2,
                  Instances: [{ InstanceId: "i-2" }, { InstanceId: "i-1" }],
                  LoadBalancerNames: [],
                  TargetGroupARNs: ["arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"],
                },
              ],
              NextToken: "next",
            },
      DescribePolicies: { ScalingPolicies: [{ PolicyName: "cpu", AutoScalingGroupName: "web", PolicyType: "TargetTrackingScaling" }] },
    });
    const autoScaling = await collectAutoScaling(clients, "eu-west-1");
    clients.destroy();
    expect(autoScaling).toEqual({
      groups: [
        { name: "api", minSize: 2, maxSize: 2, desiredCapacity: 2, instanceIds: [], loadBalancerNames: [], targetGroupArns: [] },
        {
          name: "web",
          arn: "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1:autoScalingGroupName/web",
          minSize: 1,
          maxSize: 4,
          desiredCapacity: 2,
          instanceIds: ["i-1", "i-2"],
          loadBalancerNames: [],
          targetGroupArns: ["arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"],
        },
      ],
      policies: [{ policyName: "cpu", autoScalingGroupName: "web", policyType: "TargetTrackingScaling" }],
    });
  });
});
