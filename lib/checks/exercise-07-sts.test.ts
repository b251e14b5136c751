import { describe, expect, it } from "vitest";
import { authorizationDetails, iamRole, TEST_ACCOUNT_ID } from "@/lib/policy/testing/iam-factory";
import { allowPrincipal, MFA_PRESENT, policy } from "@/lib/policy/testing/policy-factory";
import { rolesCrossAccountConditions, rolesShortSessions, stsGlobalTokenV2, stsRegionsUnusedDisabled, usersHumansViaRoles } from "./exercise-07-sts";
import { only, run, statuses } from "./testing/run-check";
import { bucket, credentialReport, failed, humanRow, instance, keyRow, ok, regional, securityGroup, snapshot } from "./testing/snapshot-factory";

const OTHER = "444455556666";
const trustRole = (name: string, statement: ReturnType<typeof allowPrincipal>, overrides: Parameters<typeof iamRole>[1] = {}) =>
  iamRole(name, { assumeRolePolicyDocument: policy(statement), ...overrides });

describe("sts.regions-unused-disabled", () => {
  const regions = ["eu-north-1", "eu-west-1", "us-east-1"];
  const regionalParts = (region: string, instances: ReturnType<typeof instance>[] = []) => ({
    [regional("ec2.instances", region)]: ok(instances),
    [regional("ec2.securityGroups", region)]: ok([securityGroup("sg-default", { groupName: "default" })]),
    [regional("autoscaling.groups", region)]: ok({ groups: [], policies: [] }),
  });
  const base = {
    ...regionalParts("eu-north-1"),
    ...regionalParts("eu-west-1", [instance("i-1")]),
    ...regionalParts("us-east-1"),
    "s3.buckets": ok([bucket("logs", { region: "us-east-1" })]),
    "sts.regionStatus": ok({
      probedAs: "audit-role-account",
      regions: [
        { region: "eu-north-1", status: "active" as const },
        { region: "eu-west-1", status: "active" as const },
        { region: "us-east-1", status: "active" as const },
        { region: "ca-central-1", status: "disabled" as const },
        { region: "sa-east-1", status: "unknown" as const, errorCode: "TimeoutError" },
      ],
    }),
  };

  it("fails active unused regions, passes used or disabled ones, and leaves us-east-1 not applicable", () => {
    expect(statuses(run(stsRegionsUnusedDisabled, snapshot(base, regions)))).toEqual([
      ["ca-central-1", "pass"],
      ["eu-north-1", "fail"],
      ["eu-west-1", "pass"],
      ["sa-east-1", "unknown"],
      ["us-east-1", "not_applicable"],
    ]);
  });

  it("counts a region where an access key was last used as used", () => {
    const parts = { ...base, "iam.credentialReport": ok(credentialReport([keyRow("ci", 10, 1, { access_key_1_last_used_region: "eu-north-1" })])) };
    const finding = run(stsRegionsUnusedDisabled, snapshot(parts, regions)).find((f) => f.region === "eu-north-1");
    expect(finding).toMatchObject({ status: "pass", evidence: { usedBy: ["access key use"] } });
  });

  it("is unknown rather than fail when the region's resources could not be listed", () => {
    const parts = { ...base, [regional("ec2.instances", "eu-north-1")]: failed("ec2:DescribeInstances", "RequestLimitExceeded") };
    const finding = run(stsRegionsUnusedDisabled, snapshot(parts, regions)).find((f) => f.region === "eu-north-1");
    expect(finding?.status).toBe("unknown");
  });

  it("uses a stable regional resource id", () => {
    const finding = run(stsRegionsUnusedDisabled, snapshot(base, regions)).find((f) => f.region === "eu-north-1");
    expect(finding?.resourceId).toBe(`arn:aws:sts:eu-north-1:${TEST_ACCOUNT_ID}:regional-endpoint`);
  });

  it("is unknown, not pass, when STS answers deactivated in an opt-in region (the refusal may be iamfit's own account's)", () => {
    const probe = (region: string) => ok({ probedAs: "audit-role-account", regions: [{ region, status: "disabled" as const }] });
    const listed = ok([
      { regionName: "ap-east-1", optInStatus: "opted-in" },
      { regionName: "eu-west-3", optInStatus: "opt-in-not-required" },
    ]);
    // Listed as opted in by DescribeRegions.
    expect(only(run(stsRegionsUnusedDisabled, snapshot({ "sts.regionStatus": probe("ap-east-1"), "ec2.regions": listed }, ["ap-east-1"])))).toMatchObject({
      status: "unknown",
      evidence: { optInRegion: true },
    });
    // No region list: a region outside the default-enabled ones may be opt-in.
    expect(only(run(stsRegionsUnusedDisabled, snapshot({ "sts.regionStatus": probe("ap-south-2") }, ["ap-south-2"]))).status).toBe("unknown");
    // A default-enabled region is the audited account's own setting.
    expect(only(run(stsRegionsUnusedDisabled, snapshot({ "sts.regionStatus": probe("eu-west-3"), "ec2.regions": listed }, ["eu-west-3"]))).status).toBe("pass");
  });

  it("is unknown for the opt-in regions it could not examine when DescribeRegions failed", () => {
    const parts = { ...base, "ec2.regions": failed("ec2:DescribeRegions", "UnauthorizedOperation") };
    const findings = run(stsRegionsUnusedDisabled, snapshot(parts, regions));
    expect(findings.find((finding) => finding.region === "opt-in regions")).toMatchObject({ status: "unknown" });
    expect(findings.find((finding) => finding.region === "opt-in regions")?.reason).toContain("only the regions AWS enables by default were examined");
  });

  it("is unknown for the account without the STS probe", () => {
    expect(only(run(stsRegionsUnusedDisabled, snapshot({}))).status).toBe("unknown");
  });
});

