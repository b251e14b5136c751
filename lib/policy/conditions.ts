/**
 * Reading Condition blocks. Operators are case-sensitive in IAM but written consistently by
 * every tool we know; keys are case-insensitive
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 */
import type { ConditionClause } from "./document";

export interface ConditionOperator {
  /** Lowercase operator without set prefix and IfExists: "stringequals", "bool", "null", … */
  base: string;
  /** `…IfExists`: the clause is true when the key is absent from the request. */
  ifExists: boolean;
  set?: "ForAnyValue" | "ForAllValues";
  /** StringNotEquals, ArnNotLike, NotIpAddress…: matches everything except the values. */
  negated: boolean;
}

export function parseConditionOperator(operator: string): ConditionOperator {
  let rest = operator.trim();
  let set: ConditionOperator["set"];
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === "foranyvalue") set = "ForAnyValue";
    else if (prefix === "forallvalues") set = "ForAllValues";
    rest = rest.slice(colon + 1);
  }
  const ifExists = /ifexists$/i.test(rest);
  if (ifExists) rest = rest.slice(0, -"IfExists".length);
  const base = rest.toLowerCase();
  const negated = base.includes("not") && base !== "null";
  return set === undefined ? { base, ifExists, negated } : { base, ifExists, set, negated };
}

export function conditionKeyIs(clause: ConditionClause, key: string): boolean {
  return clause.key.toLowerCase() === key.toLowerCase();
}

export function clausesFor(conditions: ConditionClause[], key: string): ConditionClause[] {
  return conditions.filter((clause) => conditionKeyIs(clause, key));
}

export function conditionKeys(conditions: ConditionClause[]): string[] {
  return [...new Set(conditions.map((clause) => clause.key))].sort();
}

/** Every value is a pure wildcard ("*"): the clause admits any value of the key. */
export function valuesAreWildcard(values: string[]): boolean {
  return values.length > 0 && values.every((value) => /^\*+$/.test(value));
}

/** Value equals `true`/`false` the way IAM's Bool operator reads it. */
export function boolValue(values: string[]): boolean | undefined {
  const lowered = values.map((value) => value.toLowerCase());
  if (lowered.length > 0 && lowered.every((value) => value === "true")) return true;
  if (lowered.length > 0 && lowered.every((value) => value === "false")) return false;
  return undefined;
}
