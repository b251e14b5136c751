import { describe, expect, it } from "vitest";
import type { PartResult } from "@/lib/snapshot/schema";
import { only, run } from "../../testing/run-check";
import { credentialReport, credentialRow, failed, ok, ROOT_ARN, rootRow, snapshot } from "../../testing/snapshot-factory";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { rootMfa } from "./check";

const withReport = (...rows: Parameters<typeof credentialReport>[0]) => snapshot({ "iam.credentialReport": ok(credentialReport(rows)) });

/** Root as AWS Organizations centralized root access leaves it: no password, no keys, no MFA. */
const removedRoot = rootRow({ mfa_active: false, password_last_used: "N/A" });
const managedCentrally = ok({
  answer: "member_account",
  organization: { organizationId: "o-abc123def4", enabledFeatures: ["RootCredentialsManagement", "RootSessions"], readInAccountId: "999988887777" },
});
const withRemovedRoot = (features?: PartResult<unknown>, row = removedRoot) =>
  snapshot({ "iam.credentialReport": ok(credentialReport([row])), ...(features ? { "iam.organizationsFeatures": features } : {}) });

describe("root.mfa", () => {
  it.each([
    ["root with MFA", rootRow(), "pass"],
    ["root with a password and no MFA", rootRow({ mfa_active: false }), "fail"],
    ["root never signed in (no_information) and no MFA", rootRow({ mfa_active: false, password_last_used: "no_information" }), "fail"],
    ["root without password but with an active key and no MFA", rootRow({ mfa_active: false, password_last_used: "N/A", access_key_1_active: true }), "fail"],
  ])("%s → %s", (_, row, status) => {
    expect(only(run(rootMfa, withReport(row))).status).toBe(status);
  });

  it.each([
    ["the report failed and the summary says MFA on", { "iam.credentialReport": failed("iam:GetCredentialReport", "ReportExpired"), "iam.accountSummary": ok({ AccountMFAEnabled: 1 }) }, "pass"],
    ["the report failed and the summary says MFA off (cannot tell removed root from missing MFA)", { "iam.credentialReport": failed("iam:GetCredentialReport", "ReportExpired"), "iam.accountSummary": ok({ AccountMFAEnabled: 0 }) }, "unknown"],
    ["the report has no root row", { "iam.credentialReport": ok(credentialReport([credentialRow("alice")])) }, "unknown"],
    ["nothing was collected", {}, "unknown"],
  ])("when %s → %s", (_, parts, status) => {
    expect(only(run(rootMfa, snapshot(parts))).status).toBe(status);
  });

  it("shows the root row in words, with the missing MFA marked", () => {
    const blocks = rootMfa.describeEvidence?.(only(run(rootMfa, withReport(rootRow({ mfa_active: false })))).evidence);
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Credential report",
        rows: [
          { label: "User", value: "the root user", verbatim: false },
          { label: "ARN", value: ROOT_ARN, verbatim: true },
          { label: "Console password", value: "not reported for the root user", verbatim: false, mark: false },
          { label: "Password last used", value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/), verbatim: false, mark: false },
          { label: "MFA device", value: "no", verbatim: false, mark: true },
          { label: "Access key 1 active", value: "no", verbatim: false, mark: false },
          { label: "Access key 2 active", value: "no", verbatim: false, mark: false },
        ],
      },
    ]);
    expect(renderedText(blocks ?? [])).not.toMatch(/mfa_active|not_supported/);
  });

  it("marks the organization's answer, not the MFA column, for a root without credentials", () => {
    const finding = only(run(rootMfa, withRemovedRoot(ok({ answer: "not_available", code: "OrganizationNotFound" }))));
    const blocks = rootMfa.describeEvidence?.(finding.evidence) ?? [];
    const marked = blocks.flatMap((block) => (block.kind === "facts" ? block.rows.filter((row) => row.mark).map((row) => row.label) : []));
    expect(marked).toEqual(["Root credentials managed centrally"]);
    expect(blocks[1]).toEqual({
      kind: "facts",
      title: "Centralized root access",
      rows: [
        { label: "Root credentials managed centrally", value: "no: centralized root access is not available to this account", mark: true },
        { label: "AWS answered", value: "OrganizationNotFound", verbatim: true },
      ],
    });
  });

  it("reads the organization's answer from the typed evidence in its remediation", () => {
    const outside = only(run(rootMfa, withRemovedRoot(ok({ answer: "not_available", code: "OrganizationNotFound" }))));
    expect(rootMfa.remediation?.(remediationTarget(outside))).toMatchObject({
      summary: "This account is outside an organization that can manage its root centrally: recover the root password and enable MFA on the root user.",
      commands: [],
    });
    const off = ok({ answer: "member_account", organization: { organizationId: "o-abc123def4", enabledFeatures: ["RootSessions"], readInAccountId: "999988887777" } });
    const member = only(run(rootMfa, withRemovedRoot(off)));
    const commands = rootMfa.remediation?.(remediationTarget(member))?.commands.map((command) => command.words.join(" "));
    expect(commands).toEqual(["aws organizations enable-aws-service-access --service-principal iam.amazonaws.com", "aws iam enable-organizations-root-credentials-management"]);
    const withPassword = only(run(rootMfa, withReport(rootRow({ mfa_active: false }))));
    expect(rootMfa.remediation?.(remediationTarget(withPassword))?.summary).toBe("Enable MFA on the root user, preferably a hardware device kept in a safe.");
  });
});

