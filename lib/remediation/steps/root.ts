/**
 * What the root remediations of exercises 1 and 2 share (each lives in its check's folder). Root
 * credentials are managed by signing in as root, or, in an organization with centralized root
 * access, from the management account with `sts assume-root` and an AWS-managed root-task policy
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html).
 */
import type { CentralRootAccessEvidence } from "@/lib/checks/central-root-access";
import type { RemediationSteps } from "../content";
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

const ROOT_MFA_ONLY_AS_ROOT = "Root MFA can only be assigned while signed in as root: there is no CLI or API path for another principal.";

/**
 * A root without password, keys or MFA fails only because password recovery could revive it.
 * In an organization the lasting fix is to manage member roots centrally, so no root password
 * can be set again; outside one, the root gets its password back and MFA with it.
 */
export function credentialLessRootSteps(central: CentralRootAccessEvidence): RemediationSteps {
  const recover =
    "Recover the root password (sign-in page → Root user → Forgot password, with the account's email address), sign in as root, assign an MFA device under Security credentials, and store password and device apart.";
  if ("answer" in central && central.answer === "not_available") {
    return {
      summary: "This account is outside an organization that can manage its root centrally: recover the root password and enable MFA on the root user.",
      console: [recover, "Register a second MFA device as a backup."],
      commands: [],
      snippets: [],
      care: [ROOT_MFA_ONLY_AS_ROOT, "Whoever reads the account's email address can recover the root password: protect that mailbox with MFA too."],
    };
  }
  return {
    summary: "Have the organization manage member accounts' root credentials centrally, so nobody can recover this root's password; or recover it and enable MFA.",
    console: [
      "From the organization's management account: IAM console → Root access management → Enable, with Root credentials management on.",
      `Or, for this account alone: ${recover}`,
    ],
    commands: [
      aws("From the management account: let IAM work with the organization (trusted access).", "organizations", "enable-aws-service-access", { "service-principal": "iam.amazonaws.com" }),
      aws("Turn on central management of member accounts' root credentials.", "iam", "enable-organizations-root-credentials-management"),
    ],
    snippets: [],
    care: [
      "Central management covers member accounts only: the management account's own root still needs MFA.",
      "Once it is on, the management account can delete members' root credentials (sts assume-root with the IAMDeleteRootUserCredentials task) and nobody can recover them.",
    ],
  };
}
