/**
 * What ec2.role-not-admin stores: the role, its instance profiles, each policy statement that
 * makes it admin (with the policy and what it is attached to), and whether service control
 * policies were considered.
 */
import { z } from "zod";
import { adminPathSchema, serviceControlPolicyShape } from "../../evidence/policy-statements";

export const roleNotAdminEvidenceSchema = z
  .object({ arn: z.string(), instanceProfileArns: z.array(z.string()), adminPaths: z.array(adminPathSchema), ...serviceControlPolicyShape })
  .strict();
export type RoleNotAdminEvidence = z.infer<typeof roleNotAdminEvidenceSchema>;
