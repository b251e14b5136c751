import { describe, expect, it } from "vitest";
import { only, run } from "../../testing/run-check";
import { credentialReport, credentialRow, daysAgo, ok, ROOT_ARN, rootRow, snapshot } from "../../testing/snapshot-factory";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { rootRecentUse } from "./check";

const withReport = (...rows: Parameters<typeof credentialReport>[0]) => snapshot({ "iam.credentialReport": ok(credentialReport(rows)) });

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

  it("shows the last-use columns in words, with the most recent use marked", () => {
    const row = rootRow({ password_last_used: "2025-01-10T08:00:00+00:00", access_key_2_last_used_date: "2025-05-28T17:45:00+00:00" });
    const blocks = rootRecentUse.describeEvidence?.(only(run(rootRecentUse, withReport(row))).evidence);
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Credential report",
        rows: [
          { label: "User", value: "the root user", verbatim: false },
          { label: "ARN", value: ROOT_ARN, verbatim: true },
          { label: "Password last used", value: "2025-01-10 08:00 UTC", verbatim: false, mark: false },
          { label: "Access key 1 last used", value: "does not apply", verbatim: false, mark: false },
          { label: "Access key 2 last used", value: "2025-05-28 17:45 UTC", verbatim: false, mark: true },
        ],
      },
    ]);
    expect(renderedText(blocks ?? [])).not.toMatch(/last_used|root_account/);
  });

  it("names root's last use from the typed evidence in its remediation", () => {
    const finding = only(run(rootRecentUse, withReport(rootRow({ password_last_used: "2025-05-20T09:00:00+00:00" }))));
    expect(rootRecentUse.remediation?.(remediationTarget(finding))?.summary).toBe(
      "Find out who used the root user (last: its password, 2025-05-20) and why, move that work to IAM roles, and lock root away.",
    );
  });
});

describe("root.recent-use of a member account whose root credentials are managed centrally", () => {
  const removedRoot = rootRow({ mfa_active: false, password_last_used: "N/A" });
  const features = (enabledFeatures: string[]) =>
    ok({ answer: "member_account", organization: { organizationId: "o-abc123def4", enabledFeatures, readInAccountId: "999988887777" } });

  it("passes and says the organization manages root centrally, with its answer in the evidence", () => {
    const finding = only(run(rootRecentUse, snapshot({ "iam.credentialReport": ok(credentialReport([removedRoot])), "iam.organizationsFeatures": features(["RootCredentialsManagement"]) })));
    expect(finding.status).toBe("pass");
    expect(finding.reason).toMatch(/; organization o-abc123def4 manages member accounts' root credentials centrally \(RootCredentialsManagement, read in account 999988887777\)\.$/);
    expect(finding.evidence).toMatchObject({ user: "<root_account>", centralRootAccess: { organizationId: "o-abc123def4", readInAccountId: "999988887777" } });
  });

  it("says nothing of the organization when it does not manage root credentials", () => {
    const finding = only(run(rootRecentUse, snapshot({ "iam.credentialReport": ok(credentialReport([removedRoot])), "iam.organizationsFeatures": features(["RootSessions"]) })));
    expect(finding.status).toBe("pass");
    expect(finding.evidence).not.toHaveProperty("centralRootAccess");
  });
});
