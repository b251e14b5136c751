/**
 * Is a policy an administrator policy? AWS-NOTES: the AWS managed AdministratorAccess, an Allow
 * of `*` (or `*:*`) on Resource `*`, or an Allow with NotAction on `*` (everything except a few
 * actions is still administration: AWS managed PowerUserAccess is written this way).
 *
 * A conditional Allow still grants admin to whoever meets the condition (seed 003's policy allows
 * `*` when MFA is present: that user is an admin with MFA), so it counts, marked `conditional`.
 * A Deny cancels the grant only when it is unconditional and covers every action on every
 * resource; anything narrower leaves an administrator with a few exceptions.
 */
import {
  parsePolicyDocument,
  statementEvidence,
  type NormalizedPolicy,
  type PolicyDocumentError,
  type PolicyStatement,
  type StatementEvidence,
} from "./document";
import { statementCoversAllActions, statementCoversAllResources } from "./matching";

export const ADMINISTRATOR_ACCESS_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";

export type AdminGrantKind = "full_wildcard" | "not_action";

export interface AdminGrant {
  kind: AdminGrantKind;
  conditional: boolean;
  statement: StatementEvidence;
}

export type AdminPolicyVerdict =
  | {
      ok: true;
      isAdmin: boolean;
      /** Known by ARN (AdministratorAccess) even when its document was not collected. */
      byArn: boolean;
      grants: AdminGrant[];
      /** The unconditional Deny of everything that cancels the grants, when there is one. */
      cancelledBy?: StatementEvidence;
    }
  | { ok: false; error: PolicyDocumentError };

function adminGrantKind(statement: PolicyStatement): AdminGrantKind | undefined {
  if (statement.effect !== "Allow" || !statementCoversAllResources(statement)) return undefined;
  if (statementCoversAllActions(statement)) return "full_wildcard";
  if (statement.notActions) return "not_action";
  return undefined;
}

/** An unconditional Deny of every action on every resource: nothing the policy allows survives it. */
export function isDenyEverything(statement: PolicyStatement): boolean {
  return (
    statement.effect === "Deny" &&
    statement.conditions.length === 0 &&
    statementCoversAllActions(statement) &&
    statementCoversAllResources(statement)
  );
}

export function adminGrantsOf(policy: NormalizedPolicy): { grants: AdminGrant[]; cancelledBy?: StatementEvidence } {
  const grants = policy.statements.flatMap((statement) => {
    const kind = adminGrantKind(statement);
    return kind ? [{ kind, conditional: statement.conditions.length > 0, statement: statementEvidence(statement) }] : [];
  });
  const deny = policy.statements.find(isDenyEverything);
  return deny ? { grants, cancelledBy: statementEvidence(deny) } : { grants };
}

export function isAdminPolicy(document: unknown, policyArn?: string): AdminPolicyVerdict {
  const byArn = policyArn === ADMINISTRATOR_ACCESS_ARN;
  const parsed = parsePolicyDocument(document);
  if (!parsed.ok) {
    if (byArn) return { ok: true, isAdmin: true, byArn, grants: [] };
    return parsed;
  }
  const { grants, cancelledBy } = adminGrantsOf(parsed.policy);
  if (byArn) return { ok: true, isAdmin: true, byArn, grants };
  if (cancelledBy) return { ok: true, isAdmin: false, byArn, grants, cancelledBy };
  return { ok: true, isAdmin: grants.length > 0, byArn, grants };
}
