/**
 * What users.humans-via-roles stores: the credential report's columns that tell a person (a
 * console password) holding long-lived keys, as the report wrote them.
 */
import { z } from "zod";
import { credentialReportRowSchema } from "@/lib/snapshot/schema";

export const humansViaRolesEvidenceSchema = credentialReportRowSchema
  .pick({ user: true, arn: true, password_enabled: true, access_key_1_active: true, access_key_2_active: true })
  .strict();
export type HumansViaRolesEvidence = z.infer<typeof humansViaRolesEvidenceSchema>;

/** The slots of the user's active keys. */
export function activeKeySlots(evidence: HumansViaRolesEvidence): Array<1 | 2> {
  return [...(evidence.access_key_1_active === true ? [1 as const] : []), ...(evidence.access_key_2_active === true ? [2 as const] : [])];
}
