import type { IpPermission } from "@/lib/snapshot/schema";
import { factsBlock, noteBlock, type EvidenceBlock } from "../../evidence/blocks";
import { securityGroupRulesTable } from "../../evidence/security-group-rules";
import { isDefaultGroupEvidence, type DefaultClosedEvidence } from "./evidence";

const peersOf = (rule: IpPermission) => [...rule.ipv4Ranges, ...rule.ipv6Ranges, ...rule.userIdGroupPairs, ...rule.prefixListIds];

const ruleCount = (count: number) => (count === 0 ? "none" : count === 1 ? "1 rule" : `${count} rules`);

export function describeDefaultGroup(evidence: DefaultClosedEvidence): EvidenceBlock[] {
  if (!isDefaultGroupEvidence(evidence)) {
    return [
      factsBlock("Security group", [
        { label: "Group", value: evidence.groupId, verbatim: true },
        { label: "Name", value: "not reported by EC2", mark: true },
      ]),
      noteBlock("Without its name, iamfit cannot tell whether this is a VPC's default group, so it is not judged."),
    ];
  }
  const blocks: EvidenceBlock[] = [
    factsBlock("Default security group", [
      { label: "Group", value: evidence.groupId, verbatim: true },
      evidence.vpcId === null ? { label: "VPC", value: "not reported" } : { label: "VPC", value: evidence.vpcId, verbatim: true },
      { label: "Inbound rules", value: ruleCount(evidence.ingress.length), mark: evidence.ingress.length > 0 },
      { label: "Outbound rules", value: ruleCount(evidence.egress.length), mark: evidence.egress.length > 0 },
    ]),
  ];
  if (evidence.ingress.length > 0) {
    blocks.push(securityGroupRulesTable("Inbound rules", evidence.ingress.map((rule) => ({ rule, peers: peersOf(rule) })), { peerColumn: "Source" }));
  }
  if (evidence.egress.length > 0) {
    blocks.push(securityGroupRulesTable("Outbound rules", evidence.egress.map((rule) => ({ rule, peers: peersOf(rule) })), { peerColumn: "Destination" }));
  }
  if (evidence.ingress.length + evidence.egress.length === 0) blocks.push(noteBlock("The group has no rules: it allows no traffic."));
  return blocks;
}
