/**
 * Empty the default group (CIS 5.4): every inbound and outbound rule revoked as stored, after
 * finding what still uses the group.
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { revokeRulesCommand, whoUsesGroupCommand, type AwsIpPermission } from "@/lib/remediation/steps/security-group-commands";
import { regionOf, securityGroupIdOf } from "@/lib/remediation/steps/target-names";
import type { IpPermission } from "@/lib/snapshot/schema";
import { isDefaultGroupEvidence, type DefaultClosedEvidence } from "./evidence";

/** The whole rule in the CLI's shape, so revoke removes exactly it. */
function rulePermission(rule: IpPermission): AwsIpPermission {
  const permission: AwsIpPermission = { IpProtocol: rule.ipProtocol };
  if (rule.ipv4Ranges.length) permission.IpRanges = rule.ipv4Ranges.map((cidr) => ({ CidrIp: cidr }));
  if (rule.ipv6Ranges.length) permission.Ipv6Ranges = rule.ipv6Ranges.map((cidr) => ({ CidrIpv6: cidr }));
  if (rule.userIdGroupPairs.length) permission.UserIdGroupPairs = rule.userIdGroupPairs.map((groupId) => ({ GroupId: groupId }));
  if (rule.prefixListIds.length) permission.PrefixListIds = rule.prefixListIds.map((id) => ({ PrefixListId: id }));
  if (rule.fromPort !== undefined) permission.FromPort = rule.fromPort;
  if (rule.toPort !== undefined) permission.ToPort = rule.toPort;
  return permission;
}

export function closeDefaultGroupSteps(target: RemediationTarget, evidence: DefaultClosedEvidence | null): RemediationSteps {
  const groupId = evidence?.groupId ?? securityGroupIdOf(target);
  const region = regionOf(target);
  const rules = evidence && isDefaultGroupEvidence(evidence) ? evidence : { ingress: [], egress: [] };
  return {
    summary: `Remove every inbound and outbound rule from default security group ${groupId} (${region}); give resources their own groups.`,
    console: [
      `VPC console (${region}) → Security groups → ${groupId} → Inbound rules → Edit → Delete all → Save.`,
      "Outbound rules → Edit → Delete all → Save.",
    ],
    commands: [
      whoUsesGroupCommand(region, groupId, "What still uses the default group: move these to their own groups first."),
      ...revokeRulesCommand("ingress", region, groupId, rules.ingress.map(rulePermission), "Revoke all inbound rules."),
      ...revokeRulesCommand("egress", region, groupId, rules.egress.map(rulePermission), "Revoke all outbound rules."),
    ],
    snippets: [],
    care: ["Anything still in the default group loses its network access: move it to a dedicated group first (CIS 5.4)."],
  };
}
