import { describe, expect, it } from "vitest";
import { rootAccessKeys, rootRecentUse } from "./exercise-01-root-keys";
import { only, run } from "./testing/run-check";
import { credentialReport, credentialRow, daysAgo, failed, ok, ROOT_ARN, rootRow, snapshot } from "./testing/snapshot-factory";

const withReport = (...rows: Parameters<typeof credentialReport>[0]) => snapshot({ "iam.credentialReport": ok(credentialReport(rows)) });

describe("root.access-keys", () => {
  it.each([
    ["no root keys", rootRow(), "pass"],
    ["an active key 1", rootRow({ access_key_1_active: true, access_key_1_last_rotated: daysAgo(500) }), "fail"],
    ["an active key 2 only", rootRow({ access_key_2_active: true }), "fail"],
    ["an inactive key (N/A rotation)", rootRow({ access_key_1_active: false, access_key_1_last_rotated: "N/A" }), "pass"],
  ])("root with %s → %s", (_, row, status) => {
    const finding = only(run(rootAccessKeys, withReport(row)));
    expect(finding).toMatchObject({ status, resourceId: ROOT_ARN, resourceType: "root", severity: "critical" });
  });

  it("keeps the key columns as evidence, not derived ages", () => {
    const finding = only(run(rootAccessKeys, withReport(rootRow({ access_key_1_active: true, access_key_1_last_rotated: "2020-01-01T00:00:00Z" }))));
    expect(finding.evidence).toEqual({
      user: "<root_account>",
      arn: ROOT_ARN,
      access_key_1_active: true,
      access_key_1_last_rotated: "2020-01-01T00:00:00Z",
      access_key_2_active: false,
      access_key_2_last_rotated: "N/A",
    });
  });

  it("is unknown, naming the API and error code, when the credential report failed", () => {
    const finding = only(run(rootAccessKeys, snapshot({ "iam.credentialReport": failed("iam:GenerateCredentialReport", "AccessDenied") })));
    expect(finding.status).toBe("unknown");
    expect(finding.reason).toContain("iam:GenerateCredentialReport failed: AccessDenied");
    expect(finding.resourceId).toBe(ROOT_ARN);
  });

  it("does not pass from stale data, and says when the last known data is from", () => {
    const stale = { data: credentialReport([rootRow()]), collectedAt: "2025-05-01T00:00:00Z" };
    const finding = only(run(rootAccessKeys, snapshot({ "iam.credentialReport": failed("iam:GetCredentialReport", "Throttling", { stale }) })));
    expect(finding.status).toBe("unknown");
    expect(finding.reason).toContain("last known data is from 2025-05-01T00:00:00Z");
  });

  it("is unknown when the report has no root row and no account summary was collected", () => {
    const finding = only(run(rootAccessKeys, withReport(credentialRow("alice"))));
    expect(finding.status).toBe("unknown");
    expect(finding.reason).toContain("no <root_account> row");
  });

  it.each([
    [0, "pass"],
    [1, "fail"],
  ])("falls back to GetAccountSummary AccountAccessKeysPresent=%i → %s", (present, status) => {
    const finding = only(
      run(rootAccessKeys, snapshot({ "iam.credentialReport": failed("iam:GenerateCredentialReport", "AccessDenied"), "iam.accountSummary": ok({ AccountAccessKeysPresent: present }) })),
    );
    expect(finding.status).toBe(status);
  });
});

describe("root.recent-use", () => {
  it.each([
    ["password used 10 days ago", rootRow({ password_last_used: daysAgo(10) }), "fail"],
    ["password used 200 days ago", rootRow({ password_last_used: daysAgo(200) }), "pass"],
    ["password never used (no_information)", rootRow({ password_last_used: "no_information" }), "pass"],
    ["no password (N/A)", rootRow({ password_last_used: "N/A" }), "pass"],
    ["an old password but a key used 5 days ago", rootRow({ password_last_used: daysAgo(300), access_key_2_last_used_date: daysAgo(5) }), "fail"],
  ])("%s → %s", (_, row, status) => {
    expect(only(run(rootRecentUse, withReport(row))).status).toBe(status);
  });

  it("uses the configured window", () => {
    const report = withReport(rootRow({ password_last_used: daysAgo(20) }));
    expect(only(run(rootRecentUse, report, { rootRecentUseDays: 14 })).status).toBe("pass");
  });

  it("mentions the age in days in the reason but keeps dates in the evidence", () => {
    const finding = only(run(rootRecentUse, withReport(rootRow({ password_last_used: daysAgo(10) }))));
    expect(finding.reason).toContain("10 days ago");
    expect(finding.evidence).toMatchObject({ password_last_used: daysAgo(10) });
  });

  it("is unknown when the root row is missing", () => {
    expect(only(run(rootRecentUse, withReport(credentialRow("alice")))).status).toBe("unknown");
  });
});

describe.each([
  ["root.access-keys", rootAccessKeys],
  ["root.recent-use", rootRecentUse],
])("%s of a member account whose root credentials are managed centrally", (_, check) => {
  const removedRoot = rootRow({ mfa_active: false, password_last_used: "N/A" });
  const features = (enabledFeatures: string[]) =>
    ok({ answer: "member_account", organization: { organizationId: "o-abc123def4", enabledFeatures, readInAccountId: "999988887777" } });

  it("passes and says the organization manages root centrally, with its answer in the evidence", () => {
    const finding = only(run(check, snapshot({ "iam.credentialReport": ok(credentialReport([removedRoot])), "iam.organizationsFeatures": features(["RootCredentialsManagement"]) })));
    expect(finding.status).toBe("pass");
    expect(finding.reason).toMatch(/; organization o-abc123def4 manages member accounts' root credentials centrally \(RootCredentialsManagement, read in account 999988887777\)\.$/);
    expect(finding.evidence).toMatchObject({ user: "<root_account>", centralRootAccess: { organizationId: "o-abc123def4", readInAccountId: "999988887777" } });
  });

  it("says nothing of the organization when it does not manage root credentials", () => {
    const finding = only(run(check, snapshot({ "iam.credentialReport": ok(credentialReport([removedRoot])), "iam.organizationsFeatures": features(["RootSessions"]) })));
    expect(finding.status).toBe("pass");
    expect(finding.evidence).not.toHaveProperty("centralRootAccess");
  });
});
