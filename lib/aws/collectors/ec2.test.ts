import { describe, expect, it } from "vitest";
import { createAccountClients } from "../client-factory";
import { stubPlugin } from "../testing/stub-plugin";
import { assumeRoleOutput, BASE_CREDENTIALS, fastRetries, stubbedAccountClients, TEST_TARGET } from "../testing/test-clients";
import { collectInstances, collectRegions, collectSecurityGroups } from "./ec2";

describe("collectRegions", () => {
  it("asks for all regions, keeping the opt-in status, sorted", async () => {
    const { clients, calls } = stubbedAccountClients({
      DescribeRegions: {
        Regions: [
          { RegionName: "us-east-1", OptInStatus: "opt-in-not-required" },
          { RegionName: "af-south-1", OptInStatus: "not-opted-in" },
          { RegionName: "ap-east-1", OptInStatus: "opted-in" },
        ],
      },
    });
    expect(await collectRegions(clients)).toEqual([
      { regionName: "af-south-1", optInStatus: "not-opted-in" },
      { regionName: "ap-east-1", optInStatus: "opted-in" },
      { regionName: "us-east-1", optInStatus: "opt-in-not-required" },
    ]);
    expect(calls.find((call) => call.operation === "DescribeRegions")?.input).toEqual({ AllRegions: true });
    clients.destroy();
  });
});

describe("collectRegions across partitions", () => {
  const listed = {
    DescribeRegions: {
      Regions: [
        { RegionName: "eu-west-1", OptInStatus: "opt-in-not-required" },
        { RegionName: "cn-north-1", OptInStatus: "opt-in-not-required" },
        { RegionName: "us-gov-west-1", OptInStatus: "opt-in-not-required" },
        { RegionName: "us-east-1", OptInStatus: "opt-in-not-required" },
        { RegionName: "cn-northwest-1", OptInStatus: "opt-in-not-required" },
      ],
    },
  };

  it.each([
    ["arn:aws:iam::111122223333:role/iamfit-audit", ["eu-west-1", "us-east-1"]],
    ["arn:aws-cn:iam::111122223333:role/iamfit-audit", ["cn-north-1", "cn-northwest-1"]],
    ["arn:aws-us-gov:iam::111122223333:role/iamfit-audit", ["us-gov-west-1"]],
  ])("keeps only the regions of the role's partition (%s)", async (roleArn, expected) => {
    const stub = stubPlugin({ AssumeRole: assumeRoleOutput(), ...listed });
    const clients = createAccountClients(
      { credentials: async () => BASE_CREDENTIALS, retryStrategy: fastRetries(), plugins: [stub.plugin] },
      { ...TEST_TARGET, roleArn },
    );
    expect((await collectRegions(clients)).map((region) => region.regionName)).toEqual(expected);
    clients.destroy();
  });
});

describe("collectInstances", () => {
  it("collects every page of reservations and leaves terminated instances out", async () => {
    const instance = (id: string, state: string, extra: Record<string, unknown> = {}) => ({ InstanceId: id, State: { Name: state }, ...extra });
    const { clients, calls } = stubbedAccountClients({
      DescribeInstances: (input: { NextToken?: string }) =>
        input.NextToken
          ? { Reservations: [{ Instances: [instance("i-0b", "stopped"), instance("i-0c", "terminated")] }] }
          : {
              Reservations: [
                {
                  Instances: [
                    instance("i-0a", "running", {
                      InstanceType: "t3.micro",
                      LaunchTime: new Date("2025-10-01T00:00:00Z"),
                      IamInstanceProfile: { Arn: "arn:aws:iam::111122223333:instance-profile/app" },
                      SecurityGroups: [{ GroupId: "sg-2" }, { GroupId: "sg-1" }],
                      PublicIpAddress: "203.0.113.10",
                      VpcId: "vpc-1",
                      Tags: [{ Key: "Name", Value: "web" }],
                    }),
                  ],
                },
              ],
              NextToken: "page-2",
            },
    });
    const instances = await collectInstances(clients, "eu-west-1");
    clients.destroy();
    expect(instances).toEqual([
      {
        instanceId: "i-0a",
        state: "running",
        instanceType: "t3.micro",
        launchTime: "2025-10-01T00:00:00.000Z",
        iamInstanceProfileArn: "arn:aws:iam::111122223333:instance-profile/app",
        securityGroupIds: ["sg-1", "sg-2"],
        publicIpAddress: "203.0.113.10",
        vpcId: "vpc-1",
        tags: [{ key: "Name", value: "web" }],
      },
      { instanceId: "i-0b", state: "stopped", securityGroupIds: [], tags: [] },
    ]);
    expect(calls.filter((call) => call.operation === "DescribeInstances").map((call) => call.region)).toEqual(["eu-west-1", "eu-west-1"]);
  });
});

describe("collectSecurityGroups", () => {
  it("keeps IpProtocol -1 as AWS reports it and flattens ranges, pairs and prefix lists", async () => {
    const { clients } = stubbedAccountClients({
      DescribeSecurityGroups: {
        SecurityGroups: [
          {
            GroupId: "sg-1",
            GroupName: "default",
            Description: "default VPC security group",
            VpcId: "vpc-1",
            IpPermissions: [
              { IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [{ CidrIpv6: "::/0" }] },
              { IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: "sg-1" }], PrefixListIds: [{ PrefixListId: "pl-1" }] },
            ],
            IpPermissionsEgress: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
          },
        ],
      },
    });
    const [group] = await collectSecurityGroups(clients, "us-east-1");
    clients.destroy();
    expect(group).toEqual({
      groupId: "sg-1",
      groupName: "default",
      description: "default VPC security group",
      vpcId: "vpc-1",
      ingress: [
        { ipProtocol: "-1", ipv4Ranges: [], ipv6Ranges: [], userIdGroupPairs: ["sg-1"], prefixListIds: ["pl-1"] },
        { ipProtocol: "tcp", fromPort: 22, toPort: 22, ipv4Ranges: ["0.0.0.0/0"], ipv6Ranges: ["::/0"], userIdGroupPairs: [], prefixListIds: [] },
      ],
      egress: [{ ipProtocol: "-1", ipv4Ranges: ["0.0.0.0/0"], ipv6Ranges: [], userIdGroupPairs: [], prefixListIds: [] }],
    });
  });
});
