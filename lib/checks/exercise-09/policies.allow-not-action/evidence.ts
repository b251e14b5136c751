/**
 * What policies.allow-not-action stores: the policy (its id, its name and what it is attached to)
 * and each Allow statement written with NotAction or NotResource, as AWS wrote it, with whether a
 * condition narrows it. A document that could not be read stores why instead.
 */
import { z } from "zod";
import { statementEvidenceSchema } from "../../evidence/policy-statement";

const policySchema = {
  /** The finding's resource id: a managed policy's ARN, or `<owner ARN>#inline-policy/<name>`. */
  policy: z.string(),
  policyName: z.string(),
  /** ARNs of the users, groups and roles it is attached to (an inline policy's owner). */
  attachedTo: z.array(z.string()),
};

export const negatedAllowSchema = z
  .object({
    uses: z.array(z.enum(["NotAction", "NotResource"])),
    /** Any Condition counts as deliberate narrowing. */
    conditional: z.boolean(),
    conditionKeys: z.array(z.string()),
    /** NotAction on every resource, or NotResource with every action: `*`-scale access. */
    broad: z.boolean(),
    statement: statementEvidenceSchema,
  })
  .strict();
export type NegatedAllowEvidence = z.infer<typeof negatedAllowSchema>;

export const judgedPolicyEvidenceSchema = z.object({ ...policySchema, negatedAllows: z.array(negatedAllowSchema) }).strict();
export type JudgedPolicyEvidence = z.infer<typeof judgedPolicyEvidenceSchema>;

export const unreadablePolicyEvidenceSchema = z
  .object({ ...policySchema, error: z.object({ kind: z.enum(["missing", "malformed_json", "invalid_policy"]), message: z.string() }).strict() })
  .strict();
export type UnreadablePolicyEvidence = z.infer<typeof unreadablePolicyEvidenceSchema>;

export const allowNotActionEvidenceSchema = z.union([judgedPolicyEvidenceSchema, unreadablePolicyEvidenceSchema]);
export type AllowNotActionEvidence = z.infer<typeof allowNotActionEvidenceSchema>;

export function isJudgedPolicyEvidence(evidence: AllowNotActionEvidence): evidence is JudgedPolicyEvidence {
  return "negatedAllows" in evidence;
}

/** The statements that fail: an Allow with NotAction or NotResource and no condition. */
export function unconditionedAllows(evidence: JudgedPolicyEvidence): NegatedAllowEvidence[] {
  return evidence.negatedAllows.filter((allow) => !allow.conditional);
}
