/**
 * Exercise 6, "Rotate all the Keys Regularly": young single keys, unused credentials disabled,
 * a strong password policy (CIS 1.8, 1.9, 1.12–1.14). Rotation keeps the workload running: a
 * second key is created, deployed, and only then is the old one deactivated.
 */
import type { RemediationBuilder } from "../content";
import { aws } from "../shell";
import { CHECK_CLOUDTRAIL_FIRST, CREDENTIAL_REPORT_DELAY, DEACTIVATE_BEFORE_DELETE, keyConsoleSteps, keyFacts, retireKeyCommands } from "./access-keys";
import { accessKeySlotOf, evidenceRecord, userNameOf } from "./target-names";

export const keysSingleActive: RemediationBuilder = (target) => {
  const userName = userNameOf(target);
  return {
    summary: `Deactivate the one of ${userName}'s two active keys that is no longer needed (usually the older).`,
    console: keyConsoleSteps(userName),
    commands: retireKeyCommands({ userName }, { withDelete: true }),
    snippets: [],
    care: [CHECK_CLOUDTRAIL_FIRST, "Compare both keys' Last used: the one still in use stays.", DEACTIVATE_BEFORE_DELETE, CREDENTIAL_REPORT_DELAY],
  };
};

export const credentialsUnused: RemediationBuilder = (target) => {
  const userName = userNameOf(target);
  if (target.resourceId.endsWith("#password")) {
    const lastUsed = evidenceRecord(target.evidence).password_last_used;
    return {
      summary: `Remove ${userName}'s unused console password${typeof lastUsed === "string" && lastUsed !== "N/A" && lastUsed !== "no_information" ? ` (last used ${lastUsed.slice(0, 10)})` : ""}.`,
      console: [`IAM console → Users → ${userName} → Security credentials → Console password → Manage → Disable.`],
      commands: [
        aws(`When ${userName} last signed in.`, "iam", "get-user", { "user-name": userName, query: "User.PasswordLastUsed" }),
        aws(`Remove the password (give a new one with create-login-profile if ${userName} needs the console again).`, "iam", "delete-login-profile", { "user-name": userName }),
      ],
      snippets: [],
      care: [
        "Removing the password only ends console sign-in; the user's keys keep working.",
        "A person who left should lose the whole user, not just the password.",
        CREDENTIAL_REPORT_DELAY,
      ],
    };
  }
  const slot = accessKeySlotOf(target.resourceId);
  return {
    summary: `Deactivate ${userName}'s unused access key${slot ? ` ${slot}` : ""}, and delete it after a quiet period.`,
    console: keyConsoleSteps(userName),
    commands: retireKeyCommands({ userName, slot, ...keyFacts(target, slot) }, { withDelete: true }),
    snippets: [],
    care: [CHECK_CLOUDTRAIL_FIRST, DEACTIVATE_BEFORE_DELETE, CREDENTIAL_REPORT_DELAY],
  };
};

export const passwordPolicyStrong: RemediationBuilder = (target) => {
  const evidence = evidenceRecord(target.evidence);
  const now =
    evidence.present === false
      ? "there is none"
      : `now: length ${String(evidence.minimumPasswordLength ?? "default")}, reuse prevention ${String(evidence.passwordReusePrevention ?? "off")}`;
  return {
    summary: `Set an account password policy with at least 14 characters and reuse prevention of 24 (${now}).`,
    console: [
      "IAM console → Account settings → Password policy → Edit → Custom.",
      "Minimum length 14; prevent reuse of the last 24 passwords; require upper, lower, numbers and symbols; allow users to change their own password. Save.",
    ],
    commands: [
      aws("Apply the policy (it replaces the whole policy: options left out go back to their defaults).", "iam", "update-account-password-policy", {
        "minimum-password-length": "14",
        "password-reuse-prevention": "24",
        "require-symbols": true,
        "require-numbers": true,
        "require-uppercase-characters": true,
        "require-lowercase-characters": true,
        "allow-users-to-change-password": true,
      }),
      aws("Check the result.", "iam", "get-account-password-policy"),
    ],
    snippets: [
      {
        title: "Terraform (CloudFormation has no resource for the account password policy)",
        language: "hcl",
        code: [
          'resource "aws_iam_account_password_policy" "strict" {',
          "  minimum_password_length        = 14",
          "  password_reuse_prevention      = 24",
          "  require_symbols                = true",
          "  require_numbers                = true",
          "  require_uppercase_characters   = true",
          "  require_lowercase_characters   = true",
          "  allow_users_to_change_password = true",
          "}",
        ].join("\n"),
      },
    ],
    care: ["The policy applies at each user's next password change; existing passwords keep working until then."],
  };
};
