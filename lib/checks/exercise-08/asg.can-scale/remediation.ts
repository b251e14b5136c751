/** Room to grow and a policy that uses it; only what the group lacks. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { TARGET_TRACKING_CPU_50 } from "@/lib/remediation/steps/scaling-policy";
import { regionOf } from "@/lib/remediation/steps/target-names";
import { scalingGaps, type CanScaleEvidence } from "./evidence";

export function canScaleSteps(target: RemediationTarget, evidence: CanScaleEvidence | null): RemediationSteps {
  const name = evidence?.name ?? target.resourceName;
  const region = regionOf(target);
  // Without evidence, both fixes are shown: either gap may be the one.
  const { noRoom, noPolicy } = evidence ? scalingGaps(evidence) : { noRoom: true, noPolicy: true };
  const minSize = evidence?.minSize ?? 1;
  const maxSize = Math.max(minSize * 2, minSize + 2);
  const wants = [noRoom ? "a maximum above its minimum" : undefined, noPolicy ? "a scaling policy" : undefined].filter((part) => part !== undefined);
  return {
    summary: `Let Auto Scaling group ${name} grow: ${wants.join(" and ")}.`,
    console: [
      ...(noRoom ? [`EC2 console (${region}) → Auto Scaling groups → ${name} → Details → Edit: maximum capacity above the minimum (${minSize}).`] : []),
      ...(noPolicy ? [`EC2 console (${region}) → Auto Scaling groups → ${name} → Automatic scaling → Create dynamic scaling policy → Target tracking, average CPU 50%.`] : []),
    ],
    commands: [
      ...(noRoom
        ? [aws(`Raise the maximum size of ${name}.`, "autoscaling", "update-auto-scaling-group", { region, "auto-scaling-group-name": name, "max-size": String(maxSize) })]
        : []),
      ...(noPolicy
        ? [
            aws("Add a target-tracking policy on CPU.", "autoscaling", "put-scaling-policy", {
              region,
              "auto-scaling-group-name": name,
              "policy-name": "cpu-target-50",
              "policy-type": "TargetTrackingScaling",
              "target-tracking-configuration": TARGET_TRACKING_CPU_50,
            }),
          ]
        : []),
    ],
    snippets: [
      {
        title: noPolicy ? "CloudFormation (on the group, plus a policy)" : "CloudFormation (on the group)",
        language: "yaml",
        code: [
          ...(noRoom ? ["  # on the AWS::AutoScaling::AutoScalingGroup", `  MinSize: "${minSize}"`, `  MaxSize: "${maxSize}"`] : []),
          ...(noPolicy
            ? [
                "CpuTargetTracking:",
                "  Type: AWS::AutoScaling::ScalingPolicy",
                "  Properties:",
                "    AutoScalingGroupName: !Ref AppGroup",
                "    PolicyType: TargetTrackingScaling",
                "    TargetTrackingConfiguration:",
                "      PredefinedMetricSpecification: { PredefinedMetricType: ASGAverageCPUUtilization }",
                "      TargetValue: 50",
              ]
            : []),
        ].join("\n"),
      },
    ],
    care: [
      ...(noRoom ? ["A higher maximum also raises the most you can be billed during an attack; set an AWS Budgets alert alongside it."] : []),
      ...(noPolicy ? [] : ["The group already has a policy; once the maximum is raised, it can add instances under load."]),
    ],
  };
}
