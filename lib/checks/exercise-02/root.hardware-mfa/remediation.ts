/** A hardware device is added before the virtual one goes, so root is never without MFA. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { credentialLessRootSteps, ROOT_SIGN_IN } from "@/lib/remediation/steps/root";
import type { RootHardwareMfaEvidence } from "./evidence";

export function hardwareRootMfaSteps(_target: RemediationTarget, evidence: RootHardwareMfaEvidence | null): RemediationSteps {
  if (evidence?.centralRootAccess) return credentialLessRootSteps(evidence.centralRootAccess);
  const virtual = evidence?.rootVirtualMfaDevices ?? [];
  const noMfa = evidence !== null && evidence.mfa_active !== true;
  return {
    summary: noMfa ? "Give the root user MFA with a hardware security key or token." : "Replace the root user's virtual MFA with a hardware security key or token.",
    console: [
      ROOT_SIGN_IN,
      "Open the account menu → Security credentials → Multi-factor authentication (MFA) → Assign MFA device, and register the hardware key.",
      "Sign out and back in with the hardware key to prove it works.",
      ...(noMfa ? [] : [virtual.length > 0 ? `Then remove the virtual device (${virtual.join(", ")}) from the same page.` : "Then remove the virtual device from the same page."]),
    ],
    commands: [
      aws("Virtual MFA devices and who they belong to: the one assigned to …:root is root's (CIS 1.6).", "iam", "list-virtual-mfa-devices", {
        "assignment-status": "Assigned",
      }),
    ],
    snippets: [],
    care: ["Add the hardware device before you remove the virtual one, so root is never without MFA."],
  };
}
