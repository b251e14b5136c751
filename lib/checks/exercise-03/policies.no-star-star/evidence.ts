/**
 * What policies.no-star-star stores: the policy, where it is attached, and each statement that
 * allows every action on every resource (empty when none does); or why its document could not
 * be read.
 */
import { z } from "zod";
import { policyInForceShape, storedStatementSchema, unreadablePolicySchema } from "../../evidence/policy-statements";

export const starStarStatementSchema = storedStatementSchema.extend({ conditional: z.boolean() }).strict();

export const judgedStarStarSchema = z.object({ ...policyInForceShape, statements: z.array(starStarStatementSchema) }).strict();

export const noStarStarEvidenceSchema = z.union([judgedStarStarSchema, unreadablePolicySchema]);
export type NoStarStarEvidence = z.infer<typeof noStarStarEvidenceSchema>;
export type JudgedStarStarEvidence = z.infer<typeof judgedStarStarSchema>;
