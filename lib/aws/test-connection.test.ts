import { describe, expect, it } from "vitest";
import { testConnection } from "./test-connection";
import { awsError, stubPlugin, type StubTable } from "./testing/stub-plugin";
import { assumeRoleOutput, BASE_CREDENTIALS, fastRetries, TEST_TARGET } from "./testing/test-clients";

const healthy: StubTable = {
  AssumeRole: assumeRoleOutput(),
  GetAccountSummary: { SummaryMap: {} },
  DescribeRegions: {
    Regions: [
      { RegionName: "us-east-1", OptInStatus: "opt-in-not-required" },
      { RegionName: "us-east-2", OptInStatus: "opt-in-not-required" },
      { RegionName: "af-south-1", OptInStatus: "not-opted-in" },
    ],
  },
  ListBuckets: { Buckets: [] },
  "S3Control:GetPublicAccessBlock": awsError("NoSuchPublicAccessBlockConfiguration", { httpStatus: 404 }),
  DescribeTrails: { trailList: [] },
  ListAnalyzers: { analyzers: [] },
  DescribeAutoScalingGroups: { AutoScalingGroups: [] },
};

async function run(overrides: StubTable = {}) {
  const stub = stubPlugin({ ...healthy, ...overrides });
  const result = await testConnection(
    { credentials: async () => BASE_CREDENTIALS, plugins: [stub.plugin], retryStrategy: fastRetries(2) },
    TEST_TARGET,
  );
  return { result, calls: stub.calls };
}

describe("testConnection", () => {
  it("passes when the role can be assumed and every collector's cheap read answers", async () => {
    const { result, calls } = await run();
    expect(result.ok).toBe(true);
    expect(result.steps.map((step) => [step.api, step.region, step.ok])).toEqual([
      ["sts:AssumeRole", "us-east-1", true],
      ["iam:GetAccountSummary", undefined, true],
      ["ec2:DescribeRegions", "us-east-1", true],
      ["sts:AssumeRole", "us-east-2", true],
      ["s3:ListBuckets", "us-east-1", true],
      ["s3control:GetPublicAccessBlock", "us-east-1", true],
      ["cloudtrail:DescribeTrails", "us-east-1", true],
      ["access-analyzer:ListAnalyzers", "us-east-1", true],
      ["autoscaling:DescribeAutoScalingGroups", "us-east-1", true],
    ]);
    expect(calls.find((call) => call.operation === "AssumeRole" && call.region === "us-east-2")?.hostname).toBe("sts.us-east-2.amazonaws.com");
  });

  it("stops after AssumeRole and points at the trust policy and ExternalId when it is denied", async () => {
    const { result, calls } = await run({ AssumeRole: awsError("AccessDenied", { httpStatus: 403 }) });
    expect(result.ok).toBe(false);
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({ api: "sts:AssumeRole", ok: false, error: { code: "AccessDenied" } });
    expect(result.steps[0]?.hint).toContain(TEST_TARGET.roleArn);
    expect(result.steps[0]?.hint).toMatch(/trust policy.*ExternalId/);
    expect(calls.map((call) => call.operation)).toEqual(["AssumeRole"]);
  });

  it.each([
    ["ListAnalyzers", "access-analyzer:ListAnalyzers", "access-analyzer:ListAnalyzers"],
    ["ListBuckets", "s3:ListBuckets", "s3:ListAllMyBuckets"],
    ["S3Control:GetPublicAccessBlock", "s3control:GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock"],
  ])("names the missing IAM action when %s is denied and suggests SecurityAudit", async (operation, api, action) => {
    const { result } = await run({ [operation]: awsError("AccessDenied", { httpStatus: 403 }) });
    expect(result.ok).toBe(false);
    const failed = result.steps.filter((step) => !step.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ api, hint: expect.stringContaining(`missing ${action}`) });
    expect(failed[0]?.hint).toContain("SecurityAudit");
  });

  it("suggests trying later when throttling outlasts the retries", async () => {
    const { result } = await run({ DescribeTrails: awsError("ThrottlingException", { httpStatus: 400 }) });
    expect(result.steps.find((step) => step.api === "cloudtrail:DescribeTrails")).toMatchObject({
      ok: false,
      hint: expect.stringContaining("Try again in a few minutes"),
    });
  });

  it("accepts a region where STS is deactivated and explains it", async () => {
    const { result } = await run({
      AssumeRole: (_input, call) => (call.region === "us-east-2" ? awsError("RegionDisabledException", { httpStatus: 403 }) : assumeRoleOutput()),
    });
    expect(result.ok).toBe(true);
    expect(result.steps[3]).toMatchObject({ api: "sts:AssumeRole", region: "us-east-2", ok: true, hint: expect.stringContaining("deactivated") });
  });

  it("reports a failed STS probe with its code", async () => {
    const { result } = await run({
      AssumeRole: (_input, call) => (call.region === "us-east-2" ? awsError("InvalidClientTokenId", { httpStatus: 403 }) : assumeRoleOutput()),
    });
    expect(result.ok).toBe(false);
    expect(result.steps[3]).toMatchObject({ ok: false, error: { code: "InvalidClientTokenId" }, hint: expect.stringContaining("rejected") });
  });

  it("blames a region restriction, not the trust policy, when only the probe region denies AssumeRole", async () => {
    const { result } = await run({
      AssumeRole: (_input, call) => (call.region === "us-east-2" ? awsError("AccessDenied", { httpStatus: 403 }) : assumeRoleOutput()),
    });
    expect(result.steps[3]).toMatchObject({ ok: false, hint: expect.stringContaining("aws:RequestedRegion") });
  });
});
