/**
 * What users.permissions-via-groups stores: the policies on the user itself (what fails: the
 * attachment, whatever the policy says) and the groups it is in.
 */
import { z } from "zod";

export const permissionsViaGroupsEvidenceSchema = z
  .object({
    arn: z.string(),
    attachedPolicyArns: z.array(z.string()),
    inlinePolicyNames: z.array(z.string()),
    groups: z.array(z.string()),
  })
  .strict();
export type PermissionsViaGroupsEvidence = z.infer<typeof permissionsViaGroupsEvidenceSchema>;
