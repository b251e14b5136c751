/**
 * Who can assume a role, read from its trust policy (seed 003: cross-account roles protected by
 * MFA; AWS: third parties must present an ExternalId,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html).
 */
import { clausesFor, conditionKeys, parseConditionOperator, valuesAreWildcard } from "./conditions";
import {
  parsePolicyDocument,
  statementEvidence,
  type ConditionClause,
  type PolicyDocumentError,
  type PolicyStatement,
  type StatementEvidence,
} from "./document";
import { statementMatchesAction } from "./matching";
import { requiresMfa } from "./mfa";

export const ASSUME_ROLE_ACTIONS = ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"] as const;

/** `unresolved`: a unique id (AIDA…, AROA…) IAM shows when the named principal was deleted; nobody can use it. */
export type TrustedPrincipalKind = "everyone" | "own_account" | "other_account" | "service" | "federated" | "unresolved";
export type TrustedPrincipalType = "everyone" | "account" | "user" | "role" | "assumed_role" | "unique_id" | "service" | "federated";

export interface TrustedPrincipal {
  kind: TrustedPrincipalKind;
  principalType: TrustedPrincipalType;
  /** As written in the policy ("123456789012", an ARN, "ec2.amazonaws.com", "*"). */
  principal: string;
  accountId?: string;
  federation?: "saml" | "oidc";
  /** A person can end up holding this role: account roots, users, SAML, SSO roles, everyone. */
  human: boolean;
  actions: string[];
  requiresExternalId: boolean;
  requiresMfa: boolean;
  /** Narrowed by aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceAccount… */
  restrictedByCondition: boolean;
  conditionKeys: string[];
  statement: StatementEvidence;
}

export type TrustPolicyAnalysis =
  | {
      ok: true;
      principals: TrustedPrincipal[];
      /** Some statement lets anyone assume the role without a narrowing condition. */
      trustsEveryone: boolean;
      /** Principals outside the account (and `*`), the ones that need ExternalId or MFA. */
      crossAccount: TrustedPrincipal[];
      humanAssumable: boolean;
    }
  | { ok: false; error: PolicyDocumentError };

const RESTRICTING_KEYS = [
  "aws:PrincipalOrgID",
  "aws:PrincipalOrgPaths",
  "aws:PrincipalAccount",
  "aws:PrincipalArn",
  "aws:SourceAccount",
  "aws:SourceArn",
  "aws:SourceOrgID",
  "aws:userid",
];

/** A positive, non-IfExists test of the key against concrete values. */
function pinsKey(conditions: ConditionClause[], key: string, operators: string[]): boolean {
  return clausesFor(conditions, key).some((clause) => {
    const operator = parseConditionOperator(clause.operator);
    return operators.includes(operator.base) && !operator.negated && !operator.ifExists && !valuesAreWildcard(clause.values);
  });
}

export function requiresExternalId(conditions: ConditionClause[]): boolean {
  return pinsKey(conditions, "sts:ExternalId", ["stringequals", "stringlike", "stringequalsignorecase"]);
}

export function restrictedByCondition(conditions: ConditionClause[]): boolean {
  return RESTRICTING_KEYS.some((key) =>
    pinsKey(conditions, key, ["stringequals", "stringlike", "arnequals", "arnlike", "stringequalsignorecase"]),
  );
}

const IAM_ARN = /^arn:[a-z-]+:(iam|sts)::(\d{12}):(.*)$/;

function classifyAws(principal: string, ownAccountId: string): Pick<TrustedPrincipal, "kind" | "principalType" | "accountId" | "human"> {
  let accountId: string | undefined;
  let principalType: TrustedPrincipalType;
  let human = false;
  if (/^\d{12}$/.test(principal)) {
    accountId = principal;
    principalType = "account";
    human = true;
  } else {
    const match = IAM_ARN.exec(principal);
    if (!match) return { kind: "unresolved", principalType: "unique_id", human: false };
    accountId = match[2];
    const resource = match[3] ?? "";
    if (resource === "root") principalType = "account";
    else if (resource.startsWith("user/")) principalType = "user";
    else if (resource.startsWith("assumed-role/")) principalType = "assumed_role";
    else principalType = "role";
    // IAM Identity Center permission-set roles are always held by people.
    human = principalType === "account" || principalType === "user" || resource.includes("AWSReservedSSO_");
  }
  const kind = accountId === ownAccountId ? "own_account" : "other_account";
  return accountId === undefined ? { kind, principalType, human } : { kind, principalType, accountId, human };
}

function federationType(provider: string): "saml" | "oidc" {
  return provider.includes(":saml-provider/") ? "saml" : "oidc";
}

function principalsOf(statement: PolicyStatement, ownAccountId: string, actions: string[]): TrustedPrincipal[] {
  const common = {
    actions,
    requiresExternalId: requiresExternalId(statement.conditions),
    requiresMfa: requiresMfa(statement.conditions),
    restrictedByCondition: restrictedByCondition(statement.conditions),
    conditionKeys: conditionKeys(statement.conditions),
    statement: statementEvidence(statement),
  };
  // Allow with NotPrincipal admits everyone not listed.
  const set = statement.principal;
  if (!set || statement.notPrincipal) {
    return [{ kind: "everyone", principalType: "everyone", principal: "*", human: true, ...common }];
  }
  const principals: TrustedPrincipal[] = [];
  if (set.wildcard) principals.push({ kind: "everyone", principalType: "everyone", principal: "*", human: true, ...common });
  for (const aws of set.aws) principals.push({ principal: aws, ...classifyAws(aws, ownAccountId), ...common });
  for (const service of set.service) {
    principals.push({ kind: "service", principalType: "service", principal: service, human: false, ...common });
  }
  for (const provider of set.federated) {
    const federation = federationType(provider);
    principals.push({ kind: "federated", principalType: "federated", principal: provider, federation, human: federation === "saml", ...common });
  }
  return principals;
}

export function trustPolicyAnalysis(roleTrustDocument: unknown, ownAccountId: string): TrustPolicyAnalysis {
  const parsed = parsePolicyDocument(roleTrustDocument);
  if (!parsed.ok) return parsed;
  const principals = parsed.policy.statements.flatMap((statement) => {
    if (statement.effect !== "Allow") return [];
    const actions = ASSUME_ROLE_ACTIONS.filter((action) => statementMatchesAction(statement, action));
    return actions.length > 0 ? principalsOf(statement, ownAccountId, actions) : [];
  });
  const crossAccount = principals.filter((p) => p.kind === "everyone" || p.kind === "other_account");
  return {
    ok: true,
    principals,
    trustsEveryone: principals.some((p) => p.kind === "everyone" && !p.restrictedByCondition),
    crossAccount,
    humanAssumable: principals.some((p) => p.human),
  };
}
