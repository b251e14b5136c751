/**
 * What sts.global-token-v2 stores: the token version GetAccountSummary reports (null when it did
 * not) and the opt-in regions the account enabled. When DescribeRegions left some regions' opt-in
 * status out, the finding is unknown and names them.
 */
import { z } from "zod";

const tokenVersion = z
  .object({
    /** GetAccountSummary's own name for the value, kept as AWS spells it. */
    GlobalEndpointTokenVersion: z.number().int().nullable(),
    optedInRegions: z.array(z.string()),
  })
  .strict();

export const globalTokenEvidenceSchema = z.union([tokenVersion, tokenVersion.extend({ regionsWithoutOptInStatus: z.array(z.string()) }).strict()]);
export type GlobalTokenEvidence = z.infer<typeof globalTokenEvidenceSchema>;

/** Version 1 tokens while opt-in regions are enabled: what fails the check. */
export function versionOneWithOptInRegions(evidence: GlobalTokenEvidence): boolean {
  return evidence.GlobalEndpointTokenVersion !== null && evidence.GlobalEndpointTokenVersion < 2 && evidence.optedInRegions.length > 0;
}
