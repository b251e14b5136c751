/**
 * What admins.count stores: the limit, each admin user with every policy statement that makes
 * them admin (the statement itself, the policy and what it is attached to), the users who reach
 * admin only by assuming a role, those whose policies could not be read, and whether service
 * control policies were considered.
 */
import { z } from "zod";
import { adminPathSchema, serviceControlPolicyShape } from "../../evidence/policy-statements";
import { identityCenterAdminSchema } from "../../identity-center";

export const adminUserSchema = z.object({ arn: z.string(), name: z.string(), paths: z.array(adminPathSchema) }).strict();

export const adminsCountEvidenceSchema = z
  .object({
    limit: z.number().int().nonnegative(),
    adminUsers: z.array(adminUserSchema),
    /** Users who are not admins but can assume an admin role, with the roles in the order they are assumed. */
    adminThroughRoles: z.array(z.object({ userArn: z.string(), roles: z.array(z.string()) }).strict()),
    /** Users not admin by any readable policy, with some policy that could not be read. */
    undeterminedUsers: z.array(z.string()),
    /** People who are admin here through an IAM Identity Center permission set: counted with the users. Absent in evidence stored before they were. */
    identityCenterAdmins: z.array(identityCenterAdminSchema).optional(),
    /** Why Identity Center admins are not in the count (the instance has not been read); absent when they are. */
    identityCenterNotCounted: z.string().optional(),
    ...serviceControlPolicyShape,
  })
  .strict();
export type AdminsCountEvidence = z.infer<typeof adminsCountEvidenceSchema>;
export type AdminUserEvidence = z.infer<typeof adminUserSchema>;
