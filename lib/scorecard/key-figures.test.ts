import { describe, expect, it } from "vitest";
import {
  credentialReport,
  credentialRow,
  failed,
  humanRow,
  instance,
  keyRow,
  ok,
  regional,
  rootRow,
  snapshot,
} from "@/lib/checks/testing/snapshot-factory";
import { attached, authorizationDetails, awsPolicyArn, iamRole, iamUser } from "@/lib/policy/testing/iam-factory";
import { DEFAULT_THRESHOLDS } from "@/lib/checks/types";
import { computeKeyFigures } from "./key-figures";

const report = (...rows: Parameters<typeof credentialReport>[0]) => ok(credentialReport(rows));

describe("computeKeyFigures", () => {
  it.each([
    [[rootRow()], { present: false, activeKeys: 0 }],
    [[rootRow({ access_key_1_active: true })], { present: true, activeKeys: 1 }],
    [[rootRow({ access_key_1_active: true, access_key_2_active: true })], { present: true, activeKeys: 2 }],
  ])("counts the root user's active keys from the credential report", (rows, value) => {
    expect(computeKeyFigures(snapshot({ "iam.credentialReport": report(...rows) })).rootKeys).toEqual({ available: true, value });
  });

  it("falls back to the account summary for root keys when the report cannot be read", () => {
    const figures = computeKeyFigures(
      snapshot({ "iam.credentialReport": failed("iam:GetCredentialReport", "AccessDenied"), "iam.accountSummary": ok({ AccountAccessKeysPresent: 1 }) }),
    );
    expect(figures.rootKeys).toEqual({ available: true, value: { present: true, activeKeys: null } });
  });

  it("says why a figure is unavailable instead of guessing", () => {
    const figures = computeKeyFigures(snapshot({ "iam.credentialReport": failed("iam:GetCredentialReport", "AccessDenied") }));
    expect(figures.rootKeys).toEqual({ available: false, reason: "iam:GetCredentialReport failed: AccessDenied" });
    expect(figures.mfaCoverage).toEqual({ available: false, reason: "iam:GetCredentialReport failed: AccessDenied" });
    expect(figures.admins.available).toBe(false);
    expect(figures.stsRegions).toEqual({ available: false, reason: "The STS regional endpoint settings were not collected" });
  });

  it("measures MFA coverage over console users only, rounding down", () => {
    const figures = computeKeyFigures(
      snapshot({
        "iam.credentialReport": report(
          rootRow(),
          humanRow("alice"),
          humanRow("bob"),
          humanRow("carol", { mfa_active: false }),
          keyRow("ci-bot"),
        ),
      }),
    );
    expect(figures.mfaCoverage).toEqual({ available: true, value: { covered: 2, total: 3, percent: 66 } });
  });

  it("has no MFA percentage when nobody has a console password", () => {
    const figures = computeKeyFigures(snapshot({ "iam.credentialReport": report(rootRow(), keyRow("ci-bot")) }));
    expect(figures.mfaCoverage).toEqual({ available: true, value: { covered: 0, total: 0, percent: null } });
  });

  it("finds the oldest active user key, ignoring inactive keys and the root user", () => {
    const figures = computeKeyFigures(
      snapshot({
        "iam.credentialReport": report(
          rootRow({ access_key_1_active: true, access_key_1_last_rotated: "2010-01-01T00:00:00Z" }),
          keyRow("young", 10),
          keyRow("old", 400, 1, { access_key_2_active: true, access_key_2_last_rotated: "2024-01-01T12:00:00.000Z" }),
          credentialRow("inactive", { access_key_1_active: false, access_key_1_last_rotated: "2000-01-01T00:00:00Z" }),
        ),
      }),
    );
    expect(figures.oldestActiveKey).toEqual({ available: true, value: { ageDays: 517, userName: "old", slot: 2, tooOld: true } });
  });

  it.each([
    [90, false],
    [91, true],
  ])("calls a %i-day-old key too old: %s (over the 90-day limit, as check keys.rotated does)", (age, tooOld) => {
    const figures = computeKeyFigures(snapshot({ "iam.credentialReport": report(keyRow("k", age)) }));
    expect(figures.oldestActiveKey).toMatchObject({ value: { ageDays: age, tooOld } });
  });

  it("has no oldest key when no user has an active key", () => {
    expect(computeKeyFigures(snapshot({ "iam.credentialReport": report(rootRow(), humanRow("a")) })).oldestActiveKey).toEqual({ available: true, value: null });
  });

  it("counts users with effective admin rights", () => {
    const details = authorizationDetails({
      users: [
        iamUser("zed", { attachedManagedPolicies: [attached(awsPolicyArn("AdministratorAccess"))] }),
        iamUser("amy", { attachedManagedPolicies: [attached(awsPolicyArn("AdministratorAccess"))] }),
        iamUser("reader"),
      ],
    });
    const figures = computeKeyFigures(snapshot({ "iam.authorizationDetails": ok(details) }));
    expect(figures.admins).toEqual({ available: true, value: { count: 2, names: ["amy", "zed"], undetermined: 0, overLimit: false } });
    expect(computeKeyFigures(snapshot({ "iam.authorizationDetails": ok(details) }), { ...DEFAULT_THRESHOLDS, adminLimit: 1 }).admins).toMatchObject({ value: { overLimit: true } });
  });

  it("compares STS regions active with the regions the account uses, as check sts.regions-unused-disabled does", () => {
    const parts = {
      "sts.regionStatus": ok({
        probedAs: "123",
        regions: [
          { region: "us-east-1", status: "active" as const },
          { region: "eu-west-1", status: "active" as const },
          { region: "ap-south-1", status: "active" as const },
          { region: "sa-east-1", status: "disabled" as const },
          { region: "eu-central-1", status: "unknown" as const },
        ],
      }),
      [regional("ec2.instances", "eu-west-1")]: ok([instance("i-1")]),
      [regional("ec2.instances", "ap-south-1")]: ok([instance("i-2", { state: "terminated" })]),
      [regional("ec2.instances", "us-east-1")]: ok([]),
      ...Object.fromEntries(
        ["ap-south-1", "eu-west-1", "us-east-1"].flatMap((region) => [
          [regional("ec2.securityGroups", region), ok([])],
          [regional("autoscaling.groups", region), ok({ groups: [], policies: [] })],
        ]),
      ),
      "iam.credentialReport": report(keyRow("ci", 10, 1, { access_key_1_last_used_region: "ca-central-1" })),
      "s3.buckets": ok([]),
    };
    const figures = computeKeyFigures(snapshot(parts, ["ap-south-1", "eu-west-1", "us-east-1"]));
    // ca-central-1 shows key use but is not a region the STS probe or the snapshot covers.
    expect(figures.stsRegions).toEqual({
      available: true,
      value: { active: ["ap-south-1", "eu-west-1", "us-east-1"], used: ["eu-west-1"], activeUnused: ["ap-south-1"], activeUsageUnknown: [] },
    });
  });

  it("keeps an active region whose use cannot be read apart from the unused ones", () => {
    const parts = {
      "sts.regionStatus": ok({ probedAs: "123", regions: [{ region: "ap-south-1", status: "active" as const }] }),
      [regional("ec2.instances", "ap-south-1")]: failed("ec2:DescribeInstances", "AccessDenied", { region: "ap-south-1" }),
    };
    const figures = computeKeyFigures(snapshot(parts, ["ap-south-1"]));
    expect(figures.stsRegions).toMatchObject({ available: true, value: { activeUnused: [], activeUsageUnknown: ["ap-south-1"] } });
  });
});
