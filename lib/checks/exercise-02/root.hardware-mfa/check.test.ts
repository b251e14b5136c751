import { describe, expect, it } from "vitest";
import type { PartResult } from "@/lib/snapshot/schema";
import { only, run } from "../../testing/run-check";
import { credentialReport, failed, ok, ROOT_ARN, rootRow, snapshot } from "../../testing/snapshot-factory";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { rootHardwareMfa } from "./check";

const removedRoot = rootRow({ mfa_active: false, password_last_used: "N/A" });
const managedCentrally = ok({
  answer: "member_account",
  organization: { organizationId: "o-abc123def4", enabledFeatures: ["RootCredentialsManagement", "RootSessions"], readInAccountId: "999988887777" },
});
const withRemovedRoot = (features?: PartResult<unknown>, row = removedRoot) =>
  snapshot({ "iam.credentialReport": ok(credentialReport([row])), ...(features ? { "iam.organizationsFeatures": features } : {}) });
const devices = (userArn?: string) => ok(userArn ? [{ serialNumber: "arn:aws:iam::111122223333:mfa/root-account-mfa-device", userArn }] : []);

describe("root.hardware-mfa", () => {
  it.each([
    ["a virtual device assigned to root", rootRow(), devices(ROOT_ARN), "fail"],
    ["a virtual device assigned to a user only", rootRow(), devices("arn:aws:iam::111122223333:user/alice"), "pass"],
    ["no virtual devices", rootRow(), devices(), "pass"],
    ["no MFA at all", rootRow({ mfa_active: false }), devices(), "fail"],
    ["MFA on but virtual devices not collected", rootRow(), failed("iam:ListVirtualMFADevices", "AccessDenied"), "unknown"],
  ])("%s → %s", (_, row, virtualDevices, status) => {
    const parts = { "iam.credentialReport": ok(credentialReport([row])), "iam.virtualMfaDevices": virtualDevices };
    expect(only(run(rootHardwareMfa, snapshot(parts))).status).toBe(status);
  });

  it("shows root's virtual device by its serial number, marked", () => {
    const finding = only(run(rootHardwareMfa, snapshot({ "iam.credentialReport": ok(credentialReport([rootRow()])), "iam.virtualMfaDevices": devices(ROOT_ARN) })));
    const blocks = rootHardwareMfa.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks[1]).toEqual({
      kind: "facts",
      title: "Virtual MFA devices assigned to the root user",
      rows: [{ label: "Serial number", value: "arn:aws:iam::111122223333:mfa/root-account-mfa-device", verbatim: true, mark: true }],
    });
    expect(renderedText(blocks)).not.toMatch(/rootVirtualMfaDevices|mfa_active/);
    const hardware = only(run(rootHardwareMfa, snapshot({ "iam.credentialReport": ok(credentialReport([rootRow()])), "iam.virtualMfaDevices": devices() })));
    expect(rootHardwareMfa.describeEvidence?.(hardware.evidence)?.[1]).toEqual({
      kind: "facts",
      title: "Virtual MFA devices assigned to the root user",
      rows: [{ label: "Virtual devices", value: "none, so root's MFA device is a hardware device" }],
    });
  });

  it("names root's virtual device from the typed evidence in its remediation", () => {
    const finding = only(run(rootHardwareMfa, snapshot({ "iam.credentialReport": ok(credentialReport([rootRow()])), "iam.virtualMfaDevices": devices(ROOT_ARN) })));
    const steps = rootHardwareMfa.remediation?.(remediationTarget(finding));
    expect(steps?.summary).toBe("Replace the root user's virtual MFA with a hardware security key or token.");
    expect(steps?.console).toContain("Then remove the virtual device (arn:aws:iam::111122223333:mfa/root-account-mfa-device) from the same page.");
    const none = only(run(rootHardwareMfa, snapshot({ "iam.credentialReport": ok(credentialReport([rootRow({ mfa_active: false })])), "iam.virtualMfaDevices": devices() })));
    expect(rootHardwareMfa.remediation?.(remediationTarget(none))?.summary).toBe("Give the root user MFA with a hardware security key or token.");
  });
});

describe("root.hardware-mfa of a root user without credentials", () => {
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
    expect(only(run(rootHardwareMfa, withRemovedRoot(features))).status).toBe(status);
  });

  it("passes with the organization's answer in the evidence and the reason", () => {
    const finding = only(run(rootHardwareMfa, withRemovedRoot(managedCentrally)));
    expect(finding.reason).toContain("organization o-abc123def4 manages member accounts' root credentials centrally");
    expect(finding.evidence).toMatchObject({
      centralRootAccess: { organizationId: "o-abc123def4", enabledFeatures: ["RootCredentialsManagement", "RootSessions"], readInAccountId: "999988887777" },
    });
  });

  it("fails with high severity and names password recovery when root is not managed centrally", () => {
    const finding = only(run(rootHardwareMfa, withRemovedRoot(ok({ answer: "not_available", code: "OrganizationNotFound" }))));
    expect(finding).toMatchObject({ status: "fail", severity: "high" });
    expect(finding.reason).toContain("password recovery");
  });

  it("judges a root that still has a password by its MFA even when the organization manages root centrally", () => {
    const withPassword = snapshot({
      "iam.credentialReport": ok(credentialReport([removedRoot])),
      "iam.accountSummary": ok({ AccountPasswordPresent: 1, AccountMFAEnabled: 0 }),
      "iam.organizationsFeatures": managedCentrally,
    });
    expect(only(run(rootHardwareMfa, withPassword)).status).toBe("fail");
  });

  it("trusts GetAccountSummary's AccountPasswordPresent over the report's N/A marks", () => {
    const noPassword = snapshot({
      "iam.credentialReport": ok(credentialReport([rootRow({ mfa_active: false, password_last_used: "no_information" })])),
      "iam.accountSummary": ok({ AccountPasswordPresent: 0, AccountMFAEnabled: 0 }),
      "iam.organizationsFeatures": managedCentrally,
    });
    expect(only(run(rootHardwareMfa, noPassword)).status).toBe("pass");
  });
});
