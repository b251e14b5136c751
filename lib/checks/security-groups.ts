/**
 * Reading security-group rules: which rules admit the whole internet, on which ports.
 * `IpProtocol: "-1"` means every protocol and port (AWS-NOTES); protocols may be named ("tcp")
 * or numbered ("6").
 */
import type { AccountSnapshot, IpPermission, SecurityGroup } from "@/lib/snapshot/schema";
import type { UnavailableEvidence } from "./evidence/unknown";
import { securityGroupArn, unknownForRegion, type CheckMeta } from "./findings";
import { isSkipped, regionalParts } from "./part-access";
import type { Finding, JsonValue } from "./types";

export const WORLD_CIDRS = ["0.0.0.0/0", "::/0"] as const;

/** The administration ports CIS 5.2 and 5.3 name, with the service a reader knows them by. */
export const ADMIN_PORTS = [
  { port: 22, name: "SSH" },
  { port: 3389, name: "RDP" },
] as const;

export function isWorldCidr(cidr: string): boolean {
  return (WORLD_CIDRS as readonly string[]).includes(cidr.trim());
}

/** What a rule admits, without where from: the snapshot's IpPermission or a check's summary of one. */
export type RulePorts = Pick<IpPermission, "ipProtocol" | "fromPort" | "toPort">;

export function worldSources(permission: IpPermission): string[] {
  return [...permission.ipv4Ranges, ...permission.ipv6Ranges].filter(isWorldCidr);
}

export function isTcp(protocol: string): boolean {
  const lowered = protocol.toLowerCase();
  return lowered === "tcp" || lowered === "6";
}

export function isAllProtocols(protocol: string): boolean {
  return protocol === "-1" || protocol.toLowerCase() === "all";
}

export function coversAllPorts(permission: RulePorts): boolean {
  if (isAllProtocols(permission.ipProtocol)) return true;
  const from = permission.fromPort ?? 0;
  const to = permission.toPort ?? 65535;
  return (from <= 0 || from === -1) && to >= 65535;
}

/** Whether the rule admits TCP traffic to `port` (an all-protocols rule does). */
export function coversTcpPort(permission: RulePorts, port: number): boolean {
  if (isAllProtocols(permission.ipProtocol)) return true;
  if (!isTcp(permission.ipProtocol)) return false;
  const from = permission.fromPort ?? 0;
  const to = permission.toPort ?? 65535;
  return from <= port && port <= to;
}

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { tcp: "TCP", "6": "TCP", udp: "UDP", "17": "UDP", icmp: "ICMP", "1": "ICMP", icmpv6: "ICMPv6", "58": "ICMPv6" };

export function protocolInWords(protocol: string): string {
  if (isAllProtocols(protocol)) return "All traffic";
  return PROTOCOL_NAMES[protocol.toLowerCase()] ?? `Protocol ${protocol}`;
}

function isIcmp(protocol: string): boolean {
  return PROTOCOL_NAMES[protocol.toLowerCase()]?.startsWith("ICMP") ?? false;
}

/** The admin ports a rule reaches, named: only TCP (or all-protocols) rules reach SSH and RDP. */
export function adminPortsCovered(rule: RulePorts): ReadonlyArray<(typeof ADMIN_PORTS)[number]> {
  return ADMIN_PORTS.filter((admin) => coversTcpPort(rule, admin.port));
}

const namedPort = (admin: (typeof ADMIN_PORTS)[number]) => `${admin.name} (${admin.port})`;

/**
 * A rule's ports as a security lead reads them, admin ports named: "SSH (22)", "0–1024, including
 * SSH (22)", "All ports, including SSH (22) and RDP (3389)". ICMP rules carry type and code in
 * the port fields.
 */
export function portsInWords(rule: RulePorts): string {
  const admin = adminPortsCovered(rule);
  const including = admin.length > 0 ? `, including ${admin.map(namedPort).join(" and ")}` : "";
  if (isAllProtocols(rule.ipProtocol)) return `All ports${including}`;
  if (isIcmp(rule.ipProtocol)) {
    if (rule.fromPort === undefined || rule.fromPort === -1) return "All types";
    return rule.toPort === undefined || rule.toPort === -1 ? `Type ${rule.fromPort}` : `Type ${rule.fromPort}, code ${rule.toPort}`;
  }
  if (coversAllPorts(rule)) return `All ports (0–65535)${including}`;
  const from = rule.fromPort ?? 0;
  const to = rule.toPort ?? 65535;
  if (from === to) return admin[0] ? namedPort(admin[0]) : String(from);
  return `${from}–${to}${including}`;
}

/** A rule in a sentence: "all traffic", "RDP (TCP 3389)", "all UDP ports", "TCP 0–1024", "ICMP type 8". */
export function permissionInWords(rule: RulePorts): string {
  if (isAllProtocols(rule.ipProtocol)) return "all traffic";
  const protocol = protocolInWords(rule.ipProtocol);
  if (isIcmp(rule.ipProtocol)) return `${protocol} ${portsInWords(rule).toLowerCase()}`;
  if (coversAllPorts(rule)) return `all ${protocol} ports`;
  const from = rule.fromPort ?? 0;
  const to = rule.toPort ?? 65535;
  if (from !== to) return `${protocol} ${from}–${to}`;
  const admin = adminPortsCovered(rule)[0];
  return admin ? `${admin.name} (${protocol} ${from})` : `${protocol} ${from}`;
}

/**
 * One finding per security group `judge` has something to say about, in every region whose
 * groups were listed; one unknown finding per region whose groups could not be.
 */
export function securityGroupFindings<E extends JsonValue>(
  check: CheckMeta,
  snapshot: AccountSnapshot,
  judge: (group: SecurityGroup, region: string) => Finding<E> | undefined,
): Array<Finding<E> | Finding<UnavailableEvidence>> {
  return regionalParts(snapshot, "ec2.securityGroups").flatMap((entry): Array<Finding<E> | Finding<UnavailableEvidence>> => {
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

export function securityGroupResource(group: SecurityGroup, region: string, accountId: string) {
  return {
    resourceId: securityGroupArn(region, accountId, group.groupId),
    resourceType: "security_group" as const,
    resourceName: group.groupName === undefined ? group.groupId : `${group.groupName} (${group.groupId})`,
    region,
  };
}
