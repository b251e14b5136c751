/**
 * Policy documents as iamfit reasons about them: validated with zod and normalised so every
 * question in lib/policy sees one shape. IAM accepts a single value or an array for
 * Statement, Action, NotAction, Resource, NotResource and each Principal entry, and
 * `Principal: "*"` as shorthand for `{ "AWS": "*" }`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html).
 *
 * Documents are untrusted input: a malformed one becomes a typed error, never an exception
 * and never a silent "no statements" (which would read as a pass).
 */
import { z } from "zod";
import type { JsonValue } from "@/lib/checks/types";

export type PolicyEffect = "Allow" | "Deny";

/** Who a resource-based statement (trust policy, bucket policy) names. */
export interface PrincipalSet {
  /** `Principal: "*"`, or an `AWS: "*"` entry: everyone, including anonymous callers. */
  wildcard: boolean;
  aws: string[];
  service: string[];
  federated: string[];
  canonicalUser: string[];
}

export interface ConditionClause {
  /** As written, e.g. "BoolIfExists", "ForAnyValue:StringLike". */
  operator: string;
  /** As written; condition keys are case-insensitive, compare with `conditionKeyIs`. */
  key: string;
  values: string[];
}

export interface PolicyStatement {
  /** Position in the document's Statement list (0 for a single-object Statement). */
  index: number;
  sid?: string;
  effect: PolicyEffect;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  principal?: PrincipalSet;
  notPrincipal?: PrincipalSet;
  conditions: ConditionClause[];
  /** The statement exactly as stored, for evidence and highlighting in the UI. */
  raw: JsonValue;
}

export interface NormalizedPolicy {
  version?: string;
  statements: PolicyStatement[];
}

export type PolicyDocumentErrorKind = "missing" | "malformed_json" | "invalid_policy";

export interface PolicyDocumentError {
  kind: PolicyDocumentErrorKind;
  message: string;
}

export type PolicyParseResult = { ok: true; policy: NormalizedPolicy } | { ok: false; error: PolicyDocumentError };

/** The statement an answer was derived from, as the UI shows and highlights it. */
export interface StatementEvidence {
  index: number;
  sid?: string;
  statement: JsonValue;
}

export function statementEvidence(statement: PolicyStatement): StatementEvidence {
  return statement.sid === undefined
    ? { index: statement.index, statement: statement.raw }
    : { index: statement.index, sid: statement.sid, statement: statement.raw };
}

const stringList = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]));

const principalSchema = z.union([z.literal("*"), z.record(z.string(), stringList)]);

const conditionScalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const conditionSchema = z.record(
  z.string(),
  z.record(
    z.string(),
    z.union([conditionScalar, z.array(conditionScalar)]).transform((value) => (Array.isArray(value) ? value : [value])),
  ),
);

const statementSchema = z
  .object({
    Sid: z.string().optional(),
    Effect: z.enum(["Allow", "Deny"]),
    Action: stringList.optional(),
    NotAction: stringList.optional(),
    Resource: stringList.optional(),
    NotResource: stringList.optional(),
    Principal: principalSchema.optional(),
    NotPrincipal: principalSchema.optional(),
    Condition: conditionSchema.optional(),
  })
  .refine((s) => (s.Action === undefined) !== (s.NotAction === undefined), {
    message: "a statement needs exactly one of Action or NotAction",
  })
  .refine((s) => s.Resource === undefined || s.NotResource === undefined, {
    message: "a statement cannot have both Resource and NotResource",
  })
  .refine((s) => s.Principal === undefined || s.NotPrincipal === undefined, {
    message: "a statement cannot have both Principal and NotPrincipal",
  });

const documentSchema = z.object({
  Version: z.string().optional(),
  Statement: z.union([z.array(z.unknown()), z.unknown()]),
});

const malformedMarkerSchema = z.object({ $malformed: z.literal(true), error: z.string().optional() });

