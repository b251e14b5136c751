/**
 * The statements that grant the escalation actions are narrowed or removed; where the identity
 * must keep IAM rights, a permissions boundary denies the escalation actions instead.
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { aws, type CliCommand } from "@/lib/remediation/shell";
import { POLICY_CARE, rewritePolicyCommands, type PolicyRef } from "@/lib/remediation/steps/policies";
import { roleNameOf, userNameOf } from "@/lib/remediation/steps/target-names";
import type { PrivilegeEscalationEvidence } from "./evidence";
import { methodTitle } from "./evidence-view";

const MAX_POLICIES = 3;

/** The customer policies the escalation statements come from, once each (AWS managed ones cannot be edited). */
function escalationSources(evidence: PrivilegeEscalationEvidence | null, principal: { type: "user" | "role"; name: string }): PolicyRef[] {
  const refs = new Map<string, PolicyRef>();
  for (const statement of evidence?.paths.flatMap((path) => path.grants.flatMap((grant) => grant.statements)) ?? []) {
    if (statement.attachment === "managed" && statement.policyArn !== null && !statement.policyArn.startsWith("arn:aws:iam::aws:")) {
      refs.set(statement.policyArn, { kind: "managed", arn: statement.policyArn });
    } else if (statement.attachment === "inline") {
      const owner =
        statement.via === "group" && statement.groupName !== null ? { ownerType: "group" as const, ownerName: statement.groupName } : { ownerType: principal.type, ownerName: principal.name };
      refs.set(`${owner.ownerType}/${owner.ownerName}/${statement.policyName}`, { kind: "inline", ...owner, policyName: statement.policyName });
    }
  }
  return [...refs.values()].slice(0, MAX_POLICIES);
}

const BOUNDARY = {
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
};

export function removeEscalationSteps(target: RemediationTarget, evidence: PrivilegeEscalationEvidence | null): RemediationSteps {
  const type = target.resourceType === "role" ? "role" : "user";
  const name = type === "role" ? roleNameOf(target) : userNameOf(target);
  const methods = evidence?.paths.map((path) => methodTitle(path.method).toLowerCase()) ?? [];
  const actions = [...new Set(evidence?.paths.flatMap((path) => path.grants.map((grant) => grant.action)) ?? [])];
  const commands: CliCommand[] = [
    aws(`Policies attached to ${type} ${name}.`, "iam", `list-attached-${type}-policies`, { [`${type}-name`]: name }),
    aws(`Inline policies of ${type} ${name}.`, "iam", `list-${type}-policies`, { [`${type}-name`]: name }),
    ...escalationSources(evidence, { type, name }).flatMap((ref) => rewritePolicyCommands(ref)),
    aws(
      `Or cap ${name} with a permissions boundary that denies the escalation actions (create it from boundary.json first).`,
      "iam",
      `put-${type}-permissions-boundary`,
      { [`${type}-name`]: name, "permissions-boundary": `arn:aws:iam::${target.awsAccountId}:policy/DenyPrivilegeEscalation` },
    ),
  ];
  return {
    summary: `Remove the permissions that let ${type} ${name} raise its own privileges${methods.length ? ` (${methods.join("; ")})` : ""}.`,
    console: [
      `IAM console → ${type === "role" ? "Roles" : "Users"} → ${name} → Permissions: find the statements that grant ${actions.length ? actions.join(", ") : "the actions named in the evidence"}.`,
      "Scope them to named resources (iam:PassRole only for the roles it must pass, with an iam:PassedToService condition) or remove them.",
      "Where the identity must keep IAM permissions, add a permissions boundary that denies changing its own policies.",
    ],
    commands,
    snippets: [{ title: "boundary.json (a permissions boundary: everything else stays as the policies grant it)", language: "json", code: JSON.stringify(BOUNDARY, null, 2) }],
    care: [...POLICY_CARE, "iam:PassRole is also how services get their roles: scope it to the roles this identity must pass rather than removing it blindly."],
  };
}
