/**
 * What identity-center.admin-assignments stores: the people who are admin in the account through
 * an IAM Identity Center permission set, each with the path "group › permission set › policy",
 * the IAM users counted beside them, the limit, and the instance that was read.
 */
import { z } from "zod";
import { identityCenterAdminSchema } from "../../identity-center";

export const identityCenterAdminAssignmentsEvidenceSchema = z
  .object({
    limit: z.number().int().nonnegative(),
    /** IAM users with administrator rights in the account (admins.count); null when IAM could not be read. */
    iamAdminCount: z.number().int().nonnegative().nullable(),
    identityCenterAdmins: z.array(identityCenterAdminSchema),
    /** Permission sets assigned here with a policy that could not be read and no readable admin grant. */
    undeterminedPermissionSets: z.array(z.string()),
    instanceArn: z.string(),
    /** The management or delegated administrator account where the instance was read. */
    readInAccountId: z.string(),
  })
  .strict();
export type IdentityCenterAdminAssignmentsEvidence = z.infer<typeof identityCenterAdminAssignmentsEvidenceSchema>;
