/**
 * Deciding a statement's Condition block against what is known of a request. A static analysis
 * knows few request facts; the caller names the ones it knows (e.g. "signed with a long-term
 * access key, so aws:MultiFactorAuthPresent is absent") and every other key stays unknown, which
 * makes the statement conditional rather than true or false.
 *
 * Rules from the IAM User Guide, "IAM JSON policy elements: Condition operators"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
 * a key absent from the request makes the condition false, except that negated operators
 * (StringNotLike, ArnNotLike, …) are then true, `…IfExists` is true, and `Null` tests presence.
 * Clauses of one block are ANDed, values of one clause ORed
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html).
 */
import { parseConditionOperator, type ConditionOperator } from "./conditions";
import type { ConditionClause } from "./document";

/**
 * Known request facts by condition key (any case). `null`: the key is known to be absent from
 * the request. A key not listed is unknown.
 */
export type RequestContext = Record<string, string | string[] | null>;

function globMatches(pattern: string, value: string, caseInsensitive = false): boolean {
  const body = pattern
    .split("")
    .map((char) => (char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, caseInsensitive ? "is" : "s").test(value);
}

function compareNumbers(base: string, actual: number, expected: number): boolean | undefined {
  if (Number.isNaN(actual) || Number.isNaN(expected)) return undefined;
  if (base.endsWith("lessthanequals")) return actual <= expected;
  if (base.endsWith("lessthan")) return actual < expected;
  if (base.endsWith("greaterthanequals")) return actual >= expected;
  if (base.endsWith("greaterthan")) return actual > expected;
  if (base.endsWith("equals")) return actual === expected;
  return undefined;
}

/** Whether one request value matches one policy value under the operator without its "Not". */
function valueMatches(positiveBase: string, actual: string, expected: string): boolean | undefined {
  switch (positiveBase) {
    case "stringequals":
      return actual === expected;
    case "stringequalsignorecase":
      return actual.toLowerCase() === expected.toLowerCase();
    case "stringlike":
      return globMatches(expected, actual);
    // ArnEquals and ArnLike both accept wildcards in each ARN segment.
    case "arnequals":
    case "arnlike":
      return globMatches(expected, actual);
    case "bool":
      return actual.toLowerCase() === expected.toLowerCase();
    case "binaryequals":
      return actual === expected;
  }
  if (positiveBase.startsWith("numeric")) return compareNumbers(positiveBase, Number(actual), Number(expected));
  if (positiveBase.startsWith("date")) return compareNumbers(positiveBase, Date.parse(actual), Date.parse(expected));
  // IP ranges and anything unrecognised are not judged here.
  return undefined;
}

function positiveBaseOf(operator: ConditionOperator): string {
  return operator.negated ? operator.base.replace("not", "") : operator.base;
}

/** One request value against the clause's values: any value may match (OR). */
function singleValue(operator: ConditionOperator, actual: string, expected: string[]): boolean | undefined {
  const results = expected.map((value) => valueMatches(positiveBaseOf(operator), actual, value));
  const matched = results.some((result) => result === true) ? true : results.some((result) => result === undefined) ? undefined : false;
  if (matched === undefined) return undefined;
  return operator.negated ? !matched : matched;
}

function findKey(context: RequestContext, key: string): { known: boolean; value?: string | string[] | null } {
  const lowered = key.toLowerCase();
  for (const [name, value] of Object.entries(context)) if (name.toLowerCase() === lowered) return { known: true, value };
  return { known: false };
}

/** true or false when the request facts decide the clause; undefined when they do not. */
export function evaluateClause(clause: ConditionClause, context: RequestContext): boolean | undefined {
  const operator = parseConditionOperator(clause.operator);
  const found = findKey(context, clause.key);
  if (!found.known) return undefined;
  const value = found.value ?? null;
  if (operator.base === "null") {
    const expected = clause.values.map((entry) => entry.toLowerCase());
    if (expected.length === 0 || !expected.every((entry) => entry === "true" || entry === "false")) return undefined;
    // `Null: true` holds when the key is absent; several values are ORed.
    return expected.some((entry) => (entry === "true") === (value === null));
  }
  if (value === null) {
    // Set operators: "for all values" of an empty set holds, "for any value" does not
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
    if (operator.set === "ForAllValues") return true;
    if (operator.set === "ForAnyValue") return false;
    return operator.ifExists || operator.negated;
  }
  const actuals = Array.isArray(value) ? value : [value];
  const perValue = actuals.map((actual) => singleValue(operator, actual, clause.values));
  if (perValue.some((result) => result === undefined)) return undefined;
  if (operator.set === "ForAllValues") return perValue.every(Boolean);
  return perValue.some(Boolean);
}

/** The whole block: false when any clause is false, unknown when any is undecided, else true. */
export function evaluateConditions(conditions: ConditionClause[], context: RequestContext = {}): boolean | undefined {
  let undecided = false;
  for (const clause of conditions) {
    const result = evaluateClause(clause, context);
    if (result === false) return false;
    if (result === undefined) undecided = true;
  }
  return undecided ? undefined : true;
}
