/** What asg.can-scale stores for an Auto Scaling group: its size bounds and its scaling policies' names. */
import { z } from "zod";

export const canScaleEvidenceSchema = z
  .object({
    name: z.string(),
    minSize: z.number().int().nonnegative(),
    maxSize: z.number().int().nonnegative(),
    scalingPolicies: z.array(z.string()),
  })
  .strict();
export type CanScaleEvidence = z.infer<typeof canScaleEvidenceSchema>;

/** What keeps the group from growing under load. */
export function scalingGaps(evidence: CanScaleEvidence): { noRoom: boolean; noPolicy: boolean } {
  return { noRoom: evidence.maxSize <= evidence.minSize, noPolicy: evidence.scalingPolicies.length === 0 };
}
