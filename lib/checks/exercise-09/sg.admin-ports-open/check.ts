/**
 * Exercise 9, "Do Not Allow Unless You Mean It" (our reading, CHECKS.md): no security group
 * admits the whole internet to SSH, RDP or all ports (CIS 5.2, 5.3).
 */
import type { IpPermission } from "@/lib/snapshot/schema";
import { defineCheck } from "../../define-check";
import { makeFinding } from "../../findings";
import { adminPortsCovered, coversAllPorts, permissionInWords, securityGroupFindings, securityGroupResource, worldSources } from "../../security-groups";
import { adminPortsEvidenceSchema, type AdminPortsEvidence, type OpenRule } from "./evidence";
import { describeAdminPorts } from "./evidence-view";
import { closeAdminPortsSteps } from "./remediation";

function openRule(rule: IpPermission): OpenRule {
  return {
    ipProtocol: rule.ipProtocol,
    ...(rule.fromPort === undefined ? {} : { fromPort: rule.fromPort }),
    ...(rule.toPort === undefined ? {} : { toPort: rule.toPort }),
    sources: worldSources(rule),
  };
}

export const sgAdminPortsOpen = defineCheck({
  id: "sg.admin-ports-open",
  exercise: 9,
  title: "No security group admits the internet to SSH, RDP or all ports",
  severity: "high",
  cis: ["5.2", "5.3"],
  why: "Administration ports open to 0.0.0.0/0 are scanned within minutes of going live; access belongs behind a bastion or VPN (AWS Advent 2016).",
  evidence: adminPortsEvidenceSchema,
  describeEvidence: describeAdminPorts,
  remediation: closeAdminPortsSteps,
  evaluate(snapshot, _thresholds, check) {
    return securityGroupFindings(check, snapshot, (group, region) => {
      const open = group.ingress.filter((rule) => worldSources(rule).length > 0 && (coversAllPorts(rule) || adminPortsCovered(rule).length > 0));
      const evidence: AdminPortsEvidence = { groupId: group.groupId, openRules: open.map(openRule) };
      return makeFinding(check, {
        ...securityGroupResource(group, region, snapshot.accountId),
        status: open.length > 0 ? "fail" : "pass",
        evidence,
        reason:
          open.length > 0
            ? `${group.groupId} admits the internet to ${open.map((rule) => `${permissionInWords(rule)} from ${worldSources(rule).join(" and ")}`).join("; ")}.`
            : `${group.groupId} does not admit the internet to SSH, RDP or all ports.`,
      });
    });
  },
});
