/**
 * Exercise 1 and root MFA (exercise 2). Root credentials are managed by signing in as root, or,
 * in an organization with centralized root access, from the management account with
 * `sts assume-root` and an AWS-managed root-task policy
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html).
 */
import type { RemediationBuilder } from "../content";
import { aws } from "../shell";
import { CHECK_CLOUDTRAIL_FIRST, CREDENTIAL_REPORT_DELAY, DEACTIVATE_BEFORE_DELETE, keyFacts, retireKeyCommands } from "./access-keys";
import { evidenceRecord } from "./target-names";

const ROOT_SIGN_IN = "Sign in to the AWS Management Console as the root user (the account's email address and password).";

function assumeRoot(accountId: string, task: string) {
  return aws(
    `In an organization with centralized root access: from the management account, get a 15-minute root session for ${accountId} limited to this task, then run the commands below with it.`,
    "sts",
    "assume-root",
    { region: "us-east-1", "target-principal": accountId, "task-policy-arn": `arn=arn:aws:iam::aws:policy/root-task/${task}` },
  );
}

function activeRootSlot(evidence: ReturnType<typeof evidenceRecord>): 1 | 2 | undefined {
  if (evidence.access_key_1_active === true) return 1;
  if (evidence.access_key_2_active === true) return 2;
  return undefined;
}

export const rootAccessKeys: RemediationBuilder = (target) => {
  const slot = activeRootSlot(evidenceRecord(target.evidence));
  return {
    summary: `Deactivate, then delete, the root user's access keys in account ${target.awsAccountId}.`,
    console: [
      ROOT_SIGN_IN,
      "Open the account menu (top right) → Security credentials.",
      "Under Access keys, note each key's last use, then choose Actions → Deactivate.",
      "When nothing has broken for a while, choose Actions → Delete.",
    ],
    commands: [assumeRoot(target.awsAccountId, "IAMDeleteRootUserCredentials"), ...retireKeyCommands({ slot, ...keyFacts(target, slot) }, { withDelete: true })],
    snippets: [],
    care: [
      CHECK_CLOUDTRAIL_FIRST,
      DEACTIVATE_BEFORE_DELETE,
      "Anything still using the root key needs its own IAM role (or user) with only the permissions it needs before the key goes.",
      "These commands must run with root's own credentials or an assume-root session: IAM users and roles cannot manage root's keys.",
      CREDENTIAL_REPORT_DELAY,
    ],
  };
};

export const rootRecentUse: RemediationBuilder = (target) => ({
  summary: "Find out who used the root user and why, move that work to IAM roles, and lock root away.",
  console: [
    "Open CloudTrail → Event history, filter by User name = root, and review what was done and from where.",
    "For each task found, give the people involved an IAM role (or Identity Center permission set) that covers it.",
    ROOT_SIGN_IN,
    "Change the root password to a long random one, store it with the MFA device in a safe place, and delete any root access keys.",
  ],
  commands: [
    aws("Console sign-ins and API calls recorded for the root user (last 90 days, us-east-1 holds global events).", "cloudtrail", "lookup-events", {
      region: "us-east-1",
      "lookup-attributes": "AttributeKey=Username,AttributeValue=root",
      "max-results": "50",
    }),
    aws("When root's password and keys were last used (the credential report's <root_account> row).", "iam", "get-credential-report", {
      query: "Content",
      output: "text",
    }),
  ],
  snippets: [],
  care: [
    "A few tasks genuinely need root (closing the account, changing the support plan, restoring a locked bucket policy); note them instead of chasing them.",
    "Unexpected root use may be an intruder: if nobody recognises it, treat it as an incident and rotate root's password and MFA now.",
  ],
});

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
