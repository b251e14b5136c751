/** What keys.single-active stores: the user and whether each of its two key slots is active, as the credential report wrote it. */
import { z } from "zod";
import { credentialReportRowSchema } from "@/lib/snapshot/schema";

export const singleActiveKeyEvidenceSchema = credentialReportRowSchema.pick({ user: true, arn: true, access_key_1_active: true, access_key_2_active: true }).strict();
export type SingleActiveKeyEvidence = z.infer<typeof singleActiveKeyEvidenceSchema>;

export function bothKeysActive(evidence: SingleActiveKeyEvidence): boolean {
  return evidence.access_key_1_active === true && evidence.access_key_2_active === true;
}
