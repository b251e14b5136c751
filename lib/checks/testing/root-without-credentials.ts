/**
 * The cases both root MFA checks share for a root user without credentials (centralized root
 * access): the organization's answer decides, and a root that kept a password is judged by its MFA.
 */
import { describe, expect, it } from "vitest";
import type { PartResult } from "@/lib/snapshot/schema";
import type { CheckDefinition } from "../types";
import { renderedText } from "./check-folder";
import { only, run } from "./run-check";
import { credentialReport, failed, ok, rootRow, snapshot } from "./snapshot-factory";

/** Root as AWS Organizations centralized root access leaves it: no password, no keys, no MFA. */
export const removedRoot = rootRow({ mfa_active: false, password_last_used: "N/A" });
export const managedCentrally = ok({
  answer: "member_account",
  organization: { organizationId: "o-abc123def4", enabledFeatures: ["RootCredentialsManagement", "RootSessions"], readInAccountId: "999988887777" },
});
export const withRemovedRoot = (features?: PartResult<unknown>, row = removedRoot) =>
  snapshot({ "iam.credentialReport": ok(credentialReport([row])), ...(features ? { "iam.organizationsFeatures": features } : {}) });

export function describeRootWithoutCredentials(check: CheckDefinition): void {
describe(`${check.id} of a root user without credentials`, () => {
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
    expect(only(run(check, withRemovedRoot(features))).status).toBe(status);
  });

  it("passes with the organization's answer in the evidence and the reason", () => {
    const finding = only(run(check, withRemovedRoot(managedCentrally)));
    expect(finding.reason).toContain("organization o-abc123def4 manages member accounts' root credentials centrally");
    expect(finding.evidence).toMatchObject({
      centralRootAccess: { organizationId: "o-abc123def4", enabledFeatures: ["RootCredentialsManagement", "RootSessions"], readInAccountId: "999988887777" },
    });
  });

  it("fails with high severity and names password recovery when root is not managed centrally", () => {
    const finding = only(run(check, withRemovedRoot(ok({ answer: "not_available", code: "OrganizationNotFound" }))));
    expect(finding).toMatchObject({ status: "fail", severity: "high" });
    expect(finding.reason).toContain("password recovery");
  });

  it("judges a root that still has a password by its MFA even when the organization manages root centrally", () => {
    const withPassword = snapshot({
      "iam.credentialReport": ok(credentialReport([removedRoot])),
      "iam.accountSummary": ok({ AccountPasswordPresent: 1, AccountMFAEnabled: 0 }),
      "iam.organizationsFeatures": managedCentrally,
    });
    expect(only(run(check, withPassword)).status).toBe("fail");
  });

  it("trusts GetAccountSummary's AccountPasswordPresent over the report's N/A marks", () => {
    const noPassword = snapshot({
      "iam.credentialReport": ok(credentialReport([rootRow({ mfa_active: false, password_last_used: "no_information" })])),
      "iam.accountSummary": ok({ AccountPasswordPresent: 0, AccountMFAEnabled: 0 }),
      "iam.organizationsFeatures": managedCentrally,
    });
    expect(only(run(check, noPassword)).status).toBe("pass");
  });

  it.each([
    ["no account that can read the organization's features was collected", ok({ answer: "member_account" })],
    ["the account reads the features itself", ok({ answer: "read_here", organizationId: "o-abc123def4", enabledFeatures: ["RootCredentialsManagement"] })],
    ["ListOrganizationsFeatures failed", failed("iam:ListOrganizationsFeatures", "AccessDenied")],
    ["the features were not collected", undefined],
  ])("says in words why it cannot tell when %s", (_, features) => {
    const finding = only(run(check, withRemovedRoot(features)));
    const blocks = check.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks.find((block) => block.kind === "facts" && block.title === "Centralized root access")).toMatchObject({
      rows: expect.arrayContaining([expect.objectContaining({ label: "Root credentials managed centrally", value: expect.stringMatching(/^(unknown|cannot tell): /), mark: true })]),
    });
    expect(renderedText(blocks)).not.toMatch(/read_here|member_account|organizationsFeatures|readInAccountId/);
  });
});
}
