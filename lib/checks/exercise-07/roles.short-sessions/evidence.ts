/**
 * What roles.short-sessions stores for a role people can assume: its maximum session in seconds
 * (IAM's one-hour default filled in) and the principals that make it human-assumable. A trust
 * policy that cannot be read stores the kind of error instead.
 */
import { z } from "zod";
import { policyDocumentErrorKindSchema } from "../../evidence/policy-document-error";

export const shortSessionsEvidenceSchema = z.union([
  z
    .object({
      arn: z.string(),
      /** MaxSessionDuration, in seconds, as IAM names it. */
      maxSessionDuration: z.number().int().positive(),
      humanPrincipals: z.array(z.string()),
    })
    .strict(),
  z.object({ arn: z.string(), error: policyDocumentErrorKindSchema }).strict(),
]);
export type ShortSessionsEvidence = z.infer<typeof shortSessionsEvidenceSchema>;

/** "12 hours", "1 hour", "90 minutes". */
export function durationInWords(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}`;
  return `${Math.round(seconds / 60)} minutes`;
}
