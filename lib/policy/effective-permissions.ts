/**
 * "Can this principal call X?" over the statements of all its identity policies, with IAM's
 * evaluation order reduced to what a static analysis can know: an explicit Deny wins, then an
 * Allow grants (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 *
 * Conditions cannot be evaluated without a request, so the answer leans towards "possible": an
 * Allow with a condition still grants (marked `conditional`), and only an unconditional Deny
 * takes a grant away. A permissions boundary, when given, must allow the action as well.
 */
import { statementEvidence, type NormalizedPolicy, type PolicyStatement, type StatementEvidence } from "./document";
import {
  statementCoversAllResources,
  statementMatchesAction,
  statementMatchesResource,
  type PolicyVariables,
} from "./matching";
import type { PolicySourceRef, SourcedStatement } from "./principal-policies";

export interface GrantingStatement {
  source: PolicySourceRef;
  statement: StatementEvidence;
  /** The statement applies to every resource, not only some. */
  allResources: boolean;
  conditional: boolean;
}

export interface ActionGrant {
  action: string;
  statements: GrantingStatement[];
}

export interface AllowedActionOptions {
  /** Ask about one resource; without it, "on at least one resource". */
  resource?: string;
  variables?: PolicyVariables;
  /**
   * Ignore Allows whose every Resource names the caller itself (`…:user/${aws:username}`):
   * managing your own access key is self-service, not a way into someone else's identity.
   */
  excludeSelfScoped?: boolean;
  boundary?: NormalizedPolicy;
}

const SELF_VARIABLE = /\$\{aws:username\}/i;

function isSelfScoped(statement: PolicyStatement): boolean {
  return statement.resources !== undefined && statement.resources.length > 0 && statement.resources.every((r) => SELF_VARIABLE.test(r));
}

function deniesUnconditionally(statement: PolicyStatement, action: string, options: AllowedActionOptions): boolean {
  if (statement.effect !== "Deny" || statement.conditions.length > 0 || !statementMatchesAction(statement, action)) return false;
  return options.resource === undefined
    ? statementCoversAllResources(statement)
    : statementMatchesResource(statement, options.resource, options.variables);
}

function allows(statement: PolicyStatement, action: string, options: AllowedActionOptions): boolean {
  if (statement.effect !== "Allow" || !statementMatchesAction(statement, action)) return false;
  if (options.excludeSelfScoped && isSelfScoped(statement)) return false;
  return options.resource === undefined || statementMatchesResource(statement, options.resource, options.variables);
}

function boundaryAllows(boundary: NormalizedPolicy, action: string, options: AllowedActionOptions): boolean {
  const inner = { ...options, boundary: undefined, excludeSelfScoped: false };
  if (boundary.statements.some((statement) => deniesUnconditionally(statement, action, inner))) return false;
  return boundary.statements.some((statement) => allows(statement, action, inner));
}

export function allowedAction(
  statements: SourcedStatement[],
  action: string,
  options: AllowedActionOptions = {},
): ActionGrant | undefined {
  if (statements.some(({ statement }) => deniesUnconditionally(statement, action, options))) return undefined;
  if (options.boundary && !boundaryAllows(options.boundary, action, options)) return undefined;
  const granting = statements
    .filter(({ statement }) => allows(statement, action, options))
    .map(({ source, statement }) => ({
      source,
      statement: statementEvidence(statement),
      allResources: statementCoversAllResources(statement),
      conditional: statement.conditions.length > 0,
    }));
  return granting.length > 0 ? { action, statements: granting } : undefined;
}
