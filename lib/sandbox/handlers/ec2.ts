/**
 * EC2: DescribeRegions (opt-in status per account), DescribeInstances and
 * DescribeSecurityGroups in the signing region, with MaxResults/NextToken paging and the common
 * filters. An unsupported filter is rejected like EC2 rejects an unknown one.
 */
import type {
  DescribeInstancesRequest,
  DescribeInstancesResult,
  DescribeRegionsRequest,
  DescribeRegionsResult,
  DescribeSecurityGroupsRequest,
  DescribeSecurityGroupsResult,
  Filter,
  Instance,
  InstanceStateName,
  IpPermission,
  Reservation,
  SecurityGroup,
} from "@aws-sdk/client-ec2";
import { awsError } from "@/lib/sandbox/aws-errors";
import { enabledRegions } from "@/lib/sandbox/account-builder";
import { arns, ec2Id } from "@/lib/sandbox/identifiers";
import type { SandboxAccount, SandboxInstance, SandboxSecurityGroup, SecurityGroupRule } from "@/lib/sandbox/model";
import { decodePageToken, pageOf } from "@/lib/sandbox/pagination";
import { ALL_REGIONS, isDefaultRegion } from "@/lib/sandbox/regions";
import { inputOf, type Handler, type SandboxCall } from "@/lib/sandbox/handlers/types";

