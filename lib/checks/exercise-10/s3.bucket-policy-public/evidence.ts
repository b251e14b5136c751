/**
 * What s3.bucket-policy-public stores: the bucket and its statements that allow everyone without a
 * restricting condition (as AWS wrote them), what AWS's own GetBucketPolicyStatus says, and which
 * Block Public Access setting, if any, neutralises the exposure today. A bucket without a policy,
 * and a policy that could not be read, store just that.
 */
import { z } from "zod";
import { statementEvidenceSchema } from "../../evidence/policy-statement";
import { MITIGATIONS } from "../../s3-buckets";

export const publicStatementSchema = z
  .object({
    statement: statementEvidenceSchema,
    /** Condition keys present that do not restrict the caller. */
    nonRestrictingConditionKeys: z.array(z.string()),
  })
  .strict();
export type PublicStatementEvidence = z.infer<typeof publicStatementSchema>;

const bucket = z.string();
/** GetBucketPolicyStatus IsPublic; null when it could not be read. */
const policyIsPublic = z.boolean().nullable();

export const publicPolicyEvidenceSchema = z
  .object({ bucket, publicStatements: z.array(publicStatementSchema), policyIsPublic, mitigatedBy: z.enum(MITIGATIONS).nullable() })
  .strict();
export type PublicPolicyEvidence = z.infer<typeof publicPolicyEvidenceSchema>;

export const privatePolicyEvidenceSchema = z.object({ bucket, publicStatements: z.array(publicStatementSchema).length(0), policyIsPublic }).strict();
export const noPolicyEvidenceSchema = z.object({ bucket, policy: z.null() }).strict();
export const policyUnreadableEvidenceSchema = z.object({ bucket, policyError: z.object({ api: z.string(), code: z.string() }).strict() }).strict();
export const policyMalformedEvidenceSchema = z
  .object({ bucket, error: z.object({ kind: z.enum(["missing", "malformed_json", "invalid_policy"]), message: z.string() }).strict() })
  .strict();

export const bucketPolicyEvidenceSchema = z.union([
  publicPolicyEvidenceSchema,
  privatePolicyEvidenceSchema,
  noPolicyEvidenceSchema,
  policyUnreadableEvidenceSchema,
  policyMalformedEvidenceSchema,
]);
export type BucketPolicyEvidence = z.infer<typeof bucketPolicyEvidenceSchema>;

export function isPublicPolicyEvidence(evidence: BucketPolicyEvidence): evidence is PublicPolicyEvidence {
  return "mitigatedBy" in evidence;
}
