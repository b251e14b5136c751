/**
 * What password-policy.strong stores: whether the account has a password policy, its two settings
 * the check judges (null where the policy leaves them unset), and the limits they were judged
 * against, so the evidence alone says what was required.
 */
import { z } from "zod";

const limits = z.object({ minimumPasswordLength: z.number().int().nonnegative(), passwordReusePrevention: z.number().int().nonnegative() }).strict();

export const passwordPolicyEvidenceSchema = z.discriminatedUnion("present", [
  z.object({ present: z.literal(false), required: limits }).strict(),
  z
    .object({
      present: z.literal(true),
      minimumPasswordLength: z.number().int().nullable(),
      passwordReusePrevention: z.number().int().nullable(),
      required: limits,
    })
    .strict(),
]);
export type PasswordPolicyEvidence = z.infer<typeof passwordPolicyEvidenceSchema>;

/** Which settings fall short of the limits; a missing policy falls short on both. */
export function shortfalls(evidence: PasswordPolicyEvidence): { length: boolean; reuse: boolean } {
  if (!evidence.present) return { length: true, reuse: true };
  return {
    length: (evidence.minimumPasswordLength ?? 0) < evidence.required.minimumPasswordLength,
    reuse: (evidence.passwordReusePrevention ?? 0) < evidence.required.passwordReusePrevention,
  };
}
