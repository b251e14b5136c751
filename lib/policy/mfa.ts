/**
 * Does a policy enforce MFA? Seed 003 ("Apply an MFA Enforced Policy") and AWS's own example
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html)
 * use two shapes: a Deny of (nearly) everything when `aws:MultiFactorAuthPresent` is false,
 * or Allows that only apply when it is true.
 */
import { boolValue, clausesFor, parseConditionOperator } from "./conditions";
import {
  parsePolicyDocument,
  statementEvidence,
  type ConditionClause,
  type NormalizedPolicy,
  type PolicyDocumentError,
  type PolicyStatement,
  type StatementEvidence,
} from "./document";
import { statementCoversAllActions } from "./matching";

/**
 * MFA is required when the condition fails without it. `BoolIfExists … true` does not qualify:
 * requests signed with long-term keys carry no aws:MultiFactorAuthPresent key at all
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent).
 */
export function requiresMfa(conditions: ConditionClause[]): boolean {
  const present = clausesFor(conditions, "aws:MultiFactorAuthPresent").some((clause) => {
    const operator = parseConditionOperator(clause.operator);
    return operator.base === "bool" && !operator.ifExists && boolValue(clause.values) === true;
  });
  const age = clausesFor(conditions, "aws:MultiFactorAuthAge").some((clause) => {
    const operator = parseConditionOperator(clause.operator);
    if (operator.base === "null") return boolValue(clause.values) === false;
    return (operator.base === "numericlessthan" || operator.base === "numericlessthanequals") && !operator.ifExists;
  });
  return present || age;
}

export type MfaDenyForm = "bool_if_exists_false" | "bool_false" | "null_true";

export interface MfaDenyStatement {
  form: MfaDenyForm;
  /**
   * `Bool … false` never matches requests signed with long-term access keys (the key is absent),
   * so such a Deny protects the console only; BoolIfExists and Null cover keys too.
   */
  coversLongTermKeys: boolean;
  statement: StatementEvidence;
}

export type MfaEnforcement =
  | {
      ok: true;
      enforces: boolean;
      denyStatements: MfaDenyStatement[];
      /** Allow statements that only apply with MFA. */
      mfaOnlyAllows: StatementEvidence[];
      /** Allow statements that apply without MFA. */
      otherAllows: StatementEvidence[];
    }
  | { ok: false; error: PolicyDocumentError };

function denyForm(statement: PolicyStatement): MfaDenyForm | undefined {
  if (statement.effect !== "Deny") return undefined;
  // A Deny of a handful of actions is not enforcement; the pattern denies everything or everything-but.
  if (!statementCoversAllActions(statement) && !statement.notActions) return undefined;
  for (const clause of [
    ...clausesFor(statement.conditions, "aws:MultiFactorAuthPresent"),
    ...clausesFor(statement.conditions, "aws:MultiFactorAuthAge"),
  ]) {
    const operator = parseConditionOperator(clause.operator);
    const value = boolValue(clause.values);
    if (operator.base === "null" && value === true) return "null_true";
    if (operator.base === "bool" && value === false && clause.key.toLowerCase() === "aws:multifactorauthpresent") {
      return operator.ifExists ? "bool_if_exists_false" : "bool_false";
    }
  }
  return undefined;
}

export function mfaEnforcementOf(policy: NormalizedPolicy): Extract<MfaEnforcement, { ok: true }> {
  const denyStatements: MfaDenyStatement[] = [];
  const mfaOnlyAllows: StatementEvidence[] = [];
  const otherAllows: StatementEvidence[] = [];
  for (const statement of policy.statements) {
    const form = denyForm(statement);
    if (form) denyStatements.push({ form, coversLongTermKeys: form !== "bool_false", statement: statementEvidence(statement) });
    if (statement.effect === "Allow") {
      (requiresMfa(statement.conditions) ? mfaOnlyAllows : otherAllows).push(statementEvidence(statement));
    }
  }
  const enforces = denyStatements.length > 0 || (mfaOnlyAllows.length > 0 && otherAllows.length === 0);
  return { ok: true, enforces, denyStatements, mfaOnlyAllows, otherAllows };
}

export function deniesWithoutMfa(document: unknown): MfaEnforcement {
  const parsed = parsePolicyDocument(document);
  return parsed.ok ? mfaEnforcementOf(parsed.policy) : parsed;
}
