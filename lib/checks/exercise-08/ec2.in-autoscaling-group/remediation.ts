/**
 * A launch template made from the instance, a group built from it, and the lone instance retired
 * once the group serves (seed 001: a compromised instance is terminated and the group replaces it).
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { assignVariable, aws, shellVariable } from "@/lib/remediation/shell";
import { TARGET_TRACKING_CPU_50 } from "@/lib/remediation/steps/scaling-policy";
import { instanceIdOf, regionOf } from "@/lib/remediation/steps/target-names";
import { publicIpOf, type InAutoscalingGroupEvidence } from "./evidence";

export function autoscalingGroupSteps(target: RemediationTarget, evidence: InAutoscalingGroupEvidence | null): RemediationSteps {
  const instanceId = evidence?.instanceId ?? instanceIdOf(target);
  const region = regionOf(target);
  const publicIp = evidence ? publicIpOf(evidence) : undefined;
  return {
    summary: `Run the workload of instance ${instanceId} (${region}) in an Auto Scaling group built from a launch template of it.`,
    console: [
      `EC2 console (${region}) → Instances → ${instanceId} → Actions → Image and templates → Create template from instance.`,
      "EC2 → Auto Scaling groups → Create: that launch template, two or more subnets, the instance's load balancer target group; min 2, max above min, a target-tracking policy.",
      `When the group's instances serve traffic, stop ${instanceId}, and terminate it after a quiet period.`,
    ],
    commands: [
      aws(`Launch-template data of ${instanceId} (save the output's LaunchTemplateData as template.json and review it).`, "ec2", "get-launch-template-data", {
        region,
        "instance-id": instanceId,
        query: "LaunchTemplateData",
      }),
      assignVariable("Set APP to a name for the template and the group.", "APP", "<app>"),
      aws("Create the launch template.", "ec2", "create-launch-template", {
        region,
        "launch-template-name": shellVariable("APP"),
        "launch-template-data": "file://template.json",
      }),
      aws("Create the group across subnets (comma-separated ids).", "autoscaling", "create-auto-scaling-group", {
        region,
        "auto-scaling-group-name": shellVariable("APP"),
        "launch-template": shellVariable("APP", "Version=$Latest,LaunchTemplateName="),
        "min-size": "2",
        "max-size": "6",
        "vpc-zone-identifier": "<subnet-a>,<subnet-b>",
      }),
      aws("Scale on CPU.", "autoscaling", "put-scaling-policy", {
        region,
        "auto-scaling-group-name": shellVariable("APP"),
        "policy-name": "cpu-target-50",
        "policy-type": "TargetTrackingScaling",
        "target-tracking-configuration": TARGET_TRACKING_CPU_50,
      }),
    ],
    snippets: [],
    care: [
      "Instances in a group are replaceable: anything stored only on this instance's disk must move (S3, EFS, a database) first.",
      "Remove instance-specific data (host names, fixed IPs) from the template data before creating the template.",
      ...(publicIp
        ? [`Clients reach this instance at its public IP ${publicIp}; the group's instances get other addresses, so put a load balancer in front of the group and move DNS to it before stopping the instance.`]
        : []),
    ],
  };
}
