/**
 * What policies.privilege-escalation stores: the principal, each escalation method its policies
 * allow with, per required action, the statements that allow it (the statement itself, its policy
 * and what that policy is attached to), the policies that could not be read, and whether service
 * control policies were considered.
 */
import { z } from "zod";
import { policySourceShape, serviceControlPolicyShape, storedStatementSchema } from "../../evidence/policy-statements";

export const grantingStatementSchema = storedStatementSchema
  .extend({
    ...policySourceShape,
    /** The statement applies to every resource, not only named ones. */
    allResources: z.boolean(),
    conditional: z.boolean(),
  })
  .strict();
export type GrantingStatementEvidence = z.infer<typeof grantingStatementSchema>;

export const escalationPathSchema = z
  .object({
    /** The method's id in lib/policy/escalation.ts ESCALATION_METHODS. */
    method: z.string(),
    unrestricted: z.boolean(),
    grants: z.array(z.object({ action: z.string(), statements: z.array(grantingStatementSchema) }).strict()),
  })
  .strict();
export type EscalationPathEvidence = z.infer<typeof escalationPathSchema>;

export const privilegeEscalationEvidenceSchema = z
  .object({
    arn: z.string(),
    paths: z.array(escalationPathSchema),
    /** The policies that could not be read, described ("group ops › inline policy x"). */
    unreadablePolicies: z.array(z.string()),
    ...serviceControlPolicyShape,
  })
  .strict();
export type PrivilegeEscalationEvidence = z.infer<typeof privilegeEscalationEvidenceSchema>;
