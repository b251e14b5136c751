import { describe, expect, it } from "vitest";
import { BASE_PRINCIPAL_OPERATIONS, COLLECTOR_API_CALLS, iamActionFor } from "@/lib/aws/api-calls";
import { DEFAULT_ENABLED_REGIONS } from "@/lib/aws/regions";
import { credentialReportCsv, credentialReportOutput } from "@/lib/aws/testing/fixtures";
import { awsError, delay, type StubTable } from "@/lib/aws/testing/stub-plugin";
import { stubbedAccountClients, stubbedBaseClients, TEST_TARGET } from "@/lib/aws/testing/test-clients";
import { REGIONAL_PART_NAMES, type PartResult } from "@/lib/snapshot/schema";
import { AssumeRoleError, collectAccount, type CollectAccountOptions } from "./collect-account";
import { memoryOrganizationsFeaturesDirectory } from "./organizations-features";

const REGIONS = [
  { RegionName: "us-east-1", OptInStatus: "opt-in-not-required" },
  { RegionName: "eu-west-1", OptInStatus: "opt-in-not-required" },
  { RegionName: "ap-east-1", OptInStatus: "opted-in" },
  { RegionName: "af-south-1", OptInStatus: "not-opted-in" },
];

/** An account with nothing in it, every call answered. */
function emptyAccount(overrides: StubTable = {}): StubTable {
  return {
    DescribeRegions: { Regions: REGIONS },
    GenerateCredentialReport: { State: "COMPLETE" },
    GetCredentialReport: credentialReportOutput(credentialReportCsv(["<root_account>"])),
    GetAccountSummary: { SummaryMap: { AccountMFAEnabled: 1, GlobalEndpointTokenVersion: 1 } },
    GetAccountPasswordPolicy: { PasswordPolicy: { MinimumPasswordLength: 14 } },
    ListVirtualMFADevices: { VirtualMFADevices: [] },
    GetAccountAuthorizationDetails: {},
    ListRoles: { Roles: [] },
    // A member account: only the management or delegated administrator account can read the features.
    ListOrganizationsFeatures: awsError("AccountNotManagementOrDelegatedAdministratorException"),
    ListBuckets: { Buckets: [] },
    "S3Control:GetPublicAccessBlock": awsError("NoSuchPublicAccessBlockConfiguration", { httpStatus: 404 }),
    DescribeInstances: { Reservations: [] },
    DescribeSecurityGroups: { SecurityGroups: [] },
    DescribeAutoScalingGroups: { AutoScalingGroups: [] },
    DescribePolicies: { ScalingPolicies: [] },
    DescribeTrails: { trailList: [] },
    ListAnalyzers: { analyzers: [] },
    // No IAM Identity Center instance in any region: a member account.
    ListInstances: { Instances: [] },
    ...overrides,
  };
}

async function collect(table: StubTable, options: CollectAccountOptions = {}) {
  const { clients, calls } = stubbedAccountClients(table);
  try {
    const snapshot = await collectAccount(clients, { now: () => new Date("2025-11-20T09:00:00Z"), ...options });
    return { snapshot, calls };
  } finally {
    clients.destroy();
  }
}

const statuses = (parts: Record<string, PartResult<unknown>>) =>
  Object.fromEntries(Object.entries(parts).map(([key, part]) => [key, part.status === "skipped" ? `skipped:${part.reason}` : part.status]));

