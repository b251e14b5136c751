/**
 * Revoke only the world-open sources of the open rules (the rule's other sources stay), after
 * allowing the admin port from the VPN or bastion range. Seed 003: administration belongs behind
 * a bastion or VPN.
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { regionOf, securityGroupIdOf } from "@/lib/remediation/steps/target-names";
import { adminPortsCovered, permissionInWords } from "../../security-groups";
import { revokeRulesCommand, whoUsesGroupCommand, type AwsIpPermission } from "@/lib/remediation/steps/security-group-commands";
import type { AdminPortsEvidence, OpenRule } from "./evidence";

function openRulePermission(rule: OpenRule): AwsIpPermission {
  const permission: AwsIpPermission = { IpProtocol: rule.ipProtocol };
  const v4 = rule.sources.filter((cidr) => !cidr.includes(":"));
  const v6 = rule.sources.filter((cidr) => cidr.includes(":"));
  if (v4.length) permission.IpRanges = v4.map((cidr) => ({ CidrIp: cidr }));
  if (v6.length) permission.Ipv6Ranges = v6.map((cidr) => ({ CidrIpv6: cidr }));
  if (rule.fromPort !== undefined) permission.FromPort = rule.fromPort;
  if (rule.toPort !== undefined) permission.ToPort = rule.toPort;
  return permission;
}

/** The admin port to reopen for the VPN: RDP when RDP is all the open rules reach, else SSH. */
function narrowPort(rules: OpenRule[]): number {
  const reached = new Set(rules.flatMap((rule) => adminPortsCovered(rule).map((admin) => admin.port)));
  return reached.size === 1 && reached.has(3389) ? 3389 : 22;
}

export function closeAdminPortsSteps(target: RemediationTarget, evidence: AdminPortsEvidence | null): RemediationSteps {
  const groupId = evidence?.groupId ?? securityGroupIdOf(target);
  const region = regionOf(target);
  const rules = evidence?.openRules ?? [];
  const port = narrowPort(rules);
  const what = rules.length > 0 ? [...new Set(rules.map(permissionInWords))].join(", ") : "SSH, RDP or all ports";
  return {
    summary: `Stop ${groupId} (${region}) admitting the internet to ${what}; allow only your VPN or bastion.`,
    console: [
      `VPC console (${region}) → Security groups → ${groupId} → Inbound rules → Edit inbound rules.`,
      "Delete the rules with source 0.0.0.0/0 or ::/0 on 22, 3389 or all ports; add the same ports from your VPN or bastion's address range only.",
      "Better: reach instances through AWS Systems Manager Session Manager and open no admin port at all.",
    ],
    commands: [
      whoUsesGroupCommand(region, groupId, "Instances and interfaces that use the group (who loses access)."),
      ...revokeRulesCommand("ingress", region, groupId, rules.map(openRulePermission), "Revoke the internet-facing admin rules."),
      aws("Allow the admin port from your VPN or bastion range instead.", "ec2", "authorize-security-group-ingress", {
        region,
        "group-id": groupId,
        protocol: "tcp",
        port: String(port),
        cidr: "<vpn-or-bastion-cidr>",
      }),
    ],
    snippets: [
      {
        title: `CloudFormation (an ${port === 3389 ? "RDP" : "SSH"} rule limited to the VPN range)`,
        language: "yaml",
        code: ["  SecurityGroupIngress:", "    - IpProtocol: tcp", `      FromPort: ${port}`, `      ToPort: ${port}`, "      CidrIp: 10.0.0.0/16 # your VPN or bastion range"].join("\n"),
      },
    ],
    care: [
      "Add the narrow rule before revoking the open one if people are working through it now, or their sessions drop.",
      "Revoking rules does not cut connections already established through them.",
    ],
  };
}
