/**
 * Exercise 9, "Do Not Allow Unless You Mean It". The guide gives only the title; our reading
 * (CHECKS.md): network and policy allows broader than anyone meant — the internet on admin
 * ports, default security groups that admit traffic, and Allows written as "everything except".
 */
import { allowWithNotActionOrNotResource } from "@/lib/policy/grants";
import type { IpPermission, SecurityGroup } from "@/lib/snapshot/schema";
import { asEvidence, makeFinding, securityGroupArn, unknownForAccount, unknownForRegion } from "./findings";
import { customerPoliciesInForce } from "./iam-analysis";
import { globalPart, isSkipped, regionalParts } from "./part-access";
import { coversAllPorts, coversTcpPort, describePermission, worldSources } from "./security-groups";
import type { CheckDefinition, Finding } from "./types";

/** SSH and RDP (CIS 5.2, 5.3). */
const ADMIN_PORTS = [22, 3389];

function ruleEvidence(rule: IpPermission) {
  return asEvidence({ ipProtocol: rule.ipProtocol, fromPort: rule.fromPort, toPort: rule.toPort, sources: worldSources(rule) });
}

function securityGroupFindings(
  check: CheckDefinition,
  snapshot: Parameters<CheckDefinition["evaluate"]>[0],
  judge: (group: SecurityGroup, region: string) => Finding | undefined,
): Finding[] {
  return regionalParts(snapshot, "ec2.securityGroups").flatMap((entry): Finding[] => {
    if (isSkipped(entry)) return [];
    if (!entry.available) return [unknownForRegion(check, entry.region, [entry.unavailable])];
    return [...entry.data]
      .sort((a, b) => a.groupId.localeCompare(b.groupId))
      .flatMap((group) => {
        const finding = judge(group, entry.region);
        return finding ? [finding] : [];
      });
  });
}

function groupBase(group: SecurityGroup, region: string, accountId: string) {
  return {
    resourceId: securityGroupArn(region, accountId, group.groupId),
    resourceType: "security_group" as const,
    resourceName: group.groupName === undefined ? group.groupId : `${group.groupName} (${group.groupId})`,
    region,
  };
}

export const sgAdminPortsOpen: CheckDefinition = {
  id: "sg.admin-ports-open",
  exercise: 9,
  title: "No security group admits the internet to SSH, RDP or all ports",
  severity: "high",
  cis: ["5.2", "5.3"],
  why: "Administration ports open to 0.0.0.0/0 are scanned within minutes of going live; access belongs behind a bastion or VPN (AWS Advent 2016).",
  evaluate(snapshot) {
    return securityGroupFindings(sgAdminPortsOpen, snapshot, (group, region) => {
      const open = group.ingress.filter(
        (rule) => worldSources(rule).length > 0 && (coversAllPorts(rule) || ADMIN_PORTS.some((port) => coversTcpPort(rule, port))),
      );
      return makeFinding(sgAdminPortsOpen, {
        ...groupBase(group, region, snapshot.accountId),
        status: open.length > 0 ? "fail" : "pass",
        evidence: { groupId: group.groupId, openRules: open.map(ruleEvidence) },
        reason:
          open.length > 0
            ? `${group.groupId} admits the internet on ${open.map((rule) => `${describePermission(rule)} from ${worldSources(rule).join(" and ")}`).join("; ")}.`
            : `${group.groupId} does not admit the internet to SSH, RDP or all ports.`,
      });
    });
  },
};

export const sgDefaultClosed: CheckDefinition = {
  id: "sg.default-closed",
  exercise: 9,
  title: "Default security groups allow no traffic",
  severity: "medium",
  cis: ["5.4"],
  why: "Resources land in the default group when nobody chose one; if it allows traffic, that traffic was never a decision.",
  evaluate(snapshot) {
    return securityGroupFindings(sgDefaultClosed, snapshot, (group, region) => {
      if (group.groupName === undefined) {
        // EC2 left the name out: this may be a VPC's default group, so it cannot be passed over.
        return makeFinding(sgDefaultClosed, {
          ...groupBase(group, region, snapshot.accountId),
          status: "unknown",
          evidence: { groupId: group.groupId, groupName: null },
          reason: `EC2 did not report the name of ${group.groupId}, so whether it is a default group is unknown.`,
        });
      }
      if (group.groupName !== "default") return undefined;
      const rules = group.ingress.length + group.egress.length;
      return makeFinding(sgDefaultClosed, {
        ...groupBase(group, region, snapshot.accountId),
        status: rules > 0 ? "fail" : "pass",
        evidence: asEvidence({ groupId: group.groupId, vpcId: group.vpcId ?? null, ingress: group.ingress, egress: group.egress }),
        reason:
          rules > 0
            ? `The default group ${group.groupId}${group.vpcId ? ` of ${group.vpcId}` : ""} has ${group.ingress.length} inbound and ${group.egress.length} outbound rules.`
            : `The default group ${group.groupId} allows no traffic.`,
      });
    });
  },
};

export const policiesAllowNotAction: CheckDefinition = {
  id: "policies.allow-not-action",
  exercise: 9,
  title: "No Allow uses NotAction or NotResource without a deliberate condition",
  severity: "medium",
  why: "An Allow with NotAction or NotResource grants everything not listed, including every service and resource AWS adds later; it is rarely what the author meant.",
  evaluate(snapshot) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(policiesAllowNotAction, snapshot, [details.unavailable])];
    return customerPoliciesInForce(details.data).map((policy) => {
      const base = { resourceId: policy.resourceId, resourceType: "policy" as const, resourceName: policy.resourceName };
      const result = allowWithNotActionOrNotResource(policy.document);
      if (!result.ok) {
        return makeFinding(policiesAllowNotAction, {
          ...base,
          status: "unknown",
          evidence: { policy: policy.resourceId, error: { kind: result.error.kind, message: result.error.message } },
          reason: `The policy document of ${policy.resourceName} could not be read: ${result.error.message}.`,
        });
      }
      const unconditioned = result.allows.filter((allow) => !allow.conditional);
      return makeFinding(policiesAllowNotAction, {
        ...base,
        status: unconditioned.length > 0 ? "fail" : "pass",
        evidence: asEvidence({ policy: policy.resourceId, negatedAllows: result.allows }),
        reason:
          unconditioned.length > 0
            ? `${policy.resourceName} allows with ${[...new Set(unconditioned.flatMap((allow) => allow.uses))].join(" and ")} and no condition (statement ${unconditioned.map((allow) => allow.statement.index).join(", ")}).`
            : result.allows.length > 0
              ? `${policy.resourceName} uses NotAction/NotResource only under a condition (${[...new Set(result.allows.flatMap((allow) => allow.conditionKeys))].join(", ")}).`
              : `${policy.resourceName} has no Allow with NotAction or NotResource.`,
      });
    });
  },
};

export const EXERCISE_09_CHECKS: CheckDefinition[] = [sgAdminPortsOpen, sgDefaultClosed, policiesAllowNotAction];
