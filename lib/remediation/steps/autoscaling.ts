/**
 * Exercise 8, "Use AutoScaling to Dampen DDoS Effects": instances that serve traffic run in
 * groups that can grow, and a compromised instance can be terminated and replaced (seed 001).
 */
import type { RemediationBuilder } from "../content";
import { aws, shellVariable, assignVariable } from "../shell";
import { evidenceRecord, instanceIdOf, regionOf } from "./target-names";

const TARGET_TRACKING = JSON.stringify({ PredefinedMetricSpecification: { PredefinedMetricType: "ASGAverageCPUUtilization" }, TargetValue: 50 });

export const ec2InAutoscalingGroup: RemediationBuilder = (target) => {
  const instanceId = instanceIdOf(target);
  const region = regionOf(target);
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
        "target-tracking-configuration": TARGET_TRACKING,
      }),
    ],
    snippets: [],
    care: [
      "Instances in a group are replaceable: anything stored only on this instance's disk must move (S3, EFS, a database) first.",
      "Remove instance-specific data (host names, fixed IPs) from the template data before creating the template.",
    ],
  };
};

export const asgCanScale: RemediationBuilder = (target) => {
  const group = evidenceRecord(target.evidence);
  const name = typeof group.name === "string" ? group.name : target.resourceName;
  const region = regionOf(target);
  const minSize = typeof group.minSize === "number" ? group.minSize : 1;
  const maxSize = Math.max(minSize * 2, minSize + 2);
  return {
    summary: `Let Auto Scaling group ${name} grow: a maximum above its minimum and a scaling policy.`,
    console: [
      `EC2 console (${region}) → Auto Scaling groups → ${name} → Details → Edit: maximum capacity above the minimum (${minSize}).`,
      "Automatic scaling → Create dynamic scaling policy → Target tracking, average CPU 50%.",
    ],
    commands: [
      aws(`Raise the maximum size of ${name}.`, "autoscaling", "update-auto-scaling-group", {
        region,
        "auto-scaling-group-name": name,
        "max-size": String(maxSize),
      }),
      aws("Add a target-tracking policy on CPU.", "autoscaling", "put-scaling-policy", {
        region,
        "auto-scaling-group-name": name,
        "policy-name": "cpu-target-50",
        "policy-type": "TargetTrackingScaling",
        "target-tracking-configuration": TARGET_TRACKING,
      }),
    ],
    snippets: [
      {
        title: "CloudFormation (on the group, plus a policy)",
        language: "yaml",
        code: [
          "  # on the AWS::AutoScaling::AutoScalingGroup",
          `  MinSize: "${minSize}"`,
          `  MaxSize: "${maxSize}"`,
          "CpuTargetTracking:",
          "  Type: AWS::AutoScaling::ScalingPolicy",
          "  Properties:",
          "    AutoScalingGroupName: !Ref AppGroup",
          "    PolicyType: TargetTrackingScaling",
          "    TargetTrackingConfiguration:",
          "      PredefinedMetricSpecification: { PredefinedMetricType: ASGAverageCPUUtilization }",
          "      TargetValue: 50",
        ].join("\n"),
      },
    ],
    care: ["A higher maximum also raises the most you can be billed during an attack; set an AWS Budgets alert alongside it."],
  };
};
