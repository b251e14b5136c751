/**
 * Is a policy an administrator policy? AWS-NOTES: the AWS managed AdministratorAccess, an Allow
 * of `*` (or `*:*`) on Resource `*`, or an Allow with NotAction on `*` (everything except a few
 * actions is still administration: AWS managed PowerUserAccess is written this way).
 *
 * A conditional Allow still grants admin to whoever meets the condition (seed 003's policy allows
 * `*` when MFA is present: that user is an admin with MFA), so it counts, marked `conditional`.
 * A Deny cancels the grant only when it is unconditional and covers every action on every
 * resource; anything narrower leaves an administrator with a few exceptions. The answer comes
 * from the one evaluator (evaluator.ts), asked "every action on every resource".
 */
import { evaluateAccess, type AccessEvaluation } from "./evaluator";
import { parsePolicyDocument, type NormalizedPolicy, type PolicyDocumentError, type StatementEvidence } from "./document";

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

/** The admin question asked of the evaluator: every action on every resource. */
export const EVERY_ACTION_ON_EVERY_RESOURCE = { action: "*", resource: "*" } as const;

/** The Allows of an admin-question evaluation, as admin grants. */
export function adminGrantsFrom(evaluation: AccessEvaluation): AdminGrant[] {
  return evaluation.allows.map((allow) => ({
    kind: allow.notAction ? "not_action" : "full_wildcard",
    conditional: allow.conditional,
    statement: allow.statement,
  }));
}

/** One policy document on its own, through the same evaluator as a principal's policies. */
export function adminGrantsOf(policy: NormalizedPolicy): { grants: AdminGrant[]; cancelledBy?: StatementEvidence } {
  const evaluation = evaluateAccess(
    { identity: [{ source: { via: "direct", attachment: "managed", policyName: "" }, policy }], unreadable: [] },
    EVERY_ACTION_ON_EVERY_RESOURCE,
  );
  const grants = adminGrantsFrom(evaluation);
  const deny = evaluation.decision === "denied" ? evaluation.denies.find((entry) => !entry.conditional) : undefined;
  return deny ? { grants, cancelledBy: deny.statement } : { grants };
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
