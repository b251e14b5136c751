/**
 * A policy that denies every action without MFA, best through a group all people belong to
 * (AWS's example policy,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html).
 * A Deny that already exists but guards only the console is fixed in place.
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws } from "@/lib/remediation/shell";
import { quotedString } from "@/lib/remediation/steps/snippet-strings";
import { iamNameFromArn, userNameOf } from "@/lib/remediation/steps/target-names";
import type { MfaEnforcementEvidence } from "./evidence";

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

export function requireMfaSteps(target: RemediationTarget, evidence: MfaEnforcementEvidence | null): RemediationSteps {
  const userName = (evidence && iamNameFromArn(evidence.arn)) ?? userNameOf(target);
  const consoleOnly = evidence && "deniedOnlyInConsoleBy" in evidence ? evidence.deniedOnlyInConsoleBy[0] : undefined;
  const document = JSON.stringify(REQUIRE_MFA_POLICY, null, 2);
  return {
    summary: consoleOnly
      ? `${consoleOnly.policyName} (on ${consoleOnly.attachedTo}) denies ${userName} without MFA only in the console: change its condition to BoolIfExists, or put ${userName} under a policy that denies every action without MFA.`
      : `Put ${userName} under a policy that denies every action without MFA, best through a group all people belong to.`,
    console: [
      ...(consoleOnly
        ? [
            `To fix the existing policy: open ${consoleOnly.policyName} (on ${consoleOnly.attachedTo}) and, in its statement ${consoleOnly.index + 1}, change the condition operator Bool to BoolIfExists for aws:MultiFactorAuthPresent, so requests signed with an access key alone are denied too.`,
          ]
        : []),
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
}
