/**
 * The EC2 commands both security group checks of exercise 9 give: who uses a group, and revoking
 * rules in the CLI's own IpPermissions shape.
 */
import { aws, type CliCommand } from "../shell";

/** `--ip-permissions` as the EC2 API takes it. */
export interface AwsIpPermission {
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: Array<{ CidrIp: string }>;
  Ipv6Ranges?: Array<{ CidrIpv6: string }>;
  UserIdGroupPairs?: Array<{ GroupId: string }>;
  PrefixListIds?: Array<{ PrefixListId: string }>;
}

export function whoUsesGroupCommand(region: string, groupId: string, description: string): CliCommand {
  return aws(description, "ec2", "describe-network-interfaces", {
    region,
    filters: `Name=group-id,Values=${groupId}`,
    query: "NetworkInterfaces[].[NetworkInterfaceId,Attachment.InstanceId,Description]",
  });
}

export function revokeRulesCommand(direction: "ingress" | "egress", region: string, groupId: string, permissions: AwsIpPermission[], description: string): CliCommand[] {
  if (permissions.length === 0) return [];
  return [aws(description, "ec2", `revoke-security-group-${direction}`, { region, "group-id": groupId, "ip-permissions": JSON.stringify(permissions) })];
}
