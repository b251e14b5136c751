import { describe, expect, it } from "vitest";
import { renderCliCommand } from "@/lib/remediation/shell";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { run, statuses } from "../../testing/run-check";
import { ok, regional, snapshot } from "../../testing/snapshot-factory";
import { asgCanScale } from "./check";

const REGION = "eu-west-1";
const group = (name: string, overrides: Partial<{ minSize: number; maxSize: number }> = {}) => ({
  name,
  minSize: 1,
  maxSize: 4,
  desiredCapacity: 2,
  instanceIds: [],
  loadBalancerNames: [],
  targetGroupArns: [],
  ...overrides,
});
const findings = () =>
  run(
    asgCanScale,
    snapshot(
      {
        [regional("autoscaling.groups", REGION)]: ok({
          groups: [group("fixed", { minSize: 2, maxSize: 2 }), group("no-policy"), group("web-asg"), group("pinned", { minSize: 3, maxSize: 3 })],
          policies: [
            { policyName: "cpu", autoScalingGroupName: "web-asg" },
            { policyName: "requests", autoScalingGroupName: "pinned" },
          ],
        }),
      },
      [REGION],
    ),
  );
const finding = (name: string) => findings().find((item) => item.resourceName === name)!;

describe("asg.can-scale", () => {
  it("needs room to grow and a scaling policy", () => {
    expect(statuses(findings().filter((item) => item.resourceName !== "pinned"))).toEqual([
      ["fixed", "fail"],
      ["no-policy", "fail"],
      ["web-asg", "pass"],
    ]);
  });

  it("shows the group's bounds and policies in words, marking what keeps it from growing", () => {
    const blocks = asgCanScale.describeEvidence?.(finding("fixed").evidence) ?? [];
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Auto Scaling group",
        rows: [
          { label: "Group", value: "fixed", verbatim: true },
          { label: "Minimum size", value: "2", mark: true },
          { label: "Maximum size", value: "2: no room to grow", mark: true },
          { label: "Scaling policies", value: "none: nothing adds instances under load", mark: true },
        ],
      },
    ]);
    expect(renderedText(blocks)).not.toMatch(/minSize|maxSize|scalingPolicies/);
    expect(asgCanScale.describeEvidence?.(finding("web-asg").evidence)?.[0]).toMatchObject({
      rows: [{}, { value: "1", mark: false }, { value: "4", mark: false }, { label: "Scaling policies", value: "cpu", verbatim: true }],
    });
  });

  it("proposes only what the typed evidence says the group lacks", () => {
    const pinned = asgCanScale.remediation?.(remediationTarget(finding("pinned")));
    expect(pinned?.summary).toBe("Let Auto Scaling group pinned grow: a maximum above its minimum.");
    expect(pinned?.commands.map(renderCliCommand)).toEqual(["aws autoscaling update-auto-scaling-group --region eu-west-1 --auto-scaling-group-name pinned --max-size 6"]);
    const noPolicy = asgCanScale.remediation?.(remediationTarget(finding("no-policy")));
    expect(noPolicy?.summary).toBe("Let Auto Scaling group no-policy grow: a scaling policy.");
    expect(noPolicy?.commands.map((command) => renderCliCommand(command).split(" ").slice(0, 3).join(" "))).toEqual(["aws autoscaling put-scaling-policy"]);
  });
});
