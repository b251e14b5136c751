/**
 * What roles.cross-account-conditions stores for a role trusted from outside its account: each
 * such principal as the trust policy names it, what its statement requires, and the statement
 * itself (lib/policy's StatementEvidence), so a reader sees the trust as written. A trust policy
 * that cannot be read stores why instead.
 */
import { z } from "zod";
import { policyDocumentErrorKindSchema } from "../../evidence/policy-document-error";

/** lib/policy/document.ts StatementEvidence: `sid` is left out when the statement has none. */
export const statementEvidenceSchema = z
  .object({
    /** Zero-based position in the policy's Statement list. */
    index: z.number().int().nonnegative(),
    sid: z.string().optional(),
    statement: z.json(),
  })
  .strict();

const trustedPrincipalSchema = z
  .object({
    /** As written in the trust policy: "*", an account id or an ARN. */
    principal: z.string(),
    requiresExternalId: z.boolean(),
    requiresMfa: z.boolean(),
    /** Narrowed to an organization, account or ARN by a condition (aws:PrincipalOrgID…). */
    restrictedByCondition: z.boolean(),
    statement: statementEvidenceSchema,
  })
  .strict();
export type TrustedPrincipalEvidence = z.infer<typeof trustedPrincipalSchema>;

export const crossAccountEvidenceSchema = z.union([
  z.object({ arn: z.string(), crossAccount: z.array(trustedPrincipalSchema).min(1) }).strict(),
  z
    .object({
      arn: z.string(),
      error: z.object({ kind: policyDocumentErrorKindSchema, message: z.string() }).strict(),
    })
    .strict(),
]);
export type CrossAccountEvidence = z.infer<typeof crossAccountEvidenceSchema>;

export const EVERYONE = "*";

/**
 * What is wrong with one trusted principal, in words, or undefined when it is protected. Anyone
 * without a narrowing condition is wrong whatever else the statement asks; anyone else needs an
 * ExternalId or MFA.
 */
export function principalProblem(principal: Omit<TrustedPrincipalEvidence, "statement">): string | undefined {
  if (principal.principal === EVERYONE && !principal.restrictedByCondition) return "anyone may assume it";
  if (principal.requiresExternalId || principal.requiresMfa) return undefined;
  return `${principal.principal} may assume it without an ExternalId or MFA`;
}
