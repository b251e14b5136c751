/**
 * Is a bucket policy public? An Allow to everyone (`Principal: "*"`, `{AWS: "*"}`, or an Allow
 * with NotPrincipal) is public unless a condition pins the caller to known accounts, networks or
 * sources. The key list follows S3's own definition of "public"
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status).
 */
import { clausesFor, parseConditionOperator, valuesAreWildcard } from "./conditions";
import {
  parsePolicyDocument,
  statementEvidence,
  type ConditionClause,
  type PolicyDocumentError,
  type PolicyStatement,
  type StatementEvidence,
} from "./document";

/** Keys that, fixed to concrete values, keep a `*` principal from meaning "anyone on the internet". */
export const RESTRICTING_CONDITION_KEYS = [
  "aws:SourceArn",
  "aws:SourceAccount",
  "aws:SourceOwner",
  "aws:SourceVpce",
  "aws:SourceVpc",
  "aws:SourceOrgID",
  "aws:SourceOrgPaths",
  "aws:PrincipalOrgID",
  "aws:PrincipalOrgPaths",
  "aws:PrincipalAccount",
  "aws:PrincipalArn",
  "aws:PrincipalServiceName",
  "aws:userid",
  "aws:SourceIp",
  "s3:DataAccessPointAccount",
  "s3:DataAccessPointArn",
] as const;

const POSITIVE_OPERATORS = new Set(["stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress"]);

const OPEN_NETWORKS = new Set(["0.0.0.0/0", "::/0", "0.0.0.0", "::"]);

function restrictingClause(clause: ConditionClause): boolean {
  const operator = parseConditionOperator(clause.operator);
  // IfExists passes when the key is missing, which it is for an anonymous caller.
  if (!POSITIVE_OPERATORS.has(operator.base) || operator.negated || operator.ifExists) return false;
  if (valuesAreWildcard(clause.values)) return false;
  if (clause.key.toLowerCase() === "aws:sourceip") return !clause.values.some((value) => OPEN_NETWORKS.has(value.trim()));
  return true;
}

export function restrictingConditionKeys(conditions: ConditionClause[]): string[] {
  return RESTRICTING_CONDITION_KEYS.filter((key) => clausesFor(conditions, key).some(restrictingClause));
}

function grantsEveryone(statement: PolicyStatement): boolean {
  if (statement.effect !== "Allow") return false;
  if (statement.notPrincipal) return true;
  const principal = statement.principal;
  return principal !== undefined && (principal.wildcard || principal.canonicalUser.includes("*"));
}

export interface PublicStatement {
  statement: StatementEvidence;
  /** Condition keys present that do not restrict the caller (shown so the reader sees why they did not count). */
  nonRestrictingConditionKeys: string[];
}

export type BucketPolicyVerdict =
  | { ok: true; isPublic: boolean; statements: PublicStatement[] }
  | { ok: false; error: PolicyDocumentError };

export function isPublicBucketPolicy(document: unknown): BucketPolicyVerdict {
  const parsed = parsePolicyDocument(document);
  if (!parsed.ok) return parsed;
  const statements = parsed.policy.statements.flatMap((statement): PublicStatement[] => {
    if (!grantsEveryone(statement) || restrictingConditionKeys(statement.conditions).length > 0) return [];
    const keys = [...new Set(statement.conditions.map((clause) => clause.key))].sort();
    return [{ statement: statementEvidence(statement), nonRestrictingConditionKeys: keys }];
  });
  return { ok: true, isPublic: statements.length > 0, statements };
}
