/** EC2: the account's regions (with opt-in status), and per region its instances and security groups. */
import {
  DescribeRegionsCommand,
  paginateDescribeInstances,
  paginateDescribeSecurityGroups,
  type Instance as Ec2Instance,
  type IpPermission as Ec2IpPermission,
  type SecurityGroup as Ec2SecurityGroup,
} from "@aws-sdk/client-ec2";
import {
  instancesSchema,
  regionsSchema,
  securityGroupsSchema,
  type Instance,
  type Region,
  type SecurityGroup,
} from "@/lib/snapshot/schema";
import type { AccountClients } from "../client-factory";
import { isRegionInPartition, partitionOfArn } from "../regions";
import { awsCall, validatePart } from "./aws-call";
import { isoDate, sortBy, sortedStrings, toTags } from "./sdk-values";

/**
 * AllRegions=true lists not-opted-in regions too, with their OptInStatus (AWS-NOTES.md, "STS").
 * Only the regions of the audit role's partition are the account's: a commercial account has no
 * cn-* or us-gov-* regions even where an endpoint lists them.
 */
export async function collectRegions(clients: AccountClients, signal?: AbortSignal): Promise<Region[]> {
  const output = await awsCall("ec2:DescribeRegions", clients.homeRegion, () =>
    clients.ec2(clients.homeRegion).send(new DescribeRegionsCommand({ AllRegions: true }), { abortSignal: signal }),
  );
  const accountPartition = partitionOfArn(clients.target?.roleArn) ?? "aws";
  const inPartition = (output.Regions ?? []).filter((region) => isRegionInPartition(region.RegionName ?? "", accountPartition));
  const regions = inPartition.map((region) => ({
    regionName: region.RegionName,
    ...(region.OptInStatus ? { optInStatus: region.OptInStatus } : {}),
  }));
  return validatePart(regionsSchema, sortBy(regions, (region) => region.regionName ?? ""), "ec2:DescribeRegions", clients.homeRegion);
}

/** Terminated instances are gone for every check's purpose and only add churn to the snapshot. */
export async function collectInstances(clients: AccountClients, region: string, signal?: AbortSignal): Promise<Instance[]> {
  const instances = await awsCall("ec2:DescribeInstances", region, async () => {
    const all: Ec2Instance[] = [];
    for await (const page of paginateDescribeInstances({ client: clients.ec2(region), pageSize: 1000 }, {}, { abortSignal: signal })) {
      for (const reservation of page.Reservations ?? []) all.push(...(reservation.Instances ?? []));
    }
    return all;
  });
  const mapped = instances
    .filter((instance) => instance.State?.Name !== "terminated")
    .map((instance) => {
      const launchTime = isoDate(instance.LaunchTime);
      return {
        instanceId: instance.InstanceId,
        state: instance.State?.Name ?? "unknown",
        ...(instance.InstanceType ? { instanceType: instance.InstanceType } : {}),
        ...(launchTime ? { launchTime } : {}),
        ...(instance.IamInstanceProfile?.Arn ? { iamInstanceProfileArn: instance.IamInstanceProfile.Arn } : {}),
        securityGroupIds: sortedStrings(instance.SecurityGroups?.map((group) => group.GroupId)),
        ...(instance.PublicIpAddress ? { publicIpAddress: instance.PublicIpAddress } : {}),
        ...(instance.VpcId ? { vpcId: instance.VpcId } : {}),
        tags: toTags(instance.Tags),
      };
    });
  return validatePart(instancesSchema, sortBy(mapped, (instance) => instance.instanceId ?? ""), "ec2:DescribeInstances", region);
}

export async function collectSecurityGroups(clients: AccountClients, region: string, signal?: AbortSignal): Promise<SecurityGroup[]> {
  const groups = await awsCall("ec2:DescribeSecurityGroups", region, async () => {
    const all: Ec2SecurityGroup[] = [];
    for await (const page of paginateDescribeSecurityGroups({ client: clients.ec2(region), pageSize: 1000 }, {}, { abortSignal: signal })) {
      all.push(...(page.SecurityGroups ?? []));
    }
    return all;
  });
  const mapped = groups.map((group) => ({
    groupId: group.GroupId,
    groupName: group.GroupName,
    description: group.Description ?? "",
    ...(group.VpcId ? { vpcId: group.VpcId } : {}),
    ingress: toIpPermissions(group.IpPermissions),
    egress: toIpPermissions(group.IpPermissionsEgress),
  }));
  return validatePart(securityGroupsSchema, sortBy(mapped, (group) => group.groupId ?? ""), "ec2:DescribeSecurityGroups", region);
}

function toIpPermissions(permissions: Ec2IpPermission[] | undefined) {
  return sortBy((permissions ?? []).map(toIpPermission), (permission) => JSON.stringify(permission));
}

/** IpProtocol "-1" (all protocols, all ports) is kept as AWS reports it; checks interpret it. */
function toIpPermission(permission: Ec2IpPermission) {
  return {
    ipProtocol: permission.IpProtocol,
    ...(permission.FromPort !== undefined ? { fromPort: permission.FromPort } : {}),
    ...(permission.ToPort !== undefined ? { toPort: permission.ToPort } : {}),
    ipv4Ranges: sortedStrings(permission.IpRanges?.map((range) => range.CidrIp)),
    ipv6Ranges: sortedStrings(permission.Ipv6Ranges?.map((range) => range.CidrIpv6)),
    userIdGroupPairs: sortedStrings(permission.UserIdGroupPairs?.map((pair) => pair.GroupId)),
    prefixListIds: sortedStrings(permission.PrefixListIds?.map((prefixList) => prefixList.PrefixListId)),
  };
}
