/**
 * Reading security-group rules: which rules admit the whole internet, on which ports.
 * `IpProtocol: "-1"` means every protocol and port (AWS-NOTES); protocols may be named ("tcp")
 * or numbered ("6").
 */
import type { IpPermission } from "@/lib/snapshot/schema";

export const WORLD_CIDRS = ["0.0.0.0/0", "::/0"] as const;

export function worldSources(permission: IpPermission): string[] {
  return [...permission.ipv4Ranges, ...permission.ipv6Ranges].filter((cidr) => (WORLD_CIDRS as readonly string[]).includes(cidr.trim()));
}

function isTcp(protocol: string): boolean {
  const lowered = protocol.toLowerCase();
  return lowered === "tcp" || lowered === "6";
}

function isAllProtocols(protocol: string): boolean {
  return protocol === "-1" || protocol.toLowerCase() === "all";
}

export function coversAllPorts(permission: IpPermission): boolean {
  if (isAllProtocols(permission.ipProtocol)) return true;
  const from = permission.fromPort ?? 0;
  const to = permission.toPort ?? 65535;
  return (from <= 0 || from === -1) && to >= 65535;
}

/** Whether the rule admits TCP traffic to `port` (an all-protocols rule does). */
export function coversTcpPort(permission: IpPermission, port: number): boolean {
  if (isAllProtocols(permission.ipProtocol)) return true;
  if (!isTcp(permission.ipProtocol)) return false;
  const from = permission.fromPort ?? 0;
  const to = permission.toPort ?? 65535;
  return from <= port && port <= to;
}

export function describePermission(permission: IpPermission): string {
  if (isAllProtocols(permission.ipProtocol)) return "all traffic";
  const ports =
    permission.fromPort === undefined
      ? "all ports"
      : permission.fromPort === permission.toPort
        ? `port ${permission.fromPort}`
        : `ports ${permission.fromPort}-${permission.toPort}`;
  return `${permission.ipProtocol} ${ports}`;
}