describe("root.mfa of a root user without credentials", () => {
  const off = ok({ answer: "member_account", organization: { organizationId: "o-abc123def4", enabledFeatures: ["RootSessions"], readInAccountId: "999988887777" } });
  it.each([
    ["the organization manages root credentials centrally", managedCentrally, "pass"],
    ["the organization has RootCredentialsManagement off", off, "fail"],
    ["the account is outside an organization", ok({ answer: "not_available", code: "OrganizationNotFound" }), "fail"],
    ["no account that can read the organization's features was collected", ok({ answer: "member_account" }), "unknown"],
    ["the account reads the features itself (management account or delegated administrator)", ok({ answer: "read_here", organizationId: "o-abc123def4", enabledFeatures: ["RootCredentialsManagement"] }), "unknown"],
    ["ListOrganizationsFeatures failed", failed("iam:ListOrganizationsFeatures", "AccessDenied"), "unknown"],
    ["the features were not collected", undefined, "unknown"],
  ])("when %s → %s", (_, features, status) => {
    expect(only(run(rootMfa, withRemovedRoot(features))).status).toBe(status);
  });

  it("passes with the organization's answer in the evidence and the reason", () => {
    const finding = only(run(rootMfa, withRemovedRoot(managedCentrally)));
    expect(finding.reason).toContain("organization o-abc123def4 manages member accounts' root credentials centrally");
    expect(finding.evidence).toMatchObject({
      centralRootAccess: { organizationId: "o-abc123def4", enabledFeatures: ["RootCredentialsManagement", "RootSessions"], readInAccountId: "999988887777" },
    });
  });

  it("fails with high severity and names password recovery when root is not managed centrally", () => {
    const finding = only(run(rootMfa, withRemovedRoot(ok({ answer: "not_available", code: "OrganizationNotFound" }))));
    expect(finding).toMatchObject({ status: "fail", severity: "high" });
    expect(finding.reason).toContain("password recovery");
  });

  it("judges a root that still has a password by its MFA even when the organization manages root centrally", () => {
    const withPassword = snapshot({
      "iam.credentialReport": ok(credentialReport([removedRoot])),
      "iam.accountSummary": ok({ AccountPasswordPresent: 1, AccountMFAEnabled: 0 }),
      "iam.organizationsFeatures": managedCentrally,
    });
    expect(only(run(rootMfa, withPassword)).status).toBe("fail");
  });

  it("trusts GetAccountSummary's AccountPasswordPresent over the report's N/A marks", () => {
    const noPassword = snapshot({
      "iam.credentialReport": ok(credentialReport([rootRow({ mfa_active: false, password_last_used: "no_information" })])),
      "iam.accountSummary": ok({ AccountPasswordPresent: 0, AccountMFAEnabled: 0 }),
      "iam.organizationsFeatures": managedCentrally,
    });
    expect(only(run(rootMfa, noPassword)).status).toBe("pass");
  });

  it.each([
    ["no account that can read the organization's features was collected", ok({ answer: "member_account" })],
    ["the account reads the features itself", ok({ answer: "read_here", organizationId: "o-abc123def4", enabledFeatures: ["RootCredentialsManagement"] })],
    ["ListOrganizationsFeatures failed", failed("iam:ListOrganizationsFeatures", "AccessDenied")],
    ["the features were not collected", undefined],
  ])("says in words why it cannot tell when %s", (_, features) => {
    const finding = only(run(rootMfa, withRemovedRoot(features)));
    const blocks = rootMfa.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks.find((block) => block.kind === "facts" && block.title === "Centralized root access")).toMatchObject({
      rows: expect.arrayContaining([expect.objectContaining({ label: "Root credentials managed centrally", value: expect.stringMatching(/^(unknown|cannot tell): /), mark: true })]),
    });
    expect(renderedText(blocks)).not.toMatch(/read_here|member_account|organizationsFeatures|readInAccountId/);
  });
});
