/**
 * Exercise 8, "Use AutoScaling to Dampen DDoS Effects": a group absorbs a flood only when it has
 * room to grow and a policy that grows it.
 */
import { defineCheck } from "../../define-check";
import { makeFinding, unknownForRegion } from "../../findings";
import { isSkipped, regionalParts } from "../../part-access";
import type { Finding } from "../../types";
import type { UnavailableEvidence } from "../../evidence/unknown";
import { describeCanScale } from "./evidence-view";
import { canScaleEvidenceSchema, scalingGaps, type CanScaleEvidence } from "./evidence";
import { canScaleSteps } from "./remediation";

export const asgCanScale = defineCheck({
  id: "asg.can-scale",
  exercise: 8,
  title: "Auto Scaling groups can grow and have a scaling policy",
  severity: "low",
  why: "A group whose maximum equals its minimum, or that has no policy to act on load, replaces broken instances but cannot absorb a flood.",
  evidence: canScaleEvidenceSchema,
  describeEvidence: describeCanScale,
  remediation: canScaleSteps,
  evaluate(snapshot, _thresholds, check) {
    return regionalParts(snapshot, "autoscaling.groups").flatMap((entry): Array<Finding<CanScaleEvidence> | Finding<UnavailableEvidence>> => {
      if (isSkipped(entry)) return [];
      if (!entry.available) return [unknownForRegion(check, entry.region, [entry.unavailable])];
      return [...entry.data.groups]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((group) => {
          const policies = entry.data.policies.filter((policy) => policy.autoScalingGroupName === group.name).map((policy) => policy.policyName).sort();
          const evidence: CanScaleEvidence = { name: group.name, minSize: group.minSize, maxSize: group.maxSize, scalingPolicies: policies };
          const { noRoom, noPolicy } = scalingGaps(evidence);
          const problems = [...(noRoom ? [`max size ${group.maxSize} is not above min size ${group.minSize}`] : []), ...(noPolicy ? ["no scaling policy"] : [])];
          return makeFinding(check, {
            resourceId: group.arn ?? `arn:aws:autoscaling:${entry.region}:${snapshot.accountId}:autoScalingGroup:*:autoScalingGroupName/${group.name}`,
            resourceType: "autoscaling_group",
            resourceName: group.name,
            region: entry.region,
            status: problems.length > 0 ? "fail" : "pass",
            evidence,
            reason:
              problems.length > 0
                ? `${group.name} cannot scale: ${problems.join(" and ")}.`
                : `${group.name} scales between ${group.minSize} and ${group.maxSize} with ${policies.join(", ")}.`,
          });
        });
    });
  },
});
