/**
 * Exercise 9, "Do Not Allow Unless You Mean It" (our reading, CHECKS.md): default security groups
 * allow no traffic (CIS 5.4). Resources land in them when nobody chose a group.
 */
import type { IpPermission } from "@/lib/snapshot/schema";
import { defineCheck } from "../../define-check";
import { makeFinding } from "../../findings";
import { securityGroupFindings, securityGroupResource } from "../../security-groups";
import type { Finding } from "../../types";
import { defaultClosedEvidenceSchema, type DefaultClosedEvidence, type DefaultGroupEvidence, type UnnamedGroupEvidence } from "./evidence";
import { describeDefaultGroup } from "./evidence-view";
import { closeDefaultGroupSteps } from "./remediation";

/** The rule as plain JSON: ports EC2 left out are left out, so equal rules hash the same. */
function storedRule(rule: IpPermission): IpPermission {
  return {
    ipProtocol: rule.ipProtocol,
    ...(rule.fromPort === undefined ? {} : { fromPort: rule.fromPort }),
    ...(rule.toPort === undefined ? {} : { toPort: rule.toPort }),
    ipv4Ranges: rule.ipv4Ranges,
    ipv6Ranges: rule.ipv6Ranges,
    userIdGroupPairs: rule.userIdGroupPairs,
    prefixListIds: rule.prefixListIds,
  };
}

export const sgDefaultClosed = defineCheck({
  id: "sg.default-closed",
  exercise: 9,
  title: "Default security groups allow no traffic",
  severity: "medium",
  cis: ["5.4"],
  why: "Resources land in the default group when nobody chose one; if it allows traffic, that traffic was never a decision.",
  evidence: defaultClosedEvidenceSchema,
  describeEvidence: describeDefaultGroup,
  remediation: closeDefaultGroupSteps,
  evaluate(snapshot, _thresholds, check) {
    return securityGroupFindings(check, snapshot, (group, region): Finding<DefaultClosedEvidence> | undefined => {
      const resource = securityGroupResource(group, region, snapshot.accountId);
      if (group.groupName === undefined) {
        // EC2 left the name out: this may be a VPC's default group, so it cannot be passed over.
        const evidence: UnnamedGroupEvidence = { groupId: group.groupId, groupName: null };
        return makeFinding(check, {
          ...resource,
          status: "unknown",
          evidence,
          reason: `EC2 did not report the name of ${group.groupId}, so whether it is a default group is unknown.`,
        });
      }
      if (group.groupName !== "default") return undefined;
      const rules = group.ingress.length + group.egress.length;
      const evidence: DefaultGroupEvidence = { groupId: group.groupId, vpcId: group.vpcId ?? null, ingress: group.ingress.map(storedRule), egress: group.egress.map(storedRule) };
      return makeFinding(check, {
        ...resource,
        status: rules > 0 ? "fail" : "pass",
        evidence,
        reason:
          rules > 0
            ? `The default group ${group.groupId}${group.vpcId ? ` of ${group.vpcId}` : ""} has ${group.ingress.length} inbound and ${group.egress.length} outbound rules.`
            : `The default group ${group.groupId} allows no traffic.`,
      });
    });
  },
});
