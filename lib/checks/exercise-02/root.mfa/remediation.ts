/** Root MFA is assigned by root itself; a root without credentials is better left with none, managed centrally. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { credentialLessRootSteps, ROOT_SIGN_IN } from "@/lib/remediation/steps/root";
import type { RootMfaEvidence } from "./evidence";

export function enableRootMfaSteps(_target: RemediationTarget, evidence: RootMfaEvidence | null): RemediationSteps {
  const central = evidence && "centralRootAccess" in evidence ? evidence.centralRootAccess : undefined;
  if (central) return credentialLessRootSteps(central);
  return {
    summary: "Enable MFA on the root user, preferably a hardware device kept in a safe.",
    console: [
      ROOT_SIGN_IN,
      "Open the account menu (top right) → Security credentials → Multi-factor authentication (MFA) → Assign MFA device.",
      "Choose a security key or hardware TOTP token (a virtual authenticator only if nothing else is available) and follow the wizard.",
      "Register a second device as a backup and store both apart from the password.",
    ],
    commands: [],
    snippets: [],
    care: [
      "Root MFA can only be assigned while signed in as root: there is no CLI or API path for another principal.",
      "Losing root's only MFA device means an account-recovery process with AWS Support; register a backup device.",
    ],
  };
}
