/** What identity-center.session-duration stores: each permission set assigned in the account and its session length. */
import { z } from "zod";

export const sessionDurationEvidenceSchema = z
  .object({
    /** The longest session that passes, in seconds (4 hours). */
    thresholdSeconds: z.number().int().positive(),
    permissionSets: z.array(
      z
        .object({
          name: z.string(),
          permissionSetArn: z.string(),
          /** As AWS reports it ("PT8H"); null when AWS leaves it out (its default, one hour). */
          sessionDuration: z.string().nullable(),
          /** null when the duration is not one iamfit reads. */
          seconds: z.number().int().nonnegative().nullable(),
        })
        .strict(),
    ),
    instanceArn: z.string(),
    /** The management or delegated administrator account where the instance was read. */
    readInAccountId: z.string(),
  })
  .strict();
export type SessionDurationEvidence = z.infer<typeof sessionDurationEvidenceSchema>;
