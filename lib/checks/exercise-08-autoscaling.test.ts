import { describe, expect, it } from "vitest";
import { asgCanScale, ec2InAutoscalingGroup } from "./exercise-08-autoscaling";
import { only, run, statuses } from "./testing/run-check";
import { failed, instance, ok, permission, regional, securityGroup, snapshot } from "./testing/snapshot-factory";

const REGION = "eu-west-1";
const web = securityGroup("sg-web", { ingress: [permission("tcp", 443, 443, ["0.0.0.0/0"])] });
const internal = securityGroup("sg-internal", { ingress: [permission("tcp", 443, 443, ["10.0.0.0/8"])] });
const group = (name: string, instanceIds: string[], overrides: Partial<{ minSize: number; maxSize: number }> = {}) => ({
  name,
  minSize: 1,
  maxSize: 4,
  desiredCapacity: 2,
  instanceIds,
  loadBalancerNames: [],
  targetGroupArns: [],
  ...overrides,
});

function regionSnapshot(instances: ReturnType<typeof instance>[], groups = [group("web-asg", ["i-member"])]) {
  return snapshot(
    {
      [regional("ec2.instances", REGION)]: ok(instances),
      [regional("ec2.securityGroups", REGION)]: ok([web, internal]),
      [regional("autoscaling.groups", REGION)]: ok({ groups, policies: [{ policyName: "cpu", autoScalingGroupName: "web-asg" }] }),
    },
    [REGION],
  );
}

describe("ec2.in-autoscaling-group", () => {
  it.each([
    ["a public-IP instance outside any group", instance("i-lone", { publicIpAddress: "203.0.113.5" }), "fail"],
    ["an instance in a security group open to the world on 443", instance("i-lone", { securityGroupIds: ["sg-web"] }), "fail"],
    ["a serving instance in the group's instance list", instance("i-member", { publicIpAddress: "203.0.113.6" }), "pass"],
    ["a serving instance tagged with its group", instance("i-tagged", { securityGroupIds: ["sg-web"], tags: [{ key: "aws:autoscaling:groupName", value: "web-asg" }] }), "pass"],
  ])("%s → %s", (_, candidate, status) => {
    expect(only(run(ec2InAutoscalingGroup, regionSnapshot([candidate]))).status).toBe(status);
  });

  it("does not judge private, stopped or internal-only instances", () => {
    const findings = run(
      ec2InAutoscalingGroup,
      regionSnapshot([instance("i-private"), instance("i-internal", { securityGroupIds: ["sg-internal"] }), instance("i-stopped", { state: "stopped", publicIpAddress: "203.0.113.7" })]),
    );
    expect(findings).toEqual([]);
  });

  it("is unknown for the region when Auto Scaling groups could not be listed", () => {
    const parts = {
      [regional("ec2.instances", REGION)]: ok([instance("i-1", { publicIpAddress: "203.0.113.8" })]),
      [regional("ec2.securityGroups", REGION)]: ok([]),
      [regional("autoscaling.groups", REGION)]: failed("autoscaling:DescribeAutoScalingGroups", "Throttling"),
    };
    expect(only(run(ec2InAutoscalingGroup, snapshot(parts, [REGION])))).toMatchObject({ status: "unknown", resourceId: REGION });
  });
});

describe("asg.can-scale", () => {
  it("needs room to grow and a scaling policy", () => {
    const findings = run(
      asgCanScale,
      snapshot(
        {
          [regional("autoscaling.groups", REGION)]: ok({
            groups: [group("fixed", [], { minSize: 2, maxSize: 2 }), group("no-policy", []), group("web-asg", [])],
            policies: [{ policyName: "cpu", autoScalingGroupName: "web-asg" }],
          }),
        },
        [REGION],
      ),
    );
    expect(statuses(findings)).toEqual([
      ["fixed", "fail"],
      ["no-policy", "fail"],
      ["web-asg", "pass"],
    ]);
  });
});
