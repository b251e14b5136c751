/**
 * Rewriting a customer policy: a managed policy gets a new default version, an inline policy is
 * replaced in place. Either way the current document is saved first, to roll back to.
 */
import type { RemediationTarget } from "../content";
import { assignVariable, aws, shellVariable, type CliCommand } from "../shell";
import { inlinePolicyOf, type IamPrincipalType, type InlinePolicyRef } from "./target-names";

export type PolicyRef = { kind: "managed"; arn: string } | ({ kind: "inline" } & InlinePolicyRef);

export function policyRefOf(target: RemediationTarget): PolicyRef {
  const inline = inlinePolicyOf(target.resourceId);
  return inline ? { kind: "inline", ...inline } : { kind: "managed", arn: target.resourceId };
}

const OWNER_OPTION: Record<IamPrincipalType, string> = { user: "user-name", group: "group-name", role: "role-name" };

export function inlineOwnerOptions(ref: InlinePolicyRef) {
  return { [OWNER_OPTION[ref.ownerType]]: ref.ownerName, "policy-name": ref.policyName };
}

/** Save, (see who is affected,) write the narrowed document from policy.json. */
export function rewritePolicyCommands(ref: PolicyRef): CliCommand[] {
  if (ref.kind === "inline") {
    const options = inlineOwnerOptions(ref);
    return [
      aws(`Save the current document of inline policy ${ref.policyName} (of ${ref.ownerType} ${ref.ownerName}) to roll back to.`, "iam", `get-${ref.ownerType}-policy`, {
        ...options,
        query: "PolicyDocument",
      }),
      aws("Write the narrowed document (edited into policy.json) in its place.", "iam", `put-${ref.ownerType}-policy`, {
        ...options,
        "policy-document": "file://policy.json",
      }),
    ];
  }
  return [
    aws("Who is affected: the users, groups and roles the policy is attached to.", "iam", "list-entities-for-policy", { "policy-arn": ref.arn }),
    aws("Its versions (at most 5; IsDefaultVersion marks the one in force).", "iam", "list-policy-versions", { "policy-arn": ref.arn }),
    assignVariable("Set VERSION_ID to the default version from that list.", "VERSION_ID", "<v1>"),
    aws("Save the current document to roll back to.", "iam", "get-policy-version", {
      "policy-arn": ref.arn,
      "version-id": shellVariable("VERSION_ID"),
      query: "PolicyVersion.Document",
    }),
    aws("Make the narrowed document (edited into policy.json) the default version.", "iam", "create-policy-version", {
      "policy-arn": ref.arn,
      "policy-document": "file://policy.json",
      "set-as-default": true,
    }),
  ];
}

export function policyConsoleSteps(ref: PolicyRef, change: string): string[] {
  if (ref.kind === "inline") {
    const place = { user: "Users", group: "User groups", role: "Roles" }[ref.ownerType];
    return [
      `IAM console → ${place} → ${ref.ownerName} → Permissions → inline policy ${ref.policyName} → Edit (JSON).`,
      change,
      "Review changes, then Save.",
    ];
  }
  return [
    `IAM console → Policies → the policy ${ref.arn} → Entities attached, to see who is affected.`,
    "Permissions → Edit (JSON).",
    change,
    "Save changes: IAM stores the result as a new default version, and the old version stays available to roll back to.",
  ];
}

export const POLICY_CARE = [
  "Narrowing a policy can break whatever relies on it: find the actions really used first (IAM console → the principal → Last accessed, or Access Analyzer policy generation from CloudTrail).",
  "Keep the saved document; a managed policy can also roll back with aws iam set-default-policy-version.",
];

export const MANAGED_VERSION_LIMIT =
  "A managed policy holds at most 5 versions: if create-policy-version fails with LimitExceeded, delete the oldest non-default one (aws iam delete-policy-version).";

/** Where one admin path comes from, as the IAM checks store it (lib/checks/evidence/policy-statements.ts). */
export interface AdminPathSource {
  via: "direct" | "group";
  attachment: "managed" | "inline";
  groupName: string | null;
  policyName: string;
  policyArn: string | null;
}

/** The command that takes one admin path away from a user or role; undefined when the path is unclear. */
export function removeAdminPathCommand(principal: { type: "user" | "role"; name: string }, path: AdminPathSource): CliCommand | undefined {
  const { type, name } = principal;
  const { policyName } = path;
  if (type === "user" && path.via === "group" && path.groupName !== null) {
    return aws(`Take ${name} out of group ${path.groupName}, which grants admin through ${policyName}.`, "iam", "remove-user-from-group", {
      "user-name": name,
      "group-name": path.groupName,
    });
  }
  if (path.via !== "direct") return undefined;
  if (path.attachment === "managed" && path.policyArn !== null) {
    return aws(`Detach ${policyName} from ${name}.`, "iam", `detach-${type}-policy`, { [`${type}-name`]: name, "policy-arn": path.policyArn });
  }
  if (path.attachment === "inline") {
    return aws(`Delete inline policy ${policyName} of ${name} (save it first with get-${type}-policy).`, "iam", `delete-${type}-policy`, {
      [`${type}-name`]: name,
      "policy-name": policyName,
    });
  }
  return undefined;
}
