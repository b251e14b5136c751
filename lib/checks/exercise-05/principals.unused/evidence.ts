/**
 * What principals.unused stores. A user: its credential-report creation and last-use columns; a
 * role: its creation and last-use date and region. A principal used within the limit stores the
 * limit instead of the last use, which moves with every use (lib/checks/recent-use.ts).
 */
import { z } from "zod";
import { credentialReportRowSchema } from "@/lib/snapshot/schema";

const userColumns = credentialReportRowSchema.pick({ user: true, arn: true, user_creation_time: true });

export const unusedUserEvidenceSchema = userColumns
  .extend(credentialReportRowSchema.pick({ password_last_used: true, access_key_1_last_used_date: true, access_key_2_last_used_date: true }).shape)
  .strict();
export const recentlyUsedUserEvidenceSchema = userColumns.extend({ usedWithinDays: z.number().int().positive() }).strict();
export const unusedRoleEvidenceSchema = z
  .object({ arn: z.string(), createDate: z.string().nullable(), lastUsedDate: z.string().nullable(), lastUsedRegion: z.string().nullable() })
  .strict();
export const recentlyUsedRoleEvidenceSchema = z.object({ arn: z.string(), createDate: z.string().nullable(), usedWithinDays: z.number().int().positive() }).strict();

export const principalsUnusedEvidenceSchema = z.union([unusedUserEvidenceSchema, recentlyUsedUserEvidenceSchema, unusedRoleEvidenceSchema, recentlyUsedRoleEvidenceSchema]);
export type PrincipalsUnusedEvidence = z.infer<typeof principalsUnusedEvidenceSchema>;
export type UnusedUserEvidence = z.infer<typeof unusedUserEvidenceSchema>;
