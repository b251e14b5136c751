/**
 * What cloudtrail.multi-region stores: every trail the account's regions list (one per ARN),
 * whether it records every region and whether it is logging. The last delivery time stays out:
 * it changes every few minutes and would make every run look like a change.
 */
import { z } from "zod";

export const trailEvidenceSchema = z
  .object({
    trailArn: z.string(),
    homeRegion: z.string(),
    isMultiRegionTrail: z.boolean(),
    isOrganizationTrail: z.boolean(),
    /** Null when the trail's status could not be read. */
    isLogging: z.boolean().nullable(),
    /** AWS's error code when the status could not be read. */
    statusError: z.string().nullable(),
  })
  .strict();
export type TrailEvidence = z.infer<typeof trailEvidenceSchema>;

export const multiRegionTrailEvidenceSchema = z.object({ trails: z.array(trailEvidenceSchema) }).strict();
export type MultiRegionTrailEvidence = z.infer<typeof multiRegionTrailEvidenceSchema>;

export function trailNameOf(trailArn: string): string {
  return trailArn.slice(trailArn.lastIndexOf("/") + 1);
}
