/**
 * What users.workload-keys stores: for a user with active keys and no console password, the
 * report columns that make it a workload identity and whether it is an administrator ("unknown"
 * when its policies could not all be read); for an account with no such user, an empty list.
 */
import { z } from "zod";
import { credentialReportRowSchema } from "@/lib/snapshot/schema";

export const workloadUserEvidenceSchema = credentialReportRowSchema
  .pick({ user: true, arn: true, password_enabled: true, access_key_1_active: true, access_key_2_active: true })
  .extend({ admin: z.union([z.boolean(), z.literal("unknown")]) })
  .strict();

export const noWorkloadUsersEvidenceSchema = z.object({ keyOnlyUsers: z.tuple([]) }).strict();

export const workloadKeysEvidenceSchema = z.union([workloadUserEvidenceSchema, noWorkloadUsersEvidenceSchema]);
export type WorkloadKeysEvidence = z.infer<typeof workloadKeysEvidenceSchema>;
export type WorkloadUserEvidence = z.infer<typeof workloadUserEvidenceSchema>;
