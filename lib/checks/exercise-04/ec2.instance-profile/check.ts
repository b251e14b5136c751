/**
 * Exercise 4, "Use Roles for EC2" (CIS 1.18): every running instance has an instance profile,
 * so code on it gets temporary, automatically rotated credentials instead of keys in files.
 */
import { defineCheck } from "../../define-check";
import type { UnknownEvidence } from "../../evidence/unknown";
import { instanceArn, makeFinding, unknownForRegion } from "../../findings";
import { isSkipped, regionalParts } from "../../part-access";
import type { Finding } from "../../types";
import { instanceProfileEvidenceSchema, type InstanceProfileEvidence } from "./evidence";
import { describeInstanceProfile } from "./evidence-view";
import { attachInstanceProfileSteps } from "./remediation";

export const ec2InstanceProfile = defineCheck({
  id: "ec2.instance-profile",
  exercise: 4,
  title: "Every running instance has an instance profile",
  severity: "medium",
  cis: ["1.18"],
  why: "An instance without a role needs stored access keys to call AWS; keys in a config file are the most common way credentials leak (Cloud Security Fitness Guide, “Exercise #4: Use Roles for EC2”).",
  evidence: instanceProfileEvidenceSchema,
  describeEvidence: describeInstanceProfile,
  remediation: attachInstanceProfileSteps,
  evaluate(snapshot, _thresholds, check) {
    return regionalParts(snapshot, "ec2.instances").flatMap((entry): Array<Finding<InstanceProfileEvidence> | Finding<UnknownEvidence>> => {
      if (isSkipped(entry)) return [];
      if (!entry.available) return [unknownForRegion(check, entry.region, [entry.unavailable])];
      return entry.data
        .filter((instance) => instance.state === "running")
        .map((instance) => {
          const profile = instance.iamInstanceProfileArn;
          return makeFinding(check, {
            resourceId: instanceArn(entry.region, snapshot.accountId, instance.instanceId),
            resourceType: "instance",
            resourceName: instance.instanceId,
            region: entry.region,
            status: profile ? "pass" : "fail",
            evidence: { instanceId: instance.instanceId, state: instance.state, iamInstanceProfileArn: profile ?? null },
            reason: profile
              ? `${instance.instanceId} runs with instance profile ${profile.slice(profile.lastIndexOf("/") + 1)}.`
              : `${instance.instanceId} is running without an instance profile.`,
          });
        });
    });
  },
});
