import { describe, expect, it } from "vitest";
import { permissionInWords, portsInWords, protocolInWords } from "./security-groups";

describe("security group rules in words", () => {
  it.each([
    [{ ipProtocol: "tcp", fromPort: 22, toPort: 22 }, "SSH (22)", "SSH (TCP 22)"],
    [{ ipProtocol: "6", fromPort: 3389, toPort: 3389 }, "RDP (3389)", "RDP (TCP 3389)"],
    [{ ipProtocol: "tcp", fromPort: 443, toPort: 443 }, "443", "TCP 443"],
    [{ ipProtocol: "tcp", fromPort: 0, toPort: 1024 }, "0–1024, including SSH (22)", "TCP 0–1024"],
    [{ ipProtocol: "tcp", fromPort: 0, toPort: 65535 }, "All ports (0–65535), including SSH (22) and RDP (3389)", "all TCP ports"],
    [{ ipProtocol: "udp", fromPort: 22, toPort: 22 }, "22", "UDP 22"],
    [{ ipProtocol: "udp", fromPort: 0, toPort: 65535 }, "All ports (0–65535)", "all UDP ports"],
    [{ ipProtocol: "-1" }, "All ports, including SSH (22) and RDP (3389)", "all traffic"],
    [{ ipProtocol: "icmp", fromPort: -1, toPort: -1 }, "All types", "ICMP all types"],
    [{ ipProtocol: "icmp", fromPort: 8, toPort: -1 }, "Type 8", "ICMP type 8"],
  ])("%j reads as %s", (rule, ports, sentence) => {
    expect(portsInWords(rule)).toBe(ports);
    expect(permissionInWords(rule)).toBe(sentence);
  });

  it.each([
    ["-1", "All traffic"],
    ["tcp", "TCP"],
    ["17", "UDP"],
    ["58", "ICMPv6"],
    ["50", "Protocol 50"],
  ])("names protocol %s as %s", (protocol, words) => {
    expect(protocolInWords(protocol)).toBe(words);
  });
});
