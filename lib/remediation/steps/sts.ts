/**
 * Exercise 7, "Use IAM Roles with STS AssumeRole Where Possible" (seed 003: disable STS regions
 * you do not use, MFA on cross-account roles, short sessions because STS tokens cannot be revoked).
 */
import type { RemediationBuilder } from "../content";
import { aws } from "../shell";
import { CHECK_CLOUDTRAIL_FIRST, CREDENTIAL_REPORT_DELAY, DEACTIVATE_BEFORE_DELETE, retireKeyCommands } from "./access-keys";
import { evidenceArray, evidenceRecord, regionOf, roleNameOf, userNameOf } from "./target-names";

export const stsRegionsUnusedDisabled: RemediationBuilder = (target) => {
  const region = regionOf(target);
  return {
    summary: `Deactivate the STS regional endpoint in ${region}, which this account does not use.`,
    console: [
      "IAM console → Account settings → Security Token Service (STS) → Endpoints.",
      `Find ${region} and choose Deactivate (us-east-1 and the global endpoint cannot be deactivated).`,
    ],
    commands: [
      aws(`Recent STS calls served in ${region} (CloudTrail event history): if anything appears, something uses it.`, "cloudtrail", "lookup-events", {
        region,
        "lookup-attributes": "AttributeKey=EventSource,AttributeValue=sts.amazonaws.com",
        "max-results": "50",
      }),
    ],
    snippets: [],
    care: [
      "AWS has no API or CLI command to deactivate an STS region: it is done in the IAM console (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html).",
      "The setting of the account that owns the role decides whether credentials are issued in a region: a deactivated region answers RegionDisabledException to anyone assuming this account's roles there.",
      "Reactivating is one click, so the change is easy to undo if a workload turns out to need it.",
    ],
  };
};

export const stsGlobalTokenV2: RemediationBuilder = () => ({
  summary: "Make the global STS endpoint issue version 2 tokens, valid in every region, including the opted-in ones this account uses.",
  console: ["IAM console → Account settings → Security Token Service (STS) → Session tokens from the STS endpoints → Edit → Valid in all AWS Regions."],
  commands: [
    aws("Switch the global endpoint to v2 tokens.", "iam", "set-security-token-service-preferences", { "global-endpoint-token-version": "v2Token" }),
    aws("Check: GlobalEndpointTokenVersion is 2.", "iam", "get-account-summary", { query: "SummaryMap.GlobalEndpointTokenVersion" }),
  ],
  snippets: [],
  care: ["Version 2 tokens are longer; software that stores session tokens in fixed-size fields may need checking. Using regional STS endpoints avoids the issue altogether."],
});

function trustPolicy(principals: string[], condition: object) {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: principals.length === 1 ? principals[0] : principals }, Action: "sts:AssumeRole", Condition: condition }],
  };
}

export const rolesCrossAccountConditions: RemediationBuilder = (target) => {
  const roleName = roleNameOf(target);
  const trusted = evidenceArray(target.evidence, "crossAccount")
    .map((principal) => evidenceRecord(principal).principal)
    .filter((principal): principal is string => typeof principal === "string");
  const everyone = trusted.some((principal) => principal === "*");
  const named = trusted.filter((principal) => principal !== "*");
  const principals = named.length > 0 ? named : ["arn:aws:iam::<trusted account id>:root"];
  return {
    summary: `Require an ExternalId (third parties) or MFA (people) in the trust policy of ${roleName}${everyone ? ", and stop trusting everyone (*)" : ""}.`,
    console: [
      `IAM console → Roles → ${roleName} → Trust relationships → Edit trust policy.`,
      everyone ? 'Replace "Principal": "*" (or {"AWS": "*"}) with the accounts that really need the role.' : "Keep the trusted accounts; add a Condition to their statement.",
      "Third parties: add sts:ExternalId with the value agreed with them. People in your other accounts: add aws:MultiFactorAuthPresent = true.",
      "Update policy.",
    ],
    commands: [
      aws("Save the current trust policy.", "iam", "get-role", { "role-name": roleName, query: "Role.AssumeRolePolicyDocument" }),
      aws("Replace it with trust.json (one of the snippets).", "iam", "update-assume-role-policy", { "role-name": roleName, "policy-document": "file://trust.json" }),
    ],
    snippets: [
      {
        title: "trust.json for a third party (ExternalId)",
        language: "json",
        code: JSON.stringify(trustPolicy(principals, { StringEquals: { "sts:ExternalId": "<value agreed with the third party>" } }), null, 2),
      },
      {
        title: "trust.json for people in another account (MFA)",
        language: "json",
        code: JSON.stringify(trustPolicy(principals, { Bool: { "aws:MultiFactorAuthPresent": "true" } }), null, 2),
      },
    ],
    care: [
      "The trusted side must send the ExternalId (or sign in with MFA) before you change the policy, or its AssumeRole calls start failing.",
      "Sessions already issued keep working until they expire; STS tokens cannot be revoked (AWS Advent 2016).",
    ],
  };
};

export const rolesShortSessions: RemediationBuilder = (target) => {
  const roleName = roleNameOf(target);
  const seconds = evidenceRecord(target.evidence).maxSessionDuration;
  return {
    summary: `Lower the maximum session of ${roleName} to 1 hour${typeof seconds === "number" ? ` (now ${seconds / 3600} h)` : ""}.`,
    console: [`IAM console → Roles → ${roleName} → Summary → Maximum session duration → Edit → 1 hour → Save changes.`],
    commands: [aws("Set the maximum session to one hour.", "iam", "update-role", { "role-name": roleName, "max-session-duration": "3600" })],
    snippets: [
      {
        title: "CloudFormation (on the role)",
        language: "yaml",
        code: ["  Type: AWS::IAM::Role", "  Properties:", "    MaxSessionDuration: 3600"].join("\n"),
      },
    ],
    care: ["People re-authenticate more often; tools that request longer sessions (DurationSeconds above 3600) get an error and must ask for less."],
  };
};

export const usersHumansViaRoles: RemediationBuilder = (target) => {
  const userName = userNameOf(target);
  return {
    summary: `Give ${userName} access through IAM Identity Center or a role assumed with MFA, then retire the user's long-lived access keys.`,
    console: [
      `Create ${userName}'s access in IAM Identity Center (a user with a permission set for this account), or a role in this account that ${userName}'s home account may assume with MFA.`,
      `Have ${userName} use aws configure sso (or a role profile with mfa_serial) instead of stored keys.`,
      `IAM console → Users → ${userName} → Security credentials: deactivate the access keys, later delete them; remove the user when nothing else needs it.`,
    ],
    commands: retireKeyCommands({ userName }, { withDelete: true }),
    snippets: [],
    care: [CHECK_CLOUDTRAIL_FIRST, DEACTIVATE_BEFORE_DELETE, "Give the person the new way in before taking the keys away.", CREDENTIAL_REPORT_DELAY],
  };
};
