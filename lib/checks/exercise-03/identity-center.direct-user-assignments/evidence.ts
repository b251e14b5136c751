/** What identity-center.direct-user-assignments stores: every assignment in the account, to a group or to one person. */
import { z } from "zod";

export const directUserAssignmentsEvidenceSchema = z
  .object({
    assignments: z.array(
      z
        .object({
          principalType: z.enum(["USER", "GROUP"]),
          principalId: z.string(),
          /** The user's user name or the group's display name; the id when the identity store did not list it. */
          principalName: z.string(),
          permissionSetName: z.string(),
          permissionSetArn: z.string(),
        })
        .strict(),
    ),
    instanceArn: z.string(),
    /** The management or delegated administrator account where the instance was read. */
    readInAccountId: z.string(),
  })
  .strict();
export type DirectUserAssignmentsEvidence = z.infer<typeof directUserAssignmentsEvidenceSchema>;
