/** One account-wide setting; the limits are the ones the finding was judged against. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { DEFAULT_THRESHOLDS } from "../../types";
import type { PasswordPolicyEvidence } from "./evidence";

export function strongPasswordPolicySteps(_target: RemediationTarget, evidence: PasswordPolicyEvidence | null): RemediationSteps {
  const length = evidence?.required.minimumPasswordLength ?? DEFAULT_THRESHOLDS.passwordMinLength;
  const reuse = evidence?.required.passwordReusePrevention ?? DEFAULT_THRESHOLDS.passwordReusePrevention;
  const now =
    evidence === null
      ? ""
      : evidence.present
        ? ` (now: length ${evidence.minimumPasswordLength ?? "default"}, reuse prevention ${evidence.passwordReusePrevention ?? "off"})`
        : " (there is none)";
  return {
    summary: `Set an account password policy with at least ${length} characters and reuse prevention of ${reuse}${now}.`,
    console: [
      "IAM console → Account settings → Password policy → Edit → Custom.",
      `Minimum length ${length}; prevent reuse of the last ${reuse} passwords; require upper, lower, numbers and symbols; allow users to change their own password. Save.`,
    ],
    commands: [
      aws("Apply the policy (it replaces the whole policy: options left out go back to their defaults).", "iam", "update-account-password-policy", {
        "minimum-password-length": String(length),
        "password-reuse-prevention": String(reuse),
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
          `  minimum_password_length        = ${length}`,
          `  password_reuse_prevention      = ${reuse}`,
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
}
