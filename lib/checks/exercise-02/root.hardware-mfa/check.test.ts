import { describe, expect, it } from "vitest";
import type { PartResult } from "@/lib/snapshot/schema";
import { only, run } from "../../testing/run-check";
import { credentialReport, failed, ok, ROOT_ARN, rootRow, snapshot } from "../../testing/snapshot-factory";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { describeRootWithoutCredentials, managedCentrally, removedRoot, withRemovedRoot } from "../../testing/root-without-credentials";
import { rootHardwareMfa } from "./check";

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

describeRootWithoutCredentials(rootHardwareMfa);