describe("sts.global-token-v2", () => {
  const regions = (optIn: string) => ok([{ regionName: "us-east-1", optInStatus: "opt-in-not-required" }, { regionName: "af-south-1", optInStatus: optIn }]);
  it.each([
    ["an opted-in region and version 1", 1, "opted-in", "fail"],
    ["an opted-in region and version 2", 2, "opted-in", "pass"],
    ["no opted-in region", 1, "not-opted-in", "not_applicable"],
  ])("%s → %s", (_, version, optIn, status) => {
    const parts = { "iam.accountSummary": ok({ GlobalEndpointTokenVersion: version }), "ec2.regions": regions(optIn) };
    expect(only(run(stsGlobalTokenV2, snapshot(parts))).status).toBe(status);
  });
});

describe("roles.cross-account-conditions", () => {
  it.each([
    ["another account without conditions", allowPrincipal({ AWS: `arn:aws:iam::${OTHER}:root` }, "sts:AssumeRole"), "fail", "high"],
    ["another account with an ExternalId", allowPrincipal({ AWS: OTHER }, "sts:AssumeRole", { Condition: { StringEquals: { "sts:ExternalId": "x-1" } } }), "pass", "high"],
    ["another account with MFA", allowPrincipal({ AWS: OTHER }, "sts:AssumeRole", { Condition: MFA_PRESENT }), "pass", "high"],
    ["everyone", allowPrincipal("*", "sts:AssumeRole"), "fail", "critical"],
  ])("a role trusting %s → %s", (_, statement, status, severity) => {
    const details = authorizationDetails({ roles: [trustRole("partner", statement)] });
    expect(only(run(rolesCrossAccountConditions, snapshot({ "iam.authorizationDetails": ok(details) })))).toMatchObject({ status, severity });
  });

  it("does not judge roles trusted only by services or the own account, and is unknown for a malformed trust policy", () => {
    const details = authorizationDetails({
      roles: [
        iamRole("ec2"),
        trustRole("own", allowPrincipal({ AWS: `arn:aws:iam::${TEST_ACCOUNT_ID}:root` }, "sts:AssumeRole")),
        iamRole("broken", { assumeRolePolicyDocument: { $malformed: true, raw: "", error: "bad" } }),
      ],
    });
    expect(statuses(run(rolesCrossAccountConditions, snapshot({ "iam.authorizationDetails": ok(details) })))).toEqual([["broken", "unknown"]]);
  });
});

describe("roles.short-sessions", () => {
  it("judges human-assumable roles only, with IAM's one-hour default", () => {
    const human = allowPrincipal({ AWS: `arn:aws:iam::${TEST_ACCOUNT_ID}:root` }, "sts:AssumeRole");
    const details = authorizationDetails({
      roles: [
        trustRole("default-session", human),
        trustRole("twelve-hours", human, { maxSessionDuration: 43200 }),
        trustRole("saml", allowPrincipal({ Federated: `arn:aws:iam::${TEST_ACCOUNT_ID}:saml-provider/okta` }, "sts:AssumeRoleWithSAML"), { maxSessionDuration: 7200 }),
        iamRole("service", { maxSessionDuration: 43200 }),
      ],
    });
    expect(statuses(run(rolesShortSessions, snapshot({ "iam.authorizationDetails": ok(details) })))).toEqual([
      ["default-session", "pass"],
      ["twelve-hours", "fail"],
      ["saml", "fail"],
    ]);
  });
});

describe("users.humans-via-roles", () => {
  it("fails console users who also hold active keys", () => {
    const findings = run(usersHumansViaRoles, snapshot({ "iam.credentialReport": ok(credentialReport([humanRow("alice"), keyRow("bob", 10, 1, { password_enabled: true }), keyRow("ci")])) }));
    expect(statuses(findings)).toEqual([
      ["alice", "pass"],
      ["bob", "fail"],
    ]);
  });
});
