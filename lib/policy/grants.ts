/**
 * Broad grants inside one policy document (exercises 5 and 9): whole-service wildcards,
 * sensitive actions on every resource, and Allows written with NotAction/NotResource.
 */
import { conditionKeys } from "./conditions";
import { parsePolicyDocument, statementEvidence, type PolicyDocumentError, type StatementEvidence } from "./document";
import { actionMatches, isAllActionsPattern, statementCoversAllActions, statementCoversAllResources } from "./matching";

/**
 * Actions that, granted on every resource, hand over identities, secrets or data wholesale:
 * the privilege-escalation primitives (Rhino Security Labs) plus reading every secret, key and
 * object in the account.
 */
export const SENSITIVE_ACTIONS = [
  "iam:PassRole",
  "iam:CreateAccessKey",
  "iam:CreateLoginProfile",
  "iam:UpdateLoginProfile",
  "iam:AttachUserPolicy",
  "iam:AttachGroupPolicy",
  "iam:AttachRolePolicy",
  "iam:PutUserPolicy",
  "iam:PutGroupPolicy",
  "iam:PutRolePolicy",
  "iam:CreatePolicyVersion",
  "iam:SetDefaultPolicyVersion",
  "iam:UpdateAssumeRolePolicy",
  "iam:AddUserToGroup",
  "sts:AssumeRole",
  "kms:Decrypt",
  "secretsmanager:GetSecretValue",
  "ssm:GetParameter",
  "ssm:GetParameters",
  "s3:GetObject",
  "s3:PutBucketPolicy",
  "lambda:UpdateFunctionCode",
] as const;

export type WildcardGrant =
  | { kind: "service_wildcard"; pattern: string; resources: string[]; statement: StatementEvidence }
  | { kind: "sensitive_action_on_all_resources"; action: string; pattern: string; statement: StatementEvidence };

export type WildcardGrantsResult = { ok: true; grants: WildcardGrant[] } | { ok: false; error: PolicyDocumentError };

/** "s3:*", "iam:*": every action of one service. `*` and `*:*` are the admin question, not this one. */
function isServiceWildcard(pattern: string): boolean {
  return /^[a-z0-9-]+:\*$/i.test(pattern.trim()) && !isAllActionsPattern(pattern);
}

export function serviceWildcardGrants(document: unknown): WildcardGrantsResult {
  const parsed = parsePolicyDocument(document);
  if (!parsed.ok) return parsed;
  const grants: WildcardGrant[] = [];
  for (const statement of parsed.policy.statements) {
    // NotAction Allows are judged by allowWithNotActionOrNotResource; full wildcards by isAdminPolicy.
    if (statement.effect !== "Allow" || !statement.actions || statement.actions.some(isAllActionsPattern)) continue;
    const evidence = statementEvidence(statement);
    const serviceWildcards = statement.actions.filter(isServiceWildcard);
    for (const pattern of serviceWildcards) {
      grants.push({ kind: "service_wildcard", pattern, resources: statement.resources ?? statement.notResources ?? [], statement: evidence });
    }
    if (!statementCoversAllResources(statement)) continue;
    for (const action of SENSITIVE_ACTIONS) {
      const pattern = statement.actions.find((candidate) => actionMatches(candidate, action));
      if (pattern === undefined || serviceWildcards.includes(pattern)) continue;
      grants.push({ kind: "sensitive_action_on_all_resources", action, pattern, statement: evidence });
    }
  }
  return { ok: true, grants };
}

export interface NegatedAllow {
  uses: Array<"NotAction" | "NotResource">;
  /** Any Condition counts as deliberate narrowing; its keys are listed for the reader. */
  conditional: boolean;
  conditionKeys: string[];
  /** Allows `*`-scale access: NotAction on every resource, or an all-actions NotResource. */
  broad: boolean;
  statement: StatementEvidence;
}

export type NegatedAllowsResult = { ok: true; allows: NegatedAllow[] } | { ok: false; error: PolicyDocumentError };

export function allowWithNotActionOrNotResource(document: unknown): NegatedAllowsResult {
  const parsed = parsePolicyDocument(document);
  if (!parsed.ok) return parsed;
  const allows = parsed.policy.statements.flatMap((statement): NegatedAllow[] => {
    if (statement.effect !== "Allow" || (!statement.notActions && !statement.notResources)) return [];
    const uses: NegatedAllow["uses"] = [];
    if (statement.notActions) uses.push("NotAction");
    if (statement.notResources) uses.push("NotResource");
    const broad =
      (statement.notActions !== undefined && statementCoversAllResources(statement)) ||
      (statement.notResources !== undefined && statementCoversAllActions(statement));
    return [
      {
        uses,
        conditional: statement.conditions.length > 0,
        conditionKeys: conditionKeys(statement.conditions),
        broad,
        statement: statementEvidence(statement),
      },
    ];
  });
  return { ok: true, allows };
}
