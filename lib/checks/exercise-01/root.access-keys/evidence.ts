/**
 * What root.access-keys stores: the root row's key columns as the credential report wrote them,
 * with the organization's answer when centralized root access is why root has no key; or, when
 * the report was unavailable, GetAccountSummary's count of root keys.
 */
import { z } from "zod";
import { centralRootAccessEvidenceSchema } from "@/lib/checks/central-root-access";
import { credentialReportRowSchema } from "@/lib/snapshot/schema";

const rootKeyColumnsSchema = credentialReportRowSchema
  .pick({ user: true, arn: true, access_key_1_active: true, access_key_1_last_rotated: true, access_key_2_active: true, access_key_2_last_rotated: true })
  // Absent (not null) unless the organization manages root centrally: the shape stored since before folders.
  .extend({ centralRootAccess: centralRootAccessEvidenceSchema.optional() })
  .strict();

const rootKeysFromSummarySchema = z.object({ source: z.literal("iam:GetAccountSummary"), AccountAccessKeysPresent: z.number().int().nonnegative() }).strict();

export const rootAccessKeysEvidenceSchema = z.union([rootKeyColumnsSchema, rootKeysFromSummarySchema]);
export type RootAccessKeysEvidence = z.infer<typeof rootAccessKeysEvidenceSchema>;
export type RootKeyColumns = z.infer<typeof rootKeyColumnsSchema>;

/** The root key slots the report shows active. */
export function activeRootSlots(evidence: RootKeyColumns): Array<1 | 2> {
  return [evidence.access_key_1_active === true ? 1 : undefined, evidence.access_key_2_active === true ? 2 : undefined].filter((slot): slot is 1 | 2 => slot !== undefined);
}
