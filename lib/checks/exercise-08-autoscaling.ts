/**
 * Exercise 8, "Use AutoScaling to Dampen DDoS Effects" (seed 001's list; seed 001 also: "if an
 * instance is compromised, terminate the instance and let AutoScaling take care of launching a
 * new one").
 */
import type { AutoScaling, Instance, SecurityGroup } from "@/lib/snapshot/schema";
import { instanceArn, makeFinding, unknownForRegion } from "./findings";
import { isSkipped, regionalPart, regionalParts, type UnavailablePart } from "./part-access";
import { coversTcpPort, worldSources } from "./security-groups";
import type { CheckDefinition, Finding } from "./types";

const WEB_PORTS = [80, 443];

/**
 * "Instances serving traffic", our reading: a running instance that is reachable from the
 * internet, i.e. it has a public IP address, or one of its security groups admits 0.0.0.0/0 or
 * ::/0 on port 80 or 443. Instances behind a load balancer only are not judged here: the load
 * balancer absorbs the first wave, and their scaling is judged through their group (asg.can-scale).
 */
function servingReasons(instance: Instance, groups: Map<string, SecurityGroup>): string[] {
  const reasons: string[] = [];
  if (instance.publicIpAddress) reasons.push(`public IP ${instance.publicIpAddress}`);
  for (const groupId of instance.securityGroupIds) {
    const group = groups.get(groupId);
    const open = group?.ingress.some((rule) => worldSources(rule).length > 0 && WEB_PORTS.some((port) => coversTcpPort(rule, port)));
    if (open) reasons.push(`${groupId} open to the internet on 80/443`);
  }
  return reasons;
}

function groupOf(instance: Instance, autoScaling: AutoScaling): string | undefined {
  const byMembership = autoScaling.groups.find((group) => group.instanceIds.includes(instance.instanceId))?.name;
  return byMembership ?? instance.tags.find((tag) => tag.key === "aws:autoscaling:groupName")?.value;
}

export const ec2InAutoscalingGroup: CheckDefinition = {
  id: "ec2.in-autoscaling-group",
  exercise: 8,
  title: "Instances serving traffic belong to an Auto Scaling group",
  severity: "medium",
  why: "A lone instance facing the internet falls over under a traffic flood and stays down; in an Auto Scaling group capacity grows with load and a broken instance is replaced (Cloud Security Fitness Guide, “Exercise #4: Use Roles for EC2”).",
  evaluate(snapshot) {
    return regionalParts(snapshot, "ec2.instances").flatMap((entry): Finding[] => {
      if (isSkipped(entry)) return [];
      if (!entry.available) return [unknownForRegion(ec2InAutoscalingGroup, entry.region, [entry.unavailable])];
      const running = entry.data.filter((instance) => instance.state === "running");
      if (running.length === 0) return [];
      const sgEntry = regionalPart(snapshot, "ec2.securityGroups", entry.region);
      const scalingEntry = regionalPart(snapshot, "autoscaling.groups", entry.region);
      const blind: UnavailablePart[] = [sgEntry, scalingEntry].flatMap((part) => (!part.available && !isSkipped(part) ? [part.unavailable] : []));
      if (blind.length > 0) return [unknownForRegion(ec2InAutoscalingGroup, entry.region, blind)];
      const securityGroups = new Map((sgEntry.available ? sgEntry.data : []).map((group) => [group.groupId, group]));
      const autoScaling = scalingEntry.available ? scalingEntry.data : { groups: [], policies: [] };
      return running.flatMap((instance) => {
        const serving = servingReasons(instance, securityGroups);
        if (serving.length === 0) return [];
        const group = groupOf(instance, autoScaling);
        return [
          makeFinding(ec2InAutoscalingGroup, {
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
};

export const asgCanScale: CheckDefinition = {
  id: "asg.can-scale",
  exercise: 8,
  title: "Auto Scaling groups can grow and have a scaling policy",
  severity: "low",
  why: "A group whose maximum equals its minimum, or that has no policy to act on load, replaces broken instances but cannot absorb a flood.",
  evaluate(snapshot) {
    return regionalParts(snapshot, "autoscaling.groups").flatMap((entry): Finding[] => {
      if (isSkipped(entry)) return [];
      if (!entry.available) return [unknownForRegion(asgCanScale, entry.region, [entry.unavailable])];
      return [...entry.data.groups]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((group) => {
          const policies = entry.data.policies.filter((policy) => policy.autoScalingGroupName === group.name).map((policy) => policy.policyName).sort();
          const canGrow = group.maxSize > group.minSize;
          const problems = [...(canGrow ? [] : [`max size ${group.maxSize} is not above min size ${group.minSize}`]), ...(policies.length > 0 ? [] : ["no scaling policy"])];
          return makeFinding(asgCanScale, {
            resourceId: group.arn ?? `arn:aws:autoscaling:${entry.region}:${snapshot.accountId}:autoScalingGroup:*:autoScalingGroupName/${group.name}`,
            resourceType: "autoscaling_group",
            resourceName: group.name,
            region: entry.region,
            status: problems.length > 0 ? "fail" : "pass",
            evidence: { name: group.name, minSize: group.minSize, maxSize: group.maxSize, scalingPolicies: policies },
            reason:
              problems.length > 0
                ? `${group.name} cannot scale: ${problems.join(" and ")}.`
                : `${group.name} scales between ${group.minSize} and ${group.maxSize} with ${policies.join(", ")}.`,
          });
        });
    });
  },
};

export const EXERCISE_08_CHECKS: CheckDefinition[] = [ec2InAutoscalingGroup, asgCanScale];
