/**
 * Exercise 9, "Do Not Allow Unless You Mean It" (our reading, CHECKS.md): admin ports open to
 * the internet, default security groups that admit traffic, and "everything except" Allows.
 * Seed 003: administration belongs behind a bastion or VPN.
 */
import type { JsonValue } from "@/lib/checks/types";
import type { RemediationBuilder } from "../content";
import { aws, type CliCommand } from "../shell";
import { MANAGED_VERSION_LIMIT, POLICY_CARE, policyConsoleSteps, policyRefOf, rewritePolicyCommands } from "./policies";
import { evidenceArray, evidenceRecord, regionOf, securityGroupIdOf } from "./target-names";

interface AwsIpPermission {
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: Array<{ CidrIp: string }>;
  Ipv6Ranges?: Array<{ CidrIpv6: string }>;
  UserIdGroupPairs?: Array<{ GroupId: string }>;
  PrefixListIds?: Array<{ PrefixListId: string }>;
}

const strings = (value: JsonValue | undefined): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

function withPorts(rule: { [key: string]: JsonValue }, permission: AwsIpPermission): AwsIpPermission {
  if (typeof rule.fromPort === "number") permission.FromPort = rule.fromPort;
  if (typeof rule.toPort === "number") permission.ToPort = rule.toPort;
  return permission;
}

/** An open rule from sg.admin-ports-open's evidence: only its world sources are revoked. */
function openRulePermission(value: JsonValue): AwsIpPermission | undefined {
  const rule = evidenceRecord(value);
  if (typeof rule.ipProtocol !== "string") return undefined;
  const sources = strings(rule.sources);
  const permission: AwsIpPermission = { IpProtocol: rule.ipProtocol };
  const v4 = sources.filter((cidr) => !cidr.includes(":"));
  const v6 = sources.filter((cidr) => cidr.includes(":"));
  if (v4.length) permission.IpRanges = v4.map((cidr) => ({ CidrIp: cidr }));
  if (v6.length) permission.Ipv6Ranges = v6.map((cidr) => ({ CidrIpv6: cidr }));
  return withPorts(rule, permission);
}

/** A whole rule from the snapshot's IpPermission shape (sg.default-closed's evidence). */
function snapshotRulePermission(value: JsonValue): AwsIpPermission | undefined {
  const rule = evidenceRecord(value);
  if (typeof rule.ipProtocol !== "string") return undefined;
  const permission: AwsIpPermission = { IpProtocol: rule.ipProtocol };
  const v4 = strings(rule.ipv4Ranges);
  const v6 = strings(rule.ipv6Ranges);
  const groups = strings(rule.userIdGroupPairs);
  const prefixes = strings(rule.prefixListIds);
  if (v4.length) permission.IpRanges = v4.map((cidr) => ({ CidrIp: cidr }));
  if (v6.length) permission.Ipv6Ranges = v6.map((cidr) => ({ CidrIpv6: cidr }));
  if (groups.length) permission.UserIdGroupPairs = groups.map((groupId) => ({ GroupId: groupId }));
  if (prefixes.length) permission.PrefixListIds = prefixes.map((id) => ({ PrefixListId: id }));
  return withPorts(rule, permission);
}

function revoke(direction: "ingress" | "egress", region: string, groupId: string, permissions: AwsIpPermission[], description: string): CliCommand[] {
  if (permissions.length === 0) return [];
  return [aws(description, "ec2", `revoke-security-group-${direction}`, { region, "group-id": groupId, "ip-permissions": JSON.stringify(permissions) })];
}

export const sgAdminPortsOpen: RemediationBuilder = (target) => {
  const groupId = securityGroupIdOf(target);
  const region = regionOf(target);
  const permissions = evidenceArray(target.evidence, "openRules").flatMap((rule) => openRulePermission(rule) ?? []);
  return {
    summary: `Stop ${groupId} (${region}) admitting the internet to SSH, RDP or all ports; allow only your VPN or bastion.`,
    console: [
      `VPC console (${region}) → Security groups → ${groupId} → Inbound rules → Edit inbound rules.`,
      "Delete the rules with source 0.0.0.0/0 or ::/0 on 22, 3389 or all ports; add the same ports from your VPN or bastion's address range only.",
      "Better: reach instances through AWS Systems Manager Session Manager and open no admin port at all.",
    ],
    commands: [
      aws("Instances and interfaces that use the group (who loses access).", "ec2", "describe-network-interfaces", {
        region,
        filters: `Name=group-id,Values=${groupId}`,
        query: "NetworkInterfaces[].[NetworkInterfaceId,Attachment.InstanceId,Description]",
      }),
      ...revoke("ingress", region, groupId, permissions, "Revoke the internet-facing admin rules."),
      aws("Allow the admin port from your VPN or bastion range instead.", "ec2", "authorize-security-group-ingress", {
        region,
        "group-id": groupId,
        protocol: "tcp",
        port: "22",
        cidr: "<vpn-or-bastion-cidr>",
      }),
    ],
    snippets: [
      {
        title: "CloudFormation (an SSH rule limited to the VPN range)",
        language: "yaml",
        code: ["  SecurityGroupIngress:", "    - IpProtocol: tcp", "      FromPort: 22", "      ToPort: 22", "      CidrIp: 10.0.0.0/16 # your VPN or bastion range"].join("\n"),
      },
    ],
    care: [
      "Add the narrow rule before revoking the open one if people are working through it now, or their sessions drop.",
      "Revoking rules does not cut connections already established through them.",
    ],
  };
};

export const sgDefaultClosed: RemediationBuilder = (target) => {
  const groupId = securityGroupIdOf(target);
  const region = regionOf(target);
  const ingress = evidenceArray(target.evidence, "ingress").flatMap((rule) => snapshotRulePermission(rule) ?? []);
  const egress = evidenceArray(target.evidence, "egress").flatMap((rule) => snapshotRulePermission(rule) ?? []);
  return {
    summary: `Remove every inbound and outbound rule from default security group ${groupId} (${region}); give resources their own groups.`,
    console: [
      `VPC console (${region}) → Security groups → ${groupId} → Inbound rules → Edit → Delete all → Save.`,
      "Outbound rules → Edit → Delete all → Save.",
    ],
    commands: [
      aws("What still uses the default group: move these to their own groups first.", "ec2", "describe-network-interfaces", {
        region,
        filters: `Name=group-id,Values=${groupId}`,
        query: "NetworkInterfaces[].[NetworkInterfaceId,Attachment.InstanceId,Description]",
      }),
      ...revoke("ingress", region, groupId, ingress, "Revoke all inbound rules."),
      ...revoke("egress", region, groupId, egress, "Revoke all outbound rules."),
    ],
    snippets: [],
    care: ["Anything still in the default group loses its network access: move it to a dedicated group first (CIS 5.4)."],
  };
};

export const policiesAllowNotAction: RemediationBuilder = (target) => {
  const ref = policyRefOf(target);
  return {
    summary: `Rewrite the Allow statements of ${target.resourceName} that use NotAction or NotResource as Allows of named actions and resources, or add the condition that was meant.`,
    console: policyConsoleSteps(ref, 'Turn "NotAction" into "Action" with the actions meant, and "NotResource" into "Resource"; if the statement was meant to apply only under a condition (MFA, source network), add that Condition.'),
    commands: rewritePolicyCommands(ref),
    snippets: [],
    care: [
      "An Allow with NotAction grants every action not listed, including ones AWS adds later.",
      ...POLICY_CARE,
      ...(ref.kind === "managed" ? [MANAGED_VERSION_LIMIT] : []),
    ],
  };
};
