import { describe, expect, it } from "vitest";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run } from "../../testing/run-check";
import { failed, instance, ok, permission, regional, securityGroup, snapshot } from "../../testing/snapshot-factory";
import { ec2InAutoscalingGroup } from "./check";

const REGION = "eu-west-1";
const web = securityGroup("sg-web", { ingress: [permission("tcp", 443, 443, ["0.0.0.0/0"])] });
const internal = securityGroup("sg-internal", { ingress: [permission("tcp", 443, 443, ["10.0.0.0/8"])] });
const group = (name: string, instanceIds: string[]) => ({ name, minSize: 1, maxSize: 4, desiredCapacity: 2, instanceIds, loadBalancerNames: [], targetGroupArns: [] });

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

  it("keeps the evidence it stored before: the instance, why it serves traffic, and its group", () => {
    expect(only(run(ec2InAutoscalingGroup, regionSnapshot([instance("i-lone", { publicIpAddress: "203.0.113.5", securityGroupIds: ["sg-web"] })]))).evidence).toEqual({
      instanceId: "i-lone",
      servingBecause: ["public IP 203.0.113.5", "sg-web open to the internet on 80/443"],
      autoScalingGroup: null,
    });
  });

  it("shows why the instance serves traffic and marks the missing group", () => {
    const lone = only(run(ec2InAutoscalingGroup, regionSnapshot([instance("i-lone", { publicIpAddress: "203.0.113.5", securityGroupIds: ["sg-web"] })])));
    const blocks = ec2InAutoscalingGroup.describeEvidence?.(lone.evidence) ?? [];
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Instance serving traffic",
        rows: [
          { label: "Instance", value: "i-lone", verbatim: true },
          { label: "Reachable from the internet through", value: "public IP 203.0.113.5" },
          { label: "and through", value: "sg-web open to the internet on 80/443" },
          { label: "Auto Scaling group", value: "none", mark: true },
        ],
      },
    ]);
    expect(renderedText(blocks)).not.toMatch(/servingBecause|autoScalingGroup/);
    const member = only(run(ec2InAutoscalingGroup, regionSnapshot([instance("i-member", { publicIpAddress: "203.0.113.6" })])));
    expect(ec2InAutoscalingGroup.describeEvidence?.(member.evidence)?.[0]).toMatchObject({ rows: [{}, {}, { label: "Auto Scaling group", value: "web-asg", verbatim: true }] });
  });

  it("reads the instance and its public address from the typed evidence in its remediation", () => {
    const lone = only(run(ec2InAutoscalingGroup, regionSnapshot([instance("i-lone", { publicIpAddress: "203.0.113.5" })])));
    const steps = ec2InAutoscalingGroup.remediation?.({ ...remediationTarget(lone), resourceId: "i-lone" });
    expect(steps?.summary).toBe("Run the workload of instance i-lone (eu-west-1) in an Auto Scaling group built from a launch template of it.");
    expect(steps?.care.join(" ")).toContain("Clients reach this instance at its public IP 203.0.113.5");
    const behindOpenGroup = only(run(ec2InAutoscalingGroup, regionSnapshot([instance("i-web", { securityGroupIds: ["sg-web"] })])));
    expect(ec2InAutoscalingGroup.remediation?.(remediationTarget(behindOpenGroup))?.care.join(" ")).not.toContain("public IP");
  });
});
