/**
 * Exercise 8, "Use AutoScaling to Dampen DDoS Effects" (seed 001's list; seed 001 also: "if an
 * instance is compromised, terminate the instance and let AutoScaling take care of launching a
 * new one").
 */
import type { AutoScaling, Instance, SecurityGroup } from "@/lib/snapshot/schema";
import { defineCheck } from "../../define-check";
import { instanceArn, makeFinding, unknownForRegion } from "../../findings";
import { isSkipped, regionalPart, regionalParts, type UnavailablePart } from "../../part-access";
import { coversTcpPort, worldSources } from "../../security-groups";
import type { Finding } from "../../types";
import type { UnavailableEvidence } from "../../evidence/unknown";
import { describeInAutoscalingGroup } from "./evidence-view";
import { inAutoscalingGroupEvidenceSchema, servingReason, type InAutoscalingGroupEvidence } from "./evidence";
import { autoscalingGroupSteps } from "./remediation";

const WEB_PORTS = [80, 443];

/**
 * "Instances serving traffic", our reading: a running instance that is reachable from the
 * internet, i.e. it has a public IP address, or one of its security groups admits 0.0.0.0/0 or
 * ::/0 on port 80 or 443. Instances behind a load balancer only are not judged here: the load
 * balancer absorbs the first wave, and their scaling is judged through their group (asg.can-scale).
 */
function servingReasons(instance: Instance, groups: Map<string, SecurityGroup>): string[] {
  const reasons: string[] = [];
  if (instance.publicIpAddress) reasons.push(servingReason.publicIp(instance.publicIpAddress));
  for (const groupId of instance.securityGroupIds) {
    const group = groups.get(groupId);
    const open = group?.ingress.some((rule) => worldSources(rule).length > 0 && WEB_PORTS.some((port) => coversTcpPort(rule, port)));
    if (open) reasons.push(servingReason.openGroup(groupId));
  }
  return reasons;
}

function groupOf(instance: Instance, autoScaling: AutoScaling): string | undefined {
  const byMembership = autoScaling.groups.find((group) => group.instanceIds.includes(instance.instanceId))?.name;
  return byMembership ?? instance.tags.find((tag) => tag.key === "aws:autoscaling:groupName")?.value;
}

export const ec2InAutoscalingGroup = defineCheck({
  id: "ec2.in-autoscaling-group",
  exercise: 8,
  title: "Instances serving traffic belong to an Auto Scaling group",
  severity: "medium",
  why: "A lone instance facing the internet falls over under a traffic flood and stays down; in an Auto Scaling group capacity grows with load and a broken instance is replaced (Cloud Security Fitness Guide, “Exercise #4: Use Roles for EC2”).",
  evidence: inAutoscalingGroupEvidenceSchema,
  describeEvidence: describeInAutoscalingGroup,
  remediation: autoscalingGroupSteps,
  evaluate(snapshot, _thresholds, check) {
    return regionalParts(snapshot, "ec2.instances").flatMap((entry): Array<Finding<InAutoscalingGroupEvidence> | Finding<UnavailableEvidence>> => {
      if (isSkipped(entry)) return [];
      if (!entry.available) return [unknownForRegion(check, entry.region, [entry.unavailable])];
      const running = entry.data.filter((instance) => instance.state === "running");
      if (running.length === 0) return [];
      const sgEntry = regionalPart(snapshot, "ec2.securityGroups", entry.region);
      const scalingEntry = regionalPart(snapshot, "autoscaling.groups", entry.region);
      const blind: UnavailablePart[] = [sgEntry, scalingEntry].flatMap((part) => (!part.available && !isSkipped(part) ? [part.unavailable] : []));
      if (blind.length > 0) return [unknownForRegion(check, entry.region, blind)];
      const securityGroups = new Map((sgEntry.available ? sgEntry.data : []).map((group) => [group.groupId, group]));
      const autoScaling = scalingEntry.available ? scalingEntry.data : { groups: [], policies: [] };
      return running.flatMap((instance) => {
        const serving = servingReasons(instance, securityGroups);
        if (serving.length === 0) return [];
        const group = groupOf(instance, autoScaling);
        return [
          makeFinding(check, {
            resourceId: instanceArn(entry.region, snapshot.accountId, instance.instanceId),
            resourceType: "instance",
            resourceName: instance.instanceId,
            region: entry.region,
            status: group ? "pass" : "fail",
            evidence: { instanceId: instance.instanceId, servingBecause: serving, autoScalingGroup: group ?? null },
            reason: group
              ? `${instance.instanceId} serves traffic (${serving.join(", ")}) and belongs to Auto Scaling group ${group}.`
              : `${instance.instanceId} serves traffic (${serving.join(", ")}) but belongs to no Auto Scaling group.`,
          }),
        ];
      });
    });
  },
});
