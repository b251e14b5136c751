/**
 * What credentials.unused stores. A failing (or undated) credential keeps its credential-report
 * columns as AWS wrote them; a credential used inside the window keeps only who it belongs to and
 * the window (exercise 5's recent-use evidence), since its last-use date moves with every use.
 */
import { z } from "zod";
import { credentialReportRowSchema } from "@/lib/snapshot/schema";

const user = credentialReportRowSchema.pick({ user: true, arn: true });

const passwordUseEvidenceSchema = user
  .extend(credentialReportRowSchema.pick({ password_enabled: true, password_last_used: true, password_last_changed: true, user_creation_time: true }).shape)
  .strict();
const key1UseEvidenceSchema = user
  .extend(credentialReportRowSchema.pick({ access_key_1_active: true, access_key_1_last_rotated: true, access_key_1_last_used_date: true }).shape)
  .strict();
const key2UseEvidenceSchema = user
  .extend(credentialReportRowSchema.pick({ access_key_2_active: true, access_key_2_last_rotated: true, access_key_2_last_used_date: true }).shape)
  .strict();
export const recentUseEvidenceSchema = z.object({ user: z.string(), arn: z.string(), usedWithinDays: z.number().int().nonnegative() }).strict();

export const credentialUseEvidenceSchema = z.union([passwordUseEvidenceSchema, key1UseEvidenceSchema, key2UseEvidenceSchema, recentUseEvidenceSchema]);
export type CredentialUseEvidence = z.infer<typeof credentialUseEvidenceSchema>;

/** Which credential the evidence is about, with its last use and creation as the report wrote them. */
export type JudgedCredential =
  | { kind: "password"; lastUsed: string }
  | { kind: "access_key"; slot: 1 | 2; lastUsed: string; created: string }
  | { kind: "used_recently"; withinDays: number };

export function judgedCredential(evidence: CredentialUseEvidence): JudgedCredential {
  if ("usedWithinDays" in evidence) return { kind: "used_recently", withinDays: evidence.usedWithinDays };
  if ("password_last_used" in evidence) return { kind: "password", lastUsed: evidence.password_last_used };
  if ("access_key_1_last_used_date" in evidence) return { kind: "access_key", slot: 1, lastUsed: evidence.access_key_1_last_used_date, created: evidence.access_key_1_last_rotated };
  return { kind: "access_key", slot: 2, lastUsed: evidence.access_key_2_last_used_date, created: evidence.access_key_2_last_rotated };
}
