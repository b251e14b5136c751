import { factsBlock, noteBlock, type EvidenceBlock } from "../../evidence/blocks";
import { securityGroupRulesTable } from "../../evidence/security-group-rules";
import type { AdminPortsEvidence } from "./evidence";

export function describeAdminPorts(evidence: AdminPortsEvidence): EvidenceBlock[] {
  const group = factsBlock("Security group", [{ label: "Group", value: evidence.groupId, verbatim: true }]);
  if (evidence.openRules.length === 0) {
    return [group, noteBlock("No inbound rule admits the whole internet (0.0.0.0/0 or ::/0) to SSH (22), RDP (3389) or all ports.")];
  }
  return [
    group,
    securityGroupRulesTable(
      "Inbound rules open to the internet",
      evidence.openRules.map((rule) => ({ rule, peers: rule.sources })),
      // Every stored rule is there because its ports are admin ports or all ports.
      { peerColumn: "Source", markPorts: () => true },
    ),
  ];
}
