import { DescribeAutoScalingGroupsCommand, paginateDescribePolicies } from "@aws-sdk/client-auto-scaling";
import { ListAnalyzersCommand } from "@aws-sdk/client-accessanalyzer";
import { DescribeTrailsCommand, GetTrailStatusCommand } from "@aws-sdk/client-cloudtrail";
import { DescribeInstancesCommand, DescribeRegionsCommand, DescribeSecurityGroupsCommand, paginateDescribeInstances } from "@aws-sdk/client-ec2";
import { DescribeOrganizationCommand, paginateListAccounts } from "@aws-sdk/client-organizations";
import {
  GetBucketAclCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  ListBucketsCommand,
  paginateListBuckets,
  S3Client,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { RTL_OVERRIDE_SID, ZWJ_TEAM_VALUE } from "@/lib/sandbox/curated/data-lake";
import { isPolicyPublic } from "@/lib/sandbox/handlers/s3";
import { accountClients, sandboxClients, testWorld } from "@/lib/sandbox/test-fixtures";

const ids = CURATED_ACCOUNT_IDS;

describe("EC2", () => {
  it("lists enabled regions, and with AllRegions also the opt-in ones with their status", async () => {
    const ec2 = (await accountClients(testWorld(), ids.edgeNetwork)).ec2("us-east-1");
    const enabled = (await ec2.send(new DescribeRegionsCommand({}))).Regions ?? [];
    const all = (await ec2.send(new DescribeRegionsCommand({ AllRegions: true }))).Regions ?? [];
    expect(enabled).toHaveLength(19);
    expect(all).toHaveLength(27);
    expect(all.find((region) => region.RegionName === "af-south-1")?.OptInStatus).toBe("opted-in");
    expect(all.find((region) => region.RegionName === "ap-east-1")?.OptInStatus).toBe("not-opted-in");
    expect(all.find((region) => region.RegionName === "eu-west-1")).toEqual({ RegionName: "eu-west-1", Endpoint: "ec2.eu-west-1.amazonaws.com", OptInStatus: "opt-in-not-required" });
  });

  it("refuses a region the account has not opted into with AuthFailure (401)", async () => {
    const ec2 = (await accountClients(testWorld(), ids.prodPayments)).ec2("af-south-1");
    await expect(ec2.send(new DescribeInstancesCommand({}))).rejects.toMatchObject({ name: "AuthFailure", $metadata: { httpStatusCode: 401 } });
  });

  it("pages DescribeInstances with MaxResults/NextToken and reports instance profiles and groups", async () => {
    const ec2 = (await accountClients(testWorld(), ids.legacyMonolith)).ec2("us-east-1");
    const instances = [];
    let pages = 0;
    for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 5 }, {})) {
      pages++;
      instances.push(...(page.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []));
    }
    expect(pages).toBe(1);
    expect(instances.map((instance) => instance.Tags?.find((tag) => tag.Key === "Name")?.Value)).toEqual(["web-1", "web-2", "db-1", "batch-1"]);
    expect(instances.every((instance) => instance.IamInstanceProfile === undefined)).toBe(true);
    expect(instances.find((instance) => instance.State?.Name === "stopped")?.State?.Code).toBe(80);
    const running = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: "instance-state-name", Values: ["running"] }] }));
    expect(running.Reservations).toHaveLength(3);
    await expect(ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: "no-such-filter", Values: ["x"] }] }))).rejects.toMatchObject({
      name: "InvalidParameterValue",
    });
  });

  it("describes security groups with IPv4, IPv6 and group-reference rules", async () => {
    const ec2 = (await accountClients(testWorld(), ids.legacyMonolith)).ec2("us-east-1");
    const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["default", "legacy-db"] }] }));
    const defaultGroup = SecurityGroups?.find((group) => group.GroupName === "default");
    expect(defaultGroup?.IpPermissions).toEqual([
      { IpProtocol: "-1", IpRanges: [], Ipv6Ranges: [], UserIdGroupPairs: [{ GroupId: defaultGroup?.GroupId, UserId: ids.legacyMonolith }], PrefixListIds: [] },
      { IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0", Description: "debug" }], Ipv6Ranges: [], UserIdGroupPairs: [], PrefixListIds: [] },
    ]);
    const db = SecurityGroups?.find((group) => group.GroupName === "legacy-db");
    expect(db?.IpPermissions?.[1]).toMatchObject({ IpProtocol: "tcp", FromPort: 0, ToPort: 65535, Ipv6Ranges: [{ CidrIpv6: "::/0" }] });
  });
});

