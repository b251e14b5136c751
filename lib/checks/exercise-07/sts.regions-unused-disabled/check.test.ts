import { describe, expect, it } from "vitest";
import { TEST_ACCOUNT_ID } from "@/lib/policy/testing/iam-factory";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run, statuses } from "../../testing/run-check";
import { bucket, credentialReport, failed, instance, keyRow, ok, regional, securityGroup, snapshot } from "../../testing/snapshot-factory";
import { stsRegionsUnusedDisabled } from "./check";

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

  it("shows the probe's answer and what shows use in words, marking an active region nothing uses", () => {
    const findings = run(stsRegionsUnusedDisabled, snapshot(base, regions));
    const unused = findings.find((finding) => finding.region === "eu-north-1")!;
    expect(stsRegionsUnusedDisabled.describeEvidence?.(unused.evidence)).toEqual([
      {
        kind: "facts",
        title: "STS regional endpoint",
        rows: [
          { label: "Region", value: "eu-north-1", verbatim: true },
          { label: "STS in this region", value: "active: it issued credentials", mark: true },
          { label: "Account whose setting was probed", value: "audit-role-account", verbatim: true },
          {
            label: "What shows the region is used",
            value: "nothing iamfit saw: no instances, custom security groups, Auto Scaling groups, buckets, trails, or key or role use",
            mark: true,
          },
        ],
      },
    ]);
    const failedProbe = stsRegionsUnusedDisabled.describeEvidence?.(findings.find((finding) => finding.region === "sa-east-1")!.evidence) ?? [];
    expect(failedProbe[0]).toMatchObject({ rows: expect.arrayContaining([{ label: "AWS answered", value: "TimeoutError", verbatim: true }]) });
    const global = stsRegionsUnusedDisabled.describeEvidence?.(findings.find((finding) => finding.region === "us-east-1")!.evidence) ?? [];
    expect(global[0]).toMatchObject({ rows: expect.arrayContaining([{ label: "What shows the region is used", value: "buckets", mark: false }]) });
    expect(renderedText(global)).toContain("no: it serves the global STS endpoint");
    expect(renderedText(failedProbe)).not.toMatch(/usedBy|probedAs|errorCode|unknown/);
  });

  it("names the region from the typed evidence in its remediation", () => {
    const finding = run(stsRegionsUnusedDisabled, snapshot(base, regions)).find((f) => f.region === "eu-north-1")!;
    const steps = stsRegionsUnusedDisabled.remediation?.({ ...remediationTarget(finding), region: null });
    expect(steps?.summary).toBe("Deactivate the STS regional endpoint in eu-north-1, which this account does not use.");
    expect(steps?.commands[0]?.words).toContain("eu-north-1");
  });
});
