/**
 * Exercise 5: narrow policies, no privilege-escalation paths, no unused identities (seed 000:
 * "only the rights they need"; seed 004: separate users, groups and roles per purpose).
 */
import type { JsonValue } from "@/lib/checks/types";
import type { RemediationBuilder } from "../content";
import { aws, type CliCommand } from "../shell";
import { CHECK_CLOUDTRAIL_FIRST, CREDENTIAL_REPORT_DELAY, retireKeyCommands } from "./access-keys";
import { MANAGED_VERSION_LIMIT, POLICY_CARE, policyConsoleSteps, policyRefOf, rewritePolicyCommands, type PolicyRef } from "./policies";
import { evidenceArray, evidenceRecord, roleNameOf, userNameOf } from "./target-names";

const DENY_ALL_ARN = "arn:aws:iam::aws:policy/AWSDenyAll";
const MAX_POLICIES = 3;

export const policiesServiceWildcards: RemediationBuilder = (target) => {
  const ref = policyRefOf(target);
  return {
    summary: `Replace service-wide wildcards (such as s3:*) and sensitive actions on "*" in ${target.resourceName} with named actions on named resources.`,
    console: policyConsoleSteps(ref, 'Replace each "service:*" with the actions used, and "Resource": "*" with the ARNs they apply to (“AWS IAM: Securing your Infrastructure” scopes S3 to one bucket: arn:aws:s3:::bucket and arn:aws:s3:::bucket/*).'),
    commands: rewritePolicyCommands(ref),
    snippets: [],
    care: [...POLICY_CARE, ...(ref.kind === "managed" ? [MANAGED_VERSION_LIMIT] : [])],
  };
};

/** The policies an escalation path's statements come from, once each. */
function escalationSources(evidence: JsonValue | null, principal: { type: "user" | "role"; name: string }): PolicyRef[] {
  const refs = new Map<string, PolicyRef>();
  for (const path of evidenceArray(evidence, "paths")) {
    for (const grant of evidenceArray(path, "grants")) {
      for (const statement of evidenceArray(grant, "statements")) {
        const source = evidenceRecord(statement);
        if (source.attachment === "managed" && typeof source.policyArn === "string" && !source.policyArn.startsWith("arn:aws:iam::aws:")) {
          refs.set(source.policyArn, { kind: "managed", arn: source.policyArn });
        } else if (source.attachment === "inline" && typeof source.policyName === "string") {
          const owner = source.via === "group" && typeof source.groupName === "string" ? { ownerType: "group" as const, ownerName: source.groupName } : { ownerType: principal.type, ownerName: principal.name };
          refs.set(`${owner.ownerType}/${owner.ownerName}/${source.policyName}`, { kind: "inline", ...owner, policyName: source.policyName });
        }
      }
    }
  }
  return [...refs.values()].slice(0, MAX_POLICIES);
}

