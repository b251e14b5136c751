/**
 * What users.mfa-enforced stores: what the user may do with MFA and with an access key alone, and
 * each Deny that bears on MFA as the statement itself, with the policy's name and where it is
 * attached (a statement's number alone tells a reader nothing).
 */
import { z } from "zod";

const mfaStatementSchema = z
  .object({
    /** Where the policy is, in one phrase ("group humans › managed policy force-mfa"). */
    policy: z.string(),
    policyName: z.string(),
    /** "user alice", "group humans", an organization target ("OU Production"). */
    attachedTo: z.string(),
    /** Zero-based position in the policy's Statement list. */
    index: z.number().int().nonnegative(),
    sid: z.string().nullable(),
    statement: z.json(),
  })
  .strict();
export type MfaStatement = z.infer<typeof mfaStatementSchema>;

const judgedSchema = z
  .object({
    arn: z.string(),
    allowedWithMfa: z.array(z.string()),
    usableWithAccessKeyAlone: z.array(z.string()),
    deniedWithoutMfaBy: z.array(mfaStatementSchema),
    deniedOnlyInConsoleBy: z.array(mfaStatementSchema),
    unreadablePolicies: z.array(z.string()),
    serviceControlPolicies: z.enum(["considered", "not considered"]),
    serviceControlPoliciesNote: z.string(),
  })
  .strict();

const notInAuthorizationDetailsSchema = z.object({ arn: z.string(), inAuthorizationDetails: z.literal(false) }).strict();

export const mfaEnforcementEvidenceSchema = z.union([judgedSchema, notInAuthorizationDetailsSchema]);
export type MfaEnforcementEvidence = z.infer<typeof mfaEnforcementEvidenceSchema>;

/** How a statement is named for a reader: "Statement 2 (sid: DenyWithoutMfa)". */
export function statementName(statement: MfaStatement): string {
  return `Statement ${statement.index + 1}${statement.sid ? ` (sid: ${statement.sid})` : ""}`;
}
