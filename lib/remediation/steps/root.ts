/**
 * Exercise 1 and root MFA (exercise 2). Root credentials are managed by signing in as root, or,
 * in an organization with centralized root access, from the management account with
 * `sts assume-root` and an AWS-managed root-task policy
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html).
 */
import type { RemediationBuilder } from "../content";
import { aws, type CliCommand } from "../shell";

export const ROOT_SIGN_IN = "Sign in to the AWS Management Console as the root user (the account's email address and password).";

export function assumeRoot(accountId: string, task: string): CliCommand {
  return aws(
    `In an organization with centralized root access: from the management account, get a 15-minute root session for ${accountId} limited to this task, then run the commands below with it.`,
    "sts",
    "assume-root",
    { region: "us-east-1", "target-principal": accountId, "task-policy-arn": `arn=arn:aws:iam::aws:policy/root-task/${task}` },
  );
}

export const rootMfa: RemediationBuilder = () => ({
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
});

export const rootHardwareMfa: RemediationBuilder = () => ({
  summary: "Replace the root user's virtual MFA with a hardware security key or token.",
  console: [
    ROOT_SIGN_IN,
    "Open the account menu → Security credentials → Multi-factor authentication (MFA) → Assign MFA device, and register the hardware key.",
    "Sign out and back in with the hardware key to prove it works.",
    "Then remove the virtual device from the same page.",
  ],
  commands: [
    aws("Virtual MFA devices and who they belong to: the one assigned to …:root is root's (CIS 1.6).", "iam", "list-virtual-mfa-devices", {
      "assignment-status": "Assigned",
    }),
  ],
  snippets: [],
  care: ["Add the hardware device before you remove the virtual one, so root is never without MFA."],
});
