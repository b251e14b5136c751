/**
 * What sg.admin-ports-open stores: the group and each inbound rule that admits the internet to
 * SSH, RDP or all ports, with only its world-open sources (the rule's other sources are not the
 * problem and are not revoked).
 */
import { z } from "zod";

export const openRuleSchema = z
  .object({
    /** As EC2 reports it: "tcp", "6", or "-1" for every protocol. */
    ipProtocol: z.string(),
    // Left out by EC2 (and so by the stored evidence) for all-protocol rules.
    fromPort: z.number().int().optional(),
    toPort: z.number().int().optional(),
    /** 0.0.0.0/0 and ::/0 only. */
    sources: z.array(z.string()),
  })
  .strict();
export type OpenRule = z.infer<typeof openRuleSchema>;

export const adminPortsEvidenceSchema = z.object({ groupId: z.string(), openRules: z.array(openRuleSchema) }).strict();
export type AdminPortsEvidence = z.infer<typeof adminPortsEvidenceSchema>;
