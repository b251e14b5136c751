import { describe, expect, it } from "vitest";
import { attached, authorizationDetails, customerPolicyArn, iamGroup, iamUser, inline, managedPolicy } from "@/lib/policy/testing/iam-factory";
import { allow, deny, MFA_ABSENT_IF_EXISTS, MFA_PRESENT, policy } from "@/lib/policy/testing/policy-factory";
import { rootHardwareMfa, rootMfa, usersConsoleMfa, usersMfaEnforced } from "./exercise-02-mfa";
import { only, run, statuses } from "./testing/run-check";
import type { PartResult } from "@/lib/snapshot/schema";
import { credentialReport, credentialRow, failed, humanRow, keyRow, ok, ROOT_ARN, rootRow, snapshot } from "./testing/snapshot-factory";

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
});

describe("root.hardware-mfa", () => {
  const devices = (userArn?: string) => ok(userArn ? [{ serialNumber: "arn:aws:iam::111122223333:mfa/root-account-mfa-device", userArn }] : []);
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
});

describe.each([
  ["root.mfa", rootMfa],
  ["root.hardware-mfa", rootHardwareMfa],
])("%s of a root user without credentials", (_, check) => {
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
});

describe("users.console-mfa", () => {
  it("judges only users with a console password", () => {
    const findings = run(
      usersConsoleMfa,
      withReport(rootRow({ mfa_active: false }), humanRow("alice"), humanRow("bob", { mfa_active: false }), keyRow("ci-bot"), credentialRow("n-a", { password_enabled: "N/A" })),
    );
    expect(statuses(findings)).toEqual([
      ["alice", "pass"],
      ["bob", "fail"],
    ]);
  });

  it("is unknown for the account when the report is missing", () => {
    expect(only(run(usersConsoleMfa, snapshot({}))).status).toBe("unknown");
  });
});

describe("users.mfa-enforced", () => {
  const enforcing = managedPolicy(customerPolicyArn("force-mfa"), policy(allow("iam:ListMFADevices"), { Effect: "Deny", NotAction: ["iam:*MFA*"], Resource: "*", Condition: MFA_ABSENT_IF_EXISTS }));
  const parts = (users: ReturnType<typeof iamUser>[], rows = users.map((user) => humanRow(user.userName))) => ({
    "iam.credentialReport": ok(credentialReport(rows)),
    "iam.authorizationDetails": ok(
      authorizationDetails({
        users,
        groups: [iamGroup("humans", { attachedManagedPolicies: [attached(enforcing.arn)] })],
        policies: [enforcing],
      }),
    ),
  });

  it.each([
    ["in a group with the Deny-without-MFA policy", iamUser("alice", { groups: ["humans"] }), "pass"],
    ["with an inline Deny * BoolIfExists false", iamUser("bob", { inlinePolicies: [inline("mfa", policy(deny("*", "*", { Condition: MFA_ABSENT_IF_EXISTS })))] }), "pass"],
    ["whose only Allow requires MFA (seed 003)", iamUser("carol", { inlinePolicies: [inline("all-with-mfa", policy(allow("*", "*", { Condition: MFA_PRESENT })))] }), "pass"],
    ["with only a console Deny (Bool false leaves access keys usable)", iamUser("frank", { inlinePolicies: [inline("mfa", policy(deny("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } })))] }), "fail"],
    ["with plain Allows only", iamUser("dave", { inlinePolicies: [inline("s3", policy(allow("s3:*")))] }), "fail"],
    ["with a malformed policy and nothing enforcing", iamUser("erin", { inlinePolicies: [inline("broken", { $malformed: true, raw: "%", error: "URI malformed" })] }), "unknown"],
  ])("a console user %s → %s", (_, user, status) => {
    expect(only(run(usersMfaEnforced, snapshot(parts([user])))).status).toBe(status);
  });

  it("says why a console-only Deny does not count", () => {
    const user = iamUser("frank", { inlinePolicies: [inline("mfa", policy(deny("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } })))] });
    const finding = only(run(usersMfaEnforced, snapshot(parts([user]))));
    expect(finding.reason).toContain("only for console sessions");
    expect(finding.evidence).toMatchObject({ deniedWithoutMfaBy: [], deniedOnlyInConsoleBy: [{ policy: "inline policy mfa", index: 0 }] });
  });

  it("is unknown for a console user missing from the authorization details", () => {
    const findings = run(usersMfaEnforced, snapshot(parts([], [humanRow("ghost")])));
    expect(statuses(findings)).toEqual([["ghost", "unknown"]]);
  });

  it("shows the denying statement in the evidence", () => {
    const finding = only(run(usersMfaEnforced, snapshot(parts([iamUser("alice", { groups: ["humans"] })]))));
    expect(finding.evidence).toMatchObject({ deniedWithoutMfaBy: [{ policy: "group humans › managed policy force-mfa", index: 1 }], serviceControlPolicies: "not considered" });
  });

  it("is unknown for the account when the authorization details failed", () => {
    const finding = only(
      run(usersMfaEnforced, snapshot({ "iam.credentialReport": ok(credentialReport([humanRow("a")])), "iam.authorizationDetails": failed("iam:GetAccountAuthorizationDetails", "Throttling") })),
    );
    expect(finding).toMatchObject({ status: "unknown", resourceType: "account" });
    expect(finding.reason).toContain("iam:GetAccountAuthorizationDetails failed: Throttling");
  });
});