describe("collectAccount", () => {
  it("collects every part for every enabled region and skips regions not opted in", async () => {
    const progress: Array<[number, number]> = [];
    const { snapshot } = await collect(emptyAccount(), { onProgress: (done, total) => progress.push([done, total]) });
    expect(snapshot.accountId).toBe(TEST_TARGET.accountId);
    expect(snapshot.collectedAt).toBe("2025-11-20T09:00:00.000Z");
    expect(snapshot.regions).toEqual(["ap-east-1", "eu-west-1", "us-east-1"]);
    const byStatus = statuses(snapshot.parts);
    expect(Object.values(byStatus).filter((status) => status === "ok")).toHaveLength(12 + 5 * 3);
    for (const name of REGIONAL_PART_NAMES) expect(byStatus[`${name}@af-south-1`]).toBe("skipped:region_disabled");
    expect(Object.keys(snapshot.parts)).toEqual([...Object.keys(snapshot.parts)].sort());
    expect(progress.at(-1)).toEqual([12 + 5 * 4, 12 + 5 * 4]);
    expect(snapshot.parts["sts.regionStatus"]).toEqual({
      status: "ok",
      data: {
        probedAs: TEST_TARGET.accountId,
        regions: ["ap-east-1", "eu-west-1", "us-east-1"].map((region) => ({ region, status: "active" })),
      },
    });
    expect(snapshot.parts["s3control.publicAccessBlock"]).toEqual({ status: "ok", data: { configuration: null } });
  });

  it("throws AssumeRoleError naming the role and what to check when the role cannot be assumed", async () => {
    const denied = awsError("AccessDenied", { httpStatus: 403, message: "User: arn:aws:iam::999988887777:user/iamfit is not authorized" });
    const { clients, calls } = stubbedAccountClients(emptyAccount({ AssumeRole: denied }));
    const failure = await collectAccount(clients).catch((error: unknown) => error);
    clients.destroy();
    expect(failure).toBeInstanceOf(AssumeRoleError);
    expect((failure as AssumeRoleError).collectorError).toMatchObject({
      api: "sts:AssumeRole",
      code: "AccessDenied",
      httpStatus: 403,
      message: expect.stringContaining(`Cannot assume ${TEST_TARGET.roleArn}: the role's trust policy does not allow`),
    });
    expect((failure as AssumeRoleError).collectorError.message).toContain("ExternalId");
    expect(calls.map((call) => call.operation)).toEqual(["AssumeRole"]);
  });

  it("records a failing part and still collects all the others", async () => {
    const { snapshot } = await collect(
      emptyAccount({ GetAccountAuthorizationDetails: awsError("AccessDenied", { httpStatus: 403 }) }),
    );
    expect(snapshot.parts["iam.authorizationDetails"]).toMatchObject({
      status: "error",
      error: { api: "iam:GetAccountAuthorizationDetails", code: "AccessDenied", httpStatus: 403 },
    });
    const failed = Object.entries(statuses(snapshot.parts)).filter(([, status]) => status === "error");
    expect(failed.map(([key]) => key)).toEqual(["iam.authorizationDetails"]);
  });

  it("gets through throttling that the SDK retries", async () => {
    const throttled = awsError("Throttling", { httpStatus: 400 });
    const { snapshot, calls } = await collect(emptyAccount({ GetAccountSummary: [throttled, throttled, { SummaryMap: { Users: 2 } }] }));
    expect(snapshot.parts["iam.accountSummary"]).toEqual({ status: "ok", data: { Users: 2 } });
    expect(calls.filter((call) => call.operation === "GetAccountSummary")).toHaveLength(3);
  });

  it("falls back to the default-enabled regions when DescribeRegions fails, and says so", async () => {
    const { snapshot } = await collect(emptyAccount({ DescribeRegions: awsError("UnauthorizedOperation", { httpStatus: 403 }) }));
    expect(snapshot.regions).toEqual([...DEFAULT_ENABLED_REGIONS].sort());
    expect(snapshot.parts["ec2.regions"]).toMatchObject({
      status: "error",
      error: { code: "UnauthorizedOperation", message: expect.stringContaining("collected from the 17 regions AWS enables by default instead") },
    });
    expect(snapshot.parts["ec2.instances@sa-east-1"]).toMatchObject({ status: "ok" });
  });

  it("skips a region whose calls answer OptInRequired, but keeps AuthFailure in an opted-in region a visible error", async () => {
    const { snapshot } = await collect(
      emptyAccount({
        DescribeInstances: (_input, call) => {
          if (call.region === "ap-east-1") return awsError("AuthFailure", { httpStatus: 401 });
          if (call.region === "eu-west-1") return awsError("OptInRequired", { httpStatus: 401 });
          return awsError("AuthFailure", { httpStatus: 401 });
        },
      }),
    );
    // DescribeRegions reports ap-east-1 as opted in: an AuthFailure there is not proof it is disabled.
    expect(snapshot.parts["ec2.instances@ap-east-1"]).toMatchObject({ status: "error", error: { code: "AuthFailure", region: "ap-east-1" } });
    expect(snapshot.parts["ec2.instances@eu-west-1"]).toEqual({ status: "skipped", reason: "region_disabled" });
    expect(snapshot.parts["ec2.instances@us-east-1"]).toMatchObject({ status: "error", error: { code: "AuthFailure", region: "us-east-1" } });
  });

  it("skips a region on AuthFailure only while its opt-in status says it is being disabled", async () => {
    const { snapshot } = await collect(
      emptyAccount({
        DescribeRegions: { Regions: [...REGIONS, { RegionName: "me-south-1", OptInStatus: "disabling" }] },
        DescribeInstances: (_input, call) => (call.region === "us-east-1" ? { Reservations: [] } : awsError("AuthFailure", { httpStatus: 401 })),
      }),
    );
    expect(snapshot.parts["ec2.instances@me-south-1"]).toEqual({ status: "skipped", reason: "region_disabled" });
    expect(snapshot.parts["ec2.instances@ap-east-1"]).toMatchObject({ status: "error", error: { code: "AuthFailure" } });
  });

  it("leaves regions outside allow/deny out of scope, and does not probe STS there", async () => {
    const { snapshot, calls } = await collect(emptyAccount(), { regions: { allow: ["us-east-1", "eu-west-1"], deny: ["eu-west-1"] } });
    expect(snapshot.regions).toEqual(["us-east-1"]);
    expect(snapshot.parts["cloudtrail.trails@eu-west-1"]).toEqual({ status: "skipped", reason: "out_of_scope" });
    expect(snapshot.parts["cloudtrail.trails@ap-east-1"]).toEqual({ status: "skipped", reason: "out_of_scope" });
    const probedRegions = calls.filter((call) => call.operation === "AssumeRole").map((call) => call.region);
    expect(new Set(probedRegions)).toEqual(new Set(["us-east-1"]));
  });

  it("collects regions in parallel rather than one after another", async () => {
    let inFlight = 0;
    let peak = 0;
    const { snapshot } = await collect(
      emptyAccount({
        DescribeTrails: async () => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await delay(20);
          inFlight--;
          return { trailList: [] };
        },
      }),
    );
    expect(snapshot.parts["cloudtrail.trails@eu-west-1"]).toMatchObject({ status: "ok" });
    expect(peak).toBe(3);
  });

  it("records a member account's organization features as read in its management account", async () => {
    const directory = memoryOrganizationsFeaturesDirectory();
    await directory.record({ organizationId: "o-abc123def4", enabledFeatures: ["RootSessions", "RootCredentialsManagement"], readInAccountId: "999988887777" });
    const { snapshot } = await collect(emptyAccount(), { organizationsFeatures: directory });
    expect(snapshot.parts["iam.organizationsFeatures"]).toEqual({
      status: "ok",
      data: {
        answer: "member_account",
        organization: { organizationId: "o-abc123def4", enabledFeatures: ["RootCredentialsManagement", "RootSessions"], readInAccountId: "999988887777" },
      },
    });
  });

  it("remembers what a management or delegated administrator account read, for its members", async () => {
    const directory = memoryOrganizationsFeaturesDirectory();
    const { snapshot } = await collect(
      emptyAccount({ ListOrganizationsFeatures: { OrganizationId: "o-abc123def4", EnabledFeatures: ["RootSessions", "RootCredentialsManagement"] } }),
      { organizationsFeatures: directory },
    );
    expect(snapshot.parts["iam.organizationsFeatures"]).toEqual({
      status: "ok",
      data: { answer: "read_here", organizationId: "o-abc123def4", enabledFeatures: ["RootCredentialsManagement", "RootSessions"] },
    });
    expect(directory.observations()).toEqual([
      { organizationId: "o-abc123def4", enabledFeatures: ["RootCredentialsManagement", "RootSessions"], readInAccountId: TEST_TARGET.accountId },
    ]);
  });

  it.each([
    ["OrganizationNotFoundException", "OrganizationNotFound"],
    ["ServiceAccessNotEnabledException", "ServiceAccessNotEnabled"],
    ["OrganizationNotInAllFeaturesModeException", "OrganizationNotInAllFeaturesMode"],
  ])("records %s as centralized root access not available", async (error, code) => {
    const { snapshot } = await collect(emptyAccount({ ListOrganizationsFeatures: awsError(error) }));
    expect(snapshot.parts["iam.organizationsFeatures"]).toEqual({ status: "ok", data: { answer: "not_available", code } });
  });

  it("reports an unexpected failure inside iamfit as InternalError, not as an AWS code", async () => {
    const { snapshot } = await collect(emptyAccount({ DescribeTrails: { trailList: "not a list" } }));
    expect(snapshot.parts["cloudtrail.trails@us-east-1"]).toMatchObject({
      status: "error",
      error: { api: "cloudtrail:DescribeTrails", code: "InternalError", region: "us-east-1" },
    });
  });

  it("rejects with the abort reason when cancelled, without calling AWS", async () => {
    const controller = new AbortController();
    controller.abort(new Error("cancelled by the user"));
    const { clients, calls } = stubbedAccountClients(emptyAccount());
    await expect(collectAccount(clients, { signal: controller.signal })).rejects.toThrow("cancelled by the user");
    clients.destroy();
    expect(calls).toHaveLength(0);
  });

  it("skips the STS probe with base credentials, which have no audit role to assume", async () => {
    const { clients } = stubbedBaseClients(emptyAccount());
    const snapshot = await collectAccount(clients);
    clients.destroy();
    expect(snapshot.parts["sts.regionStatus"]).toEqual({ status: "skipped", reason: "out_of_scope" });
    expect(snapshot.parts["iam.accountSummary"]).toMatchObject({ status: "ok" });
  });

  it("makes only calls that api-calls.ts lists, so a minimal audit policy built from it suffices", async () => {
    const { calls } = await collect(
      emptyAccount({
        ListBuckets: { Buckets: [{ Name: "logs" }] },
        GetBucketLocation: { LocationConstraint: "eu-west-1" },
        GetBucketPolicy: awsError("NoSuchBucketPolicy", { httpStatus: 404 }),
        GetBucketPolicyStatus: awsError("NoSuchBucketPolicy", { httpStatus: 404 }),
        GetBucketAcl: { Grants: [] },
        "S3:GetPublicAccessBlock": awsError("NoSuchPublicAccessBlockConfiguration", { httpStatus: 404 }),
        DescribeTrails: { trailList: [{ Name: "main", TrailARN: "arn:aws:cloudtrail:us-east-1:111122223333:trail/main", HomeRegion: "us-east-1" }] },
        GetTrailStatus: { IsLogging: true },
      }),
    );
    const prefixes: Record<string, string> = {
      IAM: "iam", STS: "sts", EC2: "ec2", AutoScaling: "autoscaling", S3: "s3",
      S3Control: "s3control", CloudTrail: "cloudtrail", AccessAnalyzer: "access-analyzer", SSOAdmin: "sso", Identitystore: "identitystore",
    };
    const actions = new Set(calls.map((call) => iamActionFor(`${prefixes[call.service] ?? call.service}:${call.operation}`)));
    const allowed = new Set([...COLLECTOR_API_CALLS, ...Object.values(BASE_PRINCIPAL_OPERATIONS)]);
    expect([...actions].filter((action) => !allowed.has(action))).toEqual([]);
    expect(actions).toContain("s3:GetBucketPublicAccessBlock");
    expect(actions).toContain("cloudtrail:GetTrailStatus");
  });
});