function normalizePrincipal(principal: z.infer<typeof principalSchema>): PrincipalSet {
  if (principal === "*") return { wildcard: true, aws: [], service: [], federated: [], canonicalUser: [] };
  const set: PrincipalSet = { wildcard: false, aws: [], service: [], federated: [], canonicalUser: [] };
  for (const [type, values] of Object.entries(principal)) {
    if (type === "AWS") {
      set.aws.push(...values.filter((value) => value !== "*"));
      if (values.includes("*")) set.wildcard = true;
    } else if (type === "Service") set.service.push(...values);
    else if (type === "Federated") set.federated.push(...values);
    else if (type === "CanonicalUser") set.canonicalUser.push(...values);
  }
  return set;
}

function describeIssue(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  if (!issue) return `${prefix}: invalid`;
  const path = issue.path.length > 0 ? `${prefix}.${issue.path.join(".")}` : prefix;
  return `${path}: ${issue.message}`;
}

/** Bucket policies arrive as strings from GetBucketPolicy; accept a string holding JSON too. */
function decodeStringDocument(text: string): { ok: true; value: unknown } | { ok: false; error: PolicyDocumentError } {
  try {
    const decoded = text.trimStart().startsWith("%") ? decodeURIComponent(text) : text;
    return { ok: true, value: JSON.parse(decoded) };
  } catch (cause) {
    return { ok: false, error: { kind: "malformed_json", message: cause instanceof Error ? cause.message : String(cause) } };
  }
}

export function parsePolicyDocument(document: unknown): PolicyParseResult {
  if (document === undefined || document === null) {
    return { ok: false, error: { kind: "missing", message: "no policy document was collected" } };
  }
  if (typeof document === "string") {
    const decoded = decodeStringDocument(document);
    if (!decoded.ok) return decoded;
    return parsePolicyDocument(decoded.value);
  }
  const marker = malformedMarkerSchema.safeParse(document);
  if (marker.success) {
    return { ok: false, error: { kind: "malformed_json", message: marker.data.error ?? "the stored document could not be decoded" } };
  }
  const parsed = documentSchema.safeParse(document);
  if (!parsed.success) return { ok: false, error: { kind: "invalid_policy", message: describeIssue(parsed.error, "Policy") } };
  if (parsed.data.Statement === undefined) {
    return { ok: false, error: { kind: "invalid_policy", message: "Policy.Statement: missing" } };
  }
  const rawStatements = Array.isArray(parsed.data.Statement) ? parsed.data.Statement : [parsed.data.Statement];
  const statements: PolicyStatement[] = [];
  for (const [index, raw] of rawStatements.entries()) {
    const statement = statementSchema.safeParse(raw);
    if (!statement.success) {
      return { ok: false, error: { kind: "invalid_policy", message: describeIssue(statement.error, `Statement[${index}]`) } };
    }
    const s = statement.data;
    statements.push({
      index,
      ...(s.Sid === undefined ? {} : { sid: s.Sid }),
      effect: s.Effect,
      ...(s.Action === undefined ? {} : { actions: s.Action }),
      ...(s.NotAction === undefined ? {} : { notActions: s.NotAction }),
      ...(s.Resource === undefined ? {} : { resources: s.Resource }),
      ...(s.NotResource === undefined ? {} : { notResources: s.NotResource }),
      ...(s.Principal === undefined ? {} : { principal: normalizePrincipal(s.Principal) }),
      ...(s.NotPrincipal === undefined ? {} : { notPrincipal: normalizePrincipal(s.NotPrincipal) }),
      conditions: Object.entries(s.Condition ?? {}).flatMap(([operator, entries]) =>
        Object.entries(entries).map(([key, values]) => ({ operator, key, values })),
      ),
      raw: raw as JsonValue,
    });
  }
  return { ok: true, policy: parsed.data.Version === undefined ? { statements } : { version: parsed.data.Version, statements } };
}
