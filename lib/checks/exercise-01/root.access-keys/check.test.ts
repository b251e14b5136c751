import { describe, expect, it } from "vitest";
import { only, run } from "../../testing/run-check";
import { credentialReport, credentialRow, daysAgo, failed, ok, ROOT_ARN, rootRow, snapshot } from "../../testing/snapshot-factory";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { rootAccessKeys } from "./check";

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

  it("shows the root row in words, with the active key marked", () => {
    const finding = only(run(rootAccessKeys, withReport(rootRow({ access_key_2_active: true, access_key_2_last_rotated: "2021-03-04T10:00:00+00:00" }))));
    const blocks = rootAccessKeys.describeEvidence?.(finding.evidence);
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Credential report",
        rows: [
          { label: "User", value: "the root user", verbatim: false },
          { label: "ARN", value: ROOT_ARN, verbatim: true },
          { label: "Access key 1 active", value: "no", verbatim: false, mark: false },
          { label: "Access key 1 created", value: "does not apply", verbatim: false, mark: false },
          { label: "Access key 2 active", value: "yes", verbatim: false, mark: true },
          { label: "Access key 2 created", value: "2021-03-04 10:00 UTC", verbatim: false, mark: false },
        ],
      },
    ]);
    expect(renderedText(blocks ?? [])).not.toMatch(/access_key|root_account/);
  });

  it("shows GetAccountSummary's answer in words when the report was unavailable", () => {
    const finding = only(
      run(rootAccessKeys, snapshot({ "iam.credentialReport": failed("iam:GenerateCredentialReport", "AccessDenied"), "iam.accountSummary": ok({ AccountAccessKeysPresent: 1 }) })),
    );
    const blocks = rootAccessKeys.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks[0]).toMatchObject({ kind: "facts", rows: [{ label: "Root access keys", value: "present (the summary does not say whether active)", mark: true }, { label: "Read with", value: "iam:GetAccountSummary", verbatim: true }] });
    expect(renderedText(blocks)).not.toMatch(/AccountAccessKeysPresent/);
  });

  it("reads the active key's slot and creation day from the typed evidence in its remediation", () => {
    const finding = only(run(rootAccessKeys, withReport(rootRow({ access_key_2_active: true, access_key_2_last_rotated: "2021-03-04T10:00:00+00:00" }))));
    const steps = rootAccessKeys.remediation?.(remediationTarget(finding));
    expect(steps?.commands.map((command) => command.description)).toContain("Set ACCESS_KEY_ID to the AccessKeyId of key 2, created 2021-03-04 from that list.");
  });
});

describe("root.access-keys of a member account whose root credentials are managed centrally", () => {
  const removedRoot = rootRow({ mfa_active: false, password_last_used: "N/A" });
  const features = (enabledFeatures: string[]) =>
    ok({ answer: "member_account", organization: { organizationId: "o-abc123def4", enabledFeatures, readInAccountId: "999988887777" } });

  it("passes and says the organization manages root centrally, with its answer in the evidence", () => {
    const finding = only(run(rootAccessKeys, snapshot({ "iam.credentialReport": ok(credentialReport([removedRoot])), "iam.organizationsFeatures": features(["RootCredentialsManagement"]) })));
    expect(finding.status).toBe("pass");
    expect(finding.reason).toMatch(/; organization o-abc123def4 manages member accounts' root credentials centrally \(RootCredentialsManagement, read in account 999988887777\)\.$/);
    expect(finding.evidence).toMatchObject({ user: "<root_account>", centralRootAccess: { organizationId: "o-abc123def4", readInAccountId: "999988887777" } });
  });

  it("says nothing of the organization when it does not manage root credentials", () => {
    const finding = only(run(rootAccessKeys, snapshot({ "iam.credentialReport": ok(credentialReport([removedRoot])), "iam.organizationsFeatures": features(["RootSessions"]) })));
    expect(finding.status).toBe("pass");
    expect(finding.evidence).not.toHaveProperty("centralRootAccess");
  });

  it("shows the organization's answer in words after the root row", () => {
    const finding = only(run(rootAccessKeys, snapshot({ "iam.credentialReport": ok(credentialReport([removedRoot])), "iam.organizationsFeatures": features(["RootCredentialsManagement"]) })));
    const blocks = rootAccessKeys.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks[1]).toEqual({
      kind: "facts",
      title: "Centralized root access",
      rows: [
        { label: "Organization", value: "o-abc123def4", verbatim: true },
        { label: "Root credentials managed centrally", value: "yes", mark: false },
        { label: "Features enabled", value: "RootCredentialsManagement", verbatim: true },
        { label: "Read in account", value: "999988887777", verbatim: true },
      ],
    });
  });
});
