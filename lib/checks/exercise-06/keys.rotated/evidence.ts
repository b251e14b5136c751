/**
 * What keys.rotated stores: the user and the judged key's slot columns of the credential report,
 * as the report wrote them (raw facts, so unchanged keys keep the same evidence run after run).
 */
import { z } from "zod";
import { credentialReportRowSchema } from "@/lib/snapshot/schema";

const user = credentialReportRowSchema.pick({ user: true, arn: true });

export const keyRotationEvidenceSchema = z.union([
  user.extend(credentialReportRowSchema.pick({ access_key_1_active: true, access_key_1_last_rotated: true }).shape).strict(),
  user.extend(credentialReportRowSchema.pick({ access_key_2_active: true, access_key_2_last_rotated: true }).shape).strict(),
]);
export type KeyRotationEvidence = z.infer<typeof keyRotationEvidenceSchema>;

/** The judged key: its slot and the day AWS says it was created (or last rotated). */
export function judgedKey(evidence: KeyRotationEvidence): { slot: 1 | 2; created: string } {
  return "access_key_1_last_rotated" in evidence
    ? { slot: 1, created: evidence.access_key_1_last_rotated }
    : { slot: 2, created: evidence.access_key_2_last_rotated };
}
