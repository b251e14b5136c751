/**
 * Security group rules as a table a person reads, one row per source (or destination) as the EC2
 * console lists them: the protocol and ports in words with SSH and RDP named, the address ranges
 * and groups as AWS wrote them, the ranges open to the whole internet marked.
 */
import { isWorldCidr, portsInWords, protocolInWords, type RulePorts } from "../security-groups";
import type { EvidenceBlock, TableCell } from "./blocks";

export interface RuleWithPeers {
  rule: RulePorts;
  /** CIDR ranges, security group ids or prefix list ids the rule admits from (or sends to). */
  peers: string[];
}

export interface RulesTableOptions {
  peerColumn: "Source" | "Destination";
  /** Whether the rule's ports are part of what makes the finding fail (admin ports open to the world). */
  markPorts?: (rule: RulePorts) => boolean;
}

export function securityGroupRulesTable(title: string, rules: RuleWithPeers[], options: RulesTableOptions): EvidenceBlock {
  const rows = rules.flatMap(({ rule, peers }): TableCell[][] => {
    const protocol: TableCell = { text: protocolInWords(rule.ipProtocol) };
    const ports: TableCell = { text: portsInWords(rule), mark: options.markPorts?.(rule) ?? false };
    if (peers.length === 0) return [[protocol, ports, { text: "none" }]];
    return peers.map((peer) => [protocol, ports, { text: peer, verbatim: true, mark: isWorldCidr(peer) }]);
  });
  return { kind: "table", title, columns: ["Protocol", "Ports", options.peerColumn], rows };
}
