/**
 * What policies.service-wildcards stores: the policy, where it is attached, and each broad grant
 * with the statement it is in: a whole-service wildcard (`s3:*`), or a sensitive action on every
 * resource (`iam:PassRole` on `*`); or why its document could not be read.
 */
import { z } from "zod";
import { policyInForceShape, storedStatementSchema, unreadablePolicySchema } from "../../evidence/policy-statements";

export const wildcardGrantSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("service_wildcard"), pattern: z.string(), resources: z.array(z.string()), statement: storedStatementSchema }).strict(),
  z.object({ kind: z.literal("sensitive_action_on_all_resources"), action: z.string(), pattern: z.string(), statement: storedStatementSchema }).strict(),
]);
export type WildcardGrantEvidence = z.infer<typeof wildcardGrantSchema>;

export const judgedWildcardsSchema = z.object({ ...policyInForceShape, grants: z.array(wildcardGrantSchema) }).strict();

export const serviceWildcardsEvidenceSchema = z.union([judgedWildcardsSchema, unreadablePolicySchema]);
export type ServiceWildcardsEvidence = z.infer<typeof serviceWildcardsEvidenceSchema>;