describe("AutoScaling", () => {
  it("reports fixed-size groups and groups with scaling policies", async () => {
    const clients = await accountClients(testWorld(), ids.edgeNetwork);
    const { AutoScalingGroups } = await clients.autoScaling("af-south-1").send(new DescribeAutoScalingGroupsCommand({}));
    expect(AutoScalingGroups?.map((group) => [group.AutoScalingGroupName, group.MinSize, group.MaxSize, group.Instances?.length])).toEqual([
      ["edge-proxy-af-south-1", 2, 2, 2],
    ]);
    const policies = [];
    for await (const page of paginateDescribePolicies({ client: clients.autoScaling("eu-west-1") }, {})) policies.push(...(page.ScalingPolicies ?? []));
    expect(policies.map((policy) => policy.PolicyType)).toEqual(["TargetTrackingScaling"]);
  });
});

describe("S3", () => {
  it("lists buckets, with their regions only when paged, and answers each bucket in its region", async () => {
    const clients = await accountClients(testWorld(), ids.dataLake);
    const unpaged = await clients.s3("us-east-1").send(new ListBucketsCommand({}));
    expect(unpaged.Buckets?.every((bucket) => bucket.BucketRegion === undefined)).toBe(true);
    const buckets = [];
    for await (const page of paginateListBuckets({ client: clients.s3("us-east-1"), pageSize: 2 }, {})) buckets.push(...(page.Buckets ?? []));
    expect(buckets.map((bucket) => [bucket.Name, bucket.BucketRegion])).toEqual([
      [`datalake-curated-${ids.dataLake}`, "eu-central-1"],
      [`datalake-exports-${ids.dataLake}`, "us-east-1"],
      [`datalake-raw-${ids.dataLake}`, "eu-central-1"],
    ]);
    const raw = `datalake-raw-${ids.dataLake}`;
    expect((await clients.s3("us-east-1").send(new GetBucketLocationCommand({ Bucket: raw }))).LocationConstraint).toBe("eu-central-1");
    const exportsLocation = await clients.s3("us-east-1").send(new GetBucketLocationCommand({ Bucket: `datalake-exports-${ids.dataLake}` }));
    expect(exportsLocation.LocationConstraint).toBeUndefined();
  });

  it("keeps unusual Unicode in policy Sids and condition values byte for byte", async () => {
    const clients = await accountClients(testWorld(), ids.dataLake);
    const { Policy } = await clients.s3("eu-central-1").send(new GetBucketPolicyCommand({ Bucket: `datalake-raw-${ids.dataLake}` }));
    const document = JSON.parse(Policy ?? "{}");
    expect(document.Statement[0].Sid).toBe(RTL_OVERRIDE_SID);
    expect(document.Statement[0].Condition.StringEquals["aws:PrincipalTag/team"]).toBe(ZWJ_TEAM_VALUE);
    expect(Policy).toContain("\u202E");
    expect(Policy).toContain("\u{1F4CA}");
  });

  it("redirects a bucket call made in the wrong region, which followRegionRedirects follows", async () => {
    const world = testWorld();
    const clients = await accountClients(world, ids.dataLake);
    const status = await clients.s3("us-east-1").send(new GetBucketPolicyStatusCommand({ Bucket: `datalake-raw-${ids.dataLake}` }));
    expect(status.PolicyStatus?.IsPublic).toBe(false);
    expect(world.stats().byOutcome.PermanentRedirect).toBe(1);
    const strict = new S3Client({ region: "us-east-1", credentials: await clients.s3("us-east-1").config.credentials(), maxAttempts: 1 });
    strict.middlewareStack.use(clients.plugin);
    await expect(strict.send(new GetBucketAclCommand({ Bucket: `datalake-raw-${ids.dataLake}` }))).rejects.toMatchObject({
      name: "PermanentRedirect",
      $metadata: { httpStatusCode: 301 },
      $response: { headers: { "x-amz-bucket-region": "eu-central-1" } },
    });
  });

  it("reports public policies and ACLs, and NoSuchBucketPolicy where there is none", async () => {
    const s3 = (await accountClients(testWorld(), ids.legacyMonolith)).s3("us-east-1");
    expect((await s3.send(new GetBucketPolicyStatusCommand({ Bucket: "legacy-public-website" }))).PolicyStatus?.IsPublic).toBe(true);
    await expect(s3.send(new GetBucketPolicyCommand({ Bucket: "legacy-shared-files" }))).rejects.toMatchObject({ name: "NoSuchBucketPolicy", $metadata: { httpStatusCode: 404 } });
    const acl = await s3.send(new GetBucketAclCommand({ Bucket: "legacy-shared-files" }));
    expect(acl.Grants?.map((grant) => [grant.Grantee?.Type, grant.Grantee?.URI, grant.Permission])).toEqual([
      ["CanonicalUser", undefined, "FULL_CONTROL"],
      ["Group", "http://acs.amazonaws.com/groups/global/AllUsers", "READ"],
      ["Group", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "WRITE"],
    ]);
  });

  it.each([
    [{ Statement: { Effect: "Allow", Principal: "*", Action: "s3:GetObject" } }, true],
    [{ Statement: [{ Effect: "Allow", Principal: { AWS: ["arn:aws:iam::1:root", "*"] }, Action: "s3:GetObject" }] }, true],
    [{ Statement: { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } } }, false],
    [{ Statement: { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Condition: { Bool: { "aws:SecureTransport": "true" } } } }, true],
    [{ Statement: { Effect: "Deny", Principal: "*", Action: "s3:*" } }, false],
    [{ Statement: { Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject" } }, false],
  ])("judges policy %j public: %s", (policy, expected) => {
    expect(isPolicyPublic(policy)).toBe(expected);
  });
});

describe("CloudTrail and Access Analyzer", () => {
  it("shows a multi-region trail in every region, whose status needs its ARN outside the home region", async () => {
    const cloudTrail = (await accountClients(testWorld(), ids.stagingWeb)).cloudTrail("eu-west-1");
    const { trailList } = await cloudTrail.send(new DescribeTrailsCommand({}));
    expect(trailList?.map((trail) => [trail.Name, trail.HomeRegion, trail.IsMultiRegionTrail])).toEqual([["staging-trail", "us-east-1", true]]);
    await expect(cloudTrail.send(new GetTrailStatusCommand({ Name: "staging-trail" }))).rejects.toMatchObject({ name: "TrailNotFoundException" });
    const status = await cloudTrail.send(new GetTrailStatusCommand({ Name: trailList?.[0]?.TrailARN }));
    expect(status.IsLogging).toBe(false);
    expect(status.StopLoggingTime).toBeInstanceOf(Date);
  });

  it("lists analyzers only in the regions that have one", async () => {
    const clients = await accountClients(testWorld(), ids.dataLake);
    const withAnalyzer = await clients.accessAnalyzer("eu-central-1").send(new ListAnalyzersCommand({}));
    expect(withAnalyzer.analyzers?.map((analyzer) => [analyzer.type, analyzer.status])).toEqual([["ACCOUNT", "ACTIVE"]]);
    expect((await clients.accessAnalyzer("eu-west-1").send(new ListAnalyzersCommand({}))).analyzers).toEqual([]);
  });
});

describe("Organizations", () => {
  it("lists every account, curated and generated, from the delegated administrator", async () => {
    const world = testWorld({ generatedAccounts: 30 });
    const organizations = sandboxClients(world).organizations();
    const accounts = [];
    for await (const page of paginateListAccounts({ client: organizations }, {})) accounts.push(...(page.Accounts ?? []));
    // Then the organization-only members (suspended, closed): see organizations.test.ts.
    expect(accounts.map((account) => account.Id).slice(0, world.accounts().length)).toEqual(world.accounts().map((summary) => summary.accountId));
    expect(world.stats().materializedAccounts).toBe(1); // only the caller's own account
    const { Organization } = await organizations.send(new DescribeOrganizationCommand({}));
    expect(Organization).toMatchObject({ Id: world.organizationId, MasterAccountId: ids.orgManagement, FeatureSet: "ALL" });
  });
});