export const policiesPrivilegeEscalation: RemediationBuilder = (target) => {
  const type = target.resourceType === "role" ? "role" : "user";
  const name = type === "role" ? roleNameOf(target) : userNameOf(target);
  const methods = evidenceArray(target.evidence, "paths").map((path) => evidenceRecord(path).method).filter((method): method is string => typeof method === "string");
  const sources = escalationSources(target.evidence, { type, name });
  const commands: CliCommand[] = [
    aws(`Policies attached to ${type} ${name}.`, "iam", `list-attached-${type}-policies`, { [`${type}-name`]: name }),
    aws(`Inline policies of ${type} ${name}.`, "iam", `list-${type}-policies`, { [`${type}-name`]: name }),
    ...sources.flatMap((ref) => rewritePolicyCommands(ref)),
    aws(
      `Or cap ${name} with a permissions boundary that denies the escalation actions (create it from boundary.json first).`,
      "iam",
      `put-${type}-permissions-boundary`,
      { [`${type}-name`]: name, "permissions-boundary": `arn:aws:iam::${target.awsAccountId}:policy/DenyPrivilegeEscalation` },
    ),
  ];
  return {
    summary: `Remove the permissions that let ${type} ${name} raise its own privileges${methods.length ? ` (${methods.join(", ")})` : ""}.`,
    console: [
      `IAM console → ${type === "role" ? "Roles" : "Users"} → ${name} → Permissions: find the statements that grant the actions named in the evidence.`,
      "Scope them to named resources (iam:PassRole only for the roles it must pass, with an iam:PassedToService condition) or remove them.",
      "Where the identity must keep IAM permissions, add a permissions boundary that denies changing its own policies.",
    ],
    commands,
    snippets: [
      {
        title: "boundary.json (a permissions boundary: everything else stays as the policies grant it)",
        language: "json",
        code: JSON.stringify(
          {
            Version: "2012-10-17",
            Statement: [
              { Sid: "AllowWhatPoliciesGrant", Effect: "Allow", Action: "*", Resource: "*" },
              {
                Sid: "DenyPrivilegeEscalation",
                Effect: "Deny",
                Action: [
                  "iam:AttachUserPolicy",
                  "iam:AttachGroupPolicy",
                  "iam:AttachRolePolicy",
                  "iam:PutUserPolicy",
                  "iam:PutGroupPolicy",
                  "iam:PutRolePolicy",
                  "iam:CreatePolicyVersion",
                  "iam:SetDefaultPolicyVersion",
                  "iam:AddUserToGroup",
                  "iam:UpdateAssumeRolePolicy",
                  "iam:CreateAccessKey",
                  "iam:CreateLoginProfile",
                  "iam:UpdateLoginProfile",
                  "iam:DeleteUserPermissionsBoundary",
                  "iam:DeleteRolePermissionsBoundary",
                ],
                Resource: "*",
              },
            ],
          },
          null,
          2,
        ),
      },
    ],
    care: [...POLICY_CARE, "iam:PassRole is also how services get their roles: scope it to the roles this identity must pass rather than removing it blindly."],
  };
};

export const principalsUnused: RemediationBuilder = (target) => {
  if (target.resourceType === "role") {
    const roleName = roleNameOf(target);
    return {
      summary: `Remove role ${roleName}, unused for the limit: first block it, then delete it when nobody complains.`,
      console: [
        `IAM console → Roles → ${roleName}: check Last activity and the trusted entities (who could assume it).`,
        "Permissions → Add permissions → attach AWSDenyAll, and wait a few weeks.",
        "Then Delete (the console removes its policies and instance profiles with it).",
      ],
      commands: [
        aws("When and where the role was last used.", "iam", "get-role", { "role-name": roleName, query: "Role.RoleLastUsed" }),
        aws("Block it first (reversible: detach-role-policy undoes it).", "iam", "attach-role-policy", { "role-name": roleName, "policy-arn": DENY_ALL_ARN }),
        aws("Instance profiles holding it (remove-role-from-instance-profile each before deleting).", "iam", "list-instance-profiles-for-role", { "role-name": roleName }),
        aws("Attached policies (detach-role-policy each before deleting).", "iam", "list-attached-role-policies", { "role-name": roleName }),
        aws("Inline policies (delete-role-policy each before deleting).", "iam", "list-role-policies", { "role-name": roleName }),
        aws("Finally delete the role.", "iam", "delete-role", { "role-name": roleName }),
      ],
      snippets: [],
      care: [
        "Some roles are used rarely on purpose (disaster recovery, yearly audits, break-glass): ask the owner before deleting.",
        "AWS tracks role use for about 400 days; a role created recently may simply not have been needed yet.",
      ],
    };
  }
  const userName = userNameOf(target);
  return {
    summary: `Disable user ${userName}, unused for the limit: remove the console password and deactivate the keys, then delete the user.`,
    console: [
      `IAM console → Users → ${userName}: check Last console sign-in and each key's Last used.`,
      "Security credentials → Console password → Disable; Access keys → Deactivate.",
      "After a quiet period: Delete user.",
    ],
    commands: [
      aws(`Remove ${userName}'s console password (the user can be given a new one later).`, "iam", "delete-login-profile", { "user-name": userName }),
      // The evidence does not say which keys are active: the list shows them; repeat for each.
      ...retireKeyCommands({ userName }, { withDelete: false }),
      aws("Groups, policies and MFA devices to remove before delete-user accepts.", "iam", "list-groups-for-user", { "user-name": userName }),
      aws("Delete the user once everything above is removed.", "iam", "delete-user", { "user-name": userName }),
    ],
    snippets: [],
    care: [CHECK_CLOUDTRAIL_FIRST, "Ask whether the person has left: a leaver's user should go at once, not after a quiet period.", CREDENTIAL_REPORT_DELAY],
  };
};
