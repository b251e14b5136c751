/**
 * What s3.bucket-acl-public stores: the bucket's ACL grants to everyone (AllUsers) or to any AWS
 * account (AuthenticatedUsers), and which Block Public Access setting, if any, makes S3 ignore
 * them today; or, when the ACL could not be read, which call failed.
 */
import { z } from "zod";
import { MITIGATIONS, PUBLIC_GRANTEES, type PublicGranteeUri } from "../../s3-buckets";

const granteeUris = Object.keys(PUBLIC_GRANTEES) as [PublicGranteeUri, ...PublicGranteeUri[]];

export const publicGrantSchema = z
  .object({
    granteeUri: z.enum(granteeUris),
    /** As S3 reports it: READ, WRITE, READ_ACP, WRITE_ACP or FULL_CONTROL. */
    permission: z.string(),
  })
  .strict();
export type PublicGrant = z.infer<typeof publicGrantSchema>;

const bucket = z.string();

export const publicAclEvidenceSchema = z.object({ bucket, publicGrants: z.array(publicGrantSchema), mitigatedBy: z.enum(MITIGATIONS).nullable() }).strict();
export type PublicAclEvidence = z.infer<typeof publicAclEvidenceSchema>;
export const privateAclEvidenceSchema = z.object({ bucket, publicGrants: z.array(publicGrantSchema).length(0) }).strict();
export const aclUnreadableEvidenceSchema = z.object({ bucket, aclError: z.object({ api: z.string(), code: z.string() }).strict() }).strict();

export const bucketAclEvidenceSchema = z.union([publicAclEvidenceSchema, privateAclEvidenceSchema, aclUnreadableEvidenceSchema]);
export type BucketAclEvidence = z.infer<typeof bucketAclEvidenceSchema>;

export function isPublicAclEvidence(evidence: BucketAclEvidence): evidence is PublicAclEvidence {
  return "mitigatedBy" in evidence;
}