const STATE_CODES: Record<SandboxInstance["state"], number> = {
  pending: 0,
  running: 16,
  "shutting-down": 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

function invalidParameter(call: SandboxCall, message: string): Error {
  return awsError({ service: "ec2", code: "InvalidParameterValue", httpStatus: 400, requestId: call.requestId, message });
}

type FilterAccessors<T> = Record<string, (item: T) => string[]>;

function applyFilters<T>(call: SandboxCall, items: T[], filters: Filter[] | undefined, accessors: FilterAccessors<T>): T[] {
  let result = items;
  for (const filter of filters ?? []) {
    const name = filter.Name ?? "";
    const accessor = name.startsWith("tag:") ? accessors["tag:"] : accessors[name];
    if (!accessor) throw invalidParameter(call, `The filter '${name}' is invalid`);
    const wanted = new Set(filter.Values ?? []);
    const key = name.startsWith("tag:") ? name.slice(4) : undefined;
    result = result.filter((item) =>
      accessor(item).some((value) => (key === undefined ? wanted.has(value) : value.startsWith(`${key}=`) && wanted.has(value.slice(key.length + 1)))),
    );
  }
  return result;
}

/** EC2 pages only when MaxResults is given (5–1000); without it every item comes back. */
function ec2Page<T>(call: SandboxCall, listing: string, items: T[], input: { MaxResults?: number; NextToken?: string }) {
  const offset = decodePageToken(listing, input.NextToken);
  if (offset === undefined) throw invalidParameter(call, "The value supplied for the NextToken parameter is invalid.");
  if (input.MaxResults === undefined) return { items: items.slice(offset), nextToken: undefined };
  if (input.MaxResults < 5 || input.MaxResults > 1000) {
    throw invalidParameter(call, `Value ( ${input.MaxResults} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.`);
  }
  return pageOf(listing, items, offset, input.MaxResults);
}

const describeRegions: Handler = (call): DescribeRegionsResult => {
  const input = inputOf<DescribeRegionsRequest>(call);
  const enabled = new Set(enabledRegions(call.account));
  const regions = ALL_REGIONS.filter((region) => input.AllRegions || enabled.has(region))
    .filter((region) => !input.RegionNames || input.RegionNames.includes(region))
    .map((region) => ({
      RegionName: region,
      Endpoint: `ec2.${region}.amazonaws.com`,
      OptInStatus: isDefaultRegion(region) ? "opt-in-not-required" : enabled.has(region) ? "opted-in" : "not-opted-in",
    }));
  return {
    Regions: applyFilters(call, regions, input.Filters, {
      "region-name": (region) => [region.RegionName],
      "opt-in-status": (region) => [region.OptInStatus],
      endpoint: (region) => [region.Endpoint],
    }),
  };
};

function renderRule(rule: SecurityGroupRule, accountId: string): IpPermission {
  return {
    IpProtocol: rule.protocol,
    ...(rule.protocol === "-1" ? {} : { FromPort: rule.fromPort, ToPort: rule.toPort }),
    IpRanges: rule.ipv4.map((cidr) => ({ CidrIp: cidr, Description: rule.description })),
    Ipv6Ranges: rule.ipv6.map((cidr) => ({ CidrIpv6: cidr, Description: rule.description })),
    UserIdGroupPairs: rule.groupIds.map((groupId) => ({ GroupId: groupId, UserId: accountId })),
    PrefixListIds: rule.prefixListIds.map((id) => ({ PrefixListId: id })),
  };
}

function renderSecurityGroup(account: SandboxAccount, group: SandboxSecurityGroup): SecurityGroup {
  return {
    GroupId: group.groupId,
    GroupName: group.groupName,
    Description: group.description,
    VpcId: group.vpcId,
    OwnerId: account.accountId,
    SecurityGroupArn: arns.securityGroup(account.accountId, group.region, group.groupId),
    IpPermissions: group.ingress.map((rule) => renderRule(rule, account.accountId)),
    IpPermissionsEgress: group.egress.map((rule) => renderRule(rule, account.accountId)),
    Tags: group.tags.map((tag) => ({ Key: tag.key, Value: tag.value })),
  };
}

function renderInstance(account: SandboxAccount, instance: SandboxInstance): Instance {
  const role = account.roles.find((candidate) => candidate.instanceProfile?.name === instance.instanceProfileName);
  const profile = role?.instanceProfile;
  const groups = account.securityGroups.filter((group) => instance.securityGroupIds.includes(group.groupId));
  const dnsHost = `ip-${instance.privateIp.replaceAll(".", "-")}`;
  return {
    InstanceId: instance.instanceId,
    ImageId: instance.imageId,
    State: { Code: STATE_CODES[instance.state], Name: instance.state as InstanceStateName },
    PrivateDnsName: `${dnsHost}.${instance.region}.compute.internal`,
    PublicDnsName: instance.publicIp ? `ec2-${instance.publicIp.replaceAll(".", "-")}.${instance.region}.compute.amazonaws.com` : "",
    InstanceType: instance.instanceType as Instance["InstanceType"],
    LaunchTime: new Date(instance.launchTime),
    Placement: { AvailabilityZone: instance.availabilityZone, Tenancy: "default" },
    SubnetId: instance.subnetId,
    VpcId: instance.vpcId,
    PrivateIpAddress: instance.privateIp,
    PublicIpAddress: instance.publicIp,
    IamInstanceProfile: profile ? { Arn: arns.instanceProfile(account.accountId, profile.path, profile.name), Id: profile.id } : undefined,
    SecurityGroups: groups.map((group) => ({ GroupId: group.groupId, GroupName: group.groupName })),
    Architecture: "x86_64",
    RootDeviceType: "ebs",
    RootDeviceName: "/dev/xvda",
    VirtualizationType: "hvm",
    Monitoring: { State: "disabled" },
    KeyName: instance.keyName,
    Tags: instance.tags.map((tag) => ({ Key: tag.key, Value: tag.value })),
  };
}

const describeInstances: Handler = (call): DescribeInstancesResult => {
  const input = inputOf<DescribeInstancesRequest>(call);
  let instances = call.account.instances.filter((instance) => instance.region === call.region);
  if (input.InstanceIds?.length) {
    const missing = input.InstanceIds.find((id) => !instances.some((instance) => instance.instanceId === id));
    if (missing) {
      throw awsError({ service: "ec2", code: "InvalidInstanceID.NotFound", httpStatus: 400, requestId: call.requestId, message: `The instance ID '${missing}' does not exist` });
    }
    instances = instances.filter((instance) => input.InstanceIds?.includes(instance.instanceId));
  }
  instances = applyFilters(call, instances, input.Filters, {
    "instance-state-name": (instance) => [instance.state],
    "instance-id": (instance) => [instance.instanceId],
    "vpc-id": (instance) => [instance.vpcId],
    "instance-type": (instance) => [instance.instanceType],
    "tag:": (instance) => instance.tags.map((tag) => `${tag.key}=${tag.value}`),
  });
  const page = ec2Page(call, "DescribeInstances", instances, input);
  const reservations: Reservation[] = page.items.map((instance) => ({
    ReservationId: ec2Id(call.world.seed, call.account.accountId, "r", instance.instanceId),
    OwnerId: call.account.accountId,
    Groups: [],
    Instances: [renderInstance(call.account, instance)],
  }));
  return { Reservations: reservations, NextToken: page.nextToken };
};

const describeSecurityGroups: Handler = (call): DescribeSecurityGroupsResult => {
  const input = inputOf<DescribeSecurityGroupsRequest>(call);
  let groups = call.account.securityGroups.filter((group) => group.region === call.region);
  for (const [ids, field] of [
    [input.GroupIds, "groupId"],
    [input.GroupNames, "groupName"],
  ] as const) {
    if (!ids?.length) continue;
    const missing = ids.find((id) => !groups.some((group) => group[field] === id));
    if (missing) {
      throw awsError({ service: "ec2", code: "InvalidGroup.NotFound", httpStatus: 400, requestId: call.requestId, message: `The security group '${missing}' does not exist` });
    }
    groups = groups.filter((group) => ids.includes(group[field]));
  }
  groups = applyFilters(call, groups, input.Filters, {
    "group-id": (group) => [group.groupId],
    "group-name": (group) => [group.groupName],
    "vpc-id": (group) => [group.vpcId],
    "tag:": (group) => group.tags.map((tag) => `${tag.key}=${tag.value}`),
  });
  const page = ec2Page(call, "DescribeSecurityGroups", groups, input);
  return { SecurityGroups: page.items.map((group) => renderSecurityGroup(call.account, group)), NextToken: page.nextToken };
};

export const ec2Handlers: Record<string, Handler> = {
  DescribeRegions: describeRegions,
  DescribeInstances: describeInstances,
  DescribeSecurityGroups: describeSecurityGroups,
};
