/**
 * Exercise 2 for IAM users: MFA on every console user, and a policy that denies work without
 * MFA (seed 003's "MFA-enforced policies"; AWS's example policy
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html).
 */
import type { RemediationBuilder } from "../content";
import { aws } from "../shell";
import { quotedString } from "./snippet-strings";
import { userNameOf } from "./target-names";

export const REQUIRE_MFA_POLICY_NAME = "RequireMFA";

/** Denies everything but setting up one's own MFA until the session has MFA. */
export const REQUIRE_MFA_POLICY = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "DenyAllExceptMfaSetupWithoutMFA",
      Effect: "Deny",
      NotAction: [
        "iam:CreateVirtualMFADevice",
        "iam:EnableMFADevice",
        "iam:GetUser",
        "iam:ListMFADevices",
        "iam:ListVirtualMFADevices",
        "iam:ResyncMFADevice",
        "iam:ChangePassword",
        "sts:GetSessionToken",
      ],
      Resource: "*",
      Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
    },
  ],
};

export const usersConsoleMfa: RemediationBuilder = (target) => {
  const userName = userNameOf(target);
  return {
    summary: `Have ${userName} enrol an MFA device, or remove the console password if ${userName} does not sign in.`,
    console: [
      `Ask ${userName} to sign in and open the account menu → Security credentials → Assign MFA device (they hold the device, so they enrol it).`,
      `Or, as an administrator: IAM console → Users → ${userName} → Security credentials → Assign MFA device, with the device at hand.`,
      `If ${userName} never signs in to the console: Security credentials → Console password → Manage → Disable.`,
    ],
    commands: [
      aws(`MFA devices ${userName} has now.`, "iam", "list-mfa-devices", { "user-name": userName }),
      aws(`When ${userName} last signed in (PasswordLastUsed).`, "iam", "get-user", { "user-name": userName, query: "User.PasswordLastUsed" }),
      aws(`If ${userName} does not need the console: remove the password instead.`, "iam", "delete-login-profile", { "user-name": userName }),
    ],
    snippets: [],
    care: [
      "Enrolling MFA needs two consecutive codes from the device, so the person holding it has to do it (or be there).",
      "Deleting the console password signs the user out of the console for good; their access keys keep working.",
    ],
  };
};

export const usersMfaEnforced: RemediationBuilder = (target) => {
  const userName = userNameOf(target);
  const document = JSON.stringify(REQUIRE_MFA_POLICY, null, 2);
  return {
    summary: `Put ${userName} under a policy that denies every action without MFA, best through a group all people belong to.`,
    console: [
      `IAM console → Policies → Create policy → JSON, paste the policy below, name it ${REQUIRE_MFA_POLICY_NAME}.`,
      "IAM console → User groups → the group all people belong to (create one if needed) → Permissions → Add permissions → attach the policy.",
      `Add ${userName} to that group (Users → ${userName} → Groups → Add user to groups).`,
    ],
    commands: [
      aws("Save the policy below as require-mfa.json, then create it.", "iam", "create-policy", {
        "policy-name": REQUIRE_MFA_POLICY_NAME,
        "policy-document": "file://require-mfa.json",
      }),
      aws(`Groups ${userName} belongs to: attach the policy to the one for people.`, "iam", "list-groups-for-user", { "user-name": userName }),
      aws(`Or attach it to ${userName} directly.`, "iam", "attach-user-policy", {
        "user-name": userName,
        "policy-arn": `arn:aws:iam::${target.awsAccountId}:policy/${REQUIRE_MFA_POLICY_NAME}`,
      }),
    ],
    snippets: [
      { title: "require-mfa.json", language: "json", code: document },
      {
        title: "CloudFormation",
        language: "yaml",
        code: [
          "RequireMfaPolicy:",
          "  Type: AWS::IAM::ManagedPolicy",
          "  Properties:",
          `    ManagedPolicyName: ${REQUIRE_MFA_POLICY_NAME}`,
          `    Users: [${quotedString(userName)}]`,
          "    PolicyDocument:",
          ...JSON.stringify(REQUIRE_MFA_POLICY, null, 2)
            .split("\n")
            .map((line) => `      ${line}`),
        ].join("\n"),
      },
    ],
    care: [
      "Users without MFA lose everything except setting up MFA the moment the policy applies: tell them first.",
      "Access keys used without MFA stop working too; workloads should use roles (exercise 4), people aws sts get-session-token with their MFA code.",
    ],
  };
};
