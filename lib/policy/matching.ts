/**
 * IAM wildcard matching. `*` matches any run of characters and `?` exactly one, anywhere in
 * the value; action names (service prefix and action) are case-insensitive, resource ARNs are
 * case-sensitive (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
 * .../reference_policies_elements_resource.html).
 */
import type { PolicyStatement } from "./document";

const compiled = new Map<string, RegExp>();

function globToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  const cacheKey = `${caseInsensitive ? "i" : "s"}:${pattern}`;
  const cached = compiled.get(cacheKey);
  if (cached) return cached;
  const body = pattern
    .split("")
    .map((char) => (char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  const regExp = new RegExp(`^${body}$`, caseInsensitive ? "is" : "s");
  compiled.set(cacheKey, regExp);
  return regExp;
}

/** Whether an Action pattern ("s3:Get*", "iam:*", "*") matches a concrete action ("s3:GetObject"). */
export function actionMatches(pattern: string, action: string): boolean {
  return globToRegExp(pattern.trim(), true).test(action.trim());
}

/** `*` and `*:*` grant every action of every service. */
export function isAllActionsPattern(pattern: string): boolean {
  const trimmed = pattern.trim();
  return trimmed === "*" || trimmed === "*:*";
}

/** A pattern that matches every ARN: "*", or "arn:aws:*" and "arn:*:*:*:*:*" written out. */
export function isAllResourcesPattern(pattern: string): boolean {
  return pattern === "*" || /^arn:(\*|[a-z-]+)(:\*)+$/.test(pattern);
}

export type PolicyVariables = Record<string, string>;

/**
 * Whether a Resource pattern matches an ARN. Policy variables (`${aws:username}`) are replaced
 * from `variables` when known; an unknown variable could take any value, so it matches anything.
 */
export function resourceMatches(pattern: string, resource: string, variables: PolicyVariables = {}): boolean {
  const substituted = pattern.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
    const value = variables[name.toLowerCase()];
    return value === undefined ? "*" : value.replace(/[*?]/g, "");
  });
  return globToRegExp(substituted, false).test(resource);
}

export function statementMatchesAction(statement: PolicyStatement, action: string): boolean {
  if (statement.actions) return statement.actions.some((pattern) => actionMatches(pattern, action));
  if (statement.notActions) return !statement.notActions.some((pattern) => actionMatches(pattern, action));
  return false;
}

/** Whether the statement applies to this resource (a statement without Resource applies to its own resource). */
export function statementMatchesResource(statement: PolicyStatement, resource: string, variables?: PolicyVariables): boolean {
  if (statement.resources) return statement.resources.some((pattern) => resourceMatches(pattern, resource, variables));
  if (statement.notResources) return !statement.notResources.some((pattern) => resourceMatches(pattern, resource, variables));
  return true;
}

export function statementCoversAllActions(statement: PolicyStatement): boolean {
  return statement.actions?.some(isAllActionsPattern) ?? false;
}

export function statementCoversAllResources(statement: PolicyStatement): boolean {
  if (statement.resources) return statement.resources.some(isAllResourcesPattern);
  return statement.notResources === undefined;
}
