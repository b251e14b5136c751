/**
 * What sts.regions-unused-disabled stores per probed region: the probe's answer, whose setting it
 * observed, and what shows the region is used (lib/checks/region-usage.ts). Deactivated opt-in
 * regions also carry `optInRegion`, the reason they are not judged.
 */
import { z } from "zod";
import { stsRegionStateSchema } from "@/lib/snapshot/schema";

/** The global endpoint is served from here; AWS does not let it be deactivated. */
export const ALWAYS_ACTIVE_REGION = "us-east-1";

const probedRegion = z
  .object({
    region: z.string(),
    status: stsRegionStateSchema.shape.status,
    /** The error code of a probe that failed, as AWS sent it. */
    errorCode: z.string().nullable(),
    /** The account whose STS setting the probe observed (lib/aws/collectors/sts.ts). */
    probedAs: z.string(),
    /** What shows the region is used, in words ("instances", "access key use"); empty when nothing does. */
    usedBy: z.array(z.string()),
  })
  .strict();

export const stsRegionEvidenceSchema = z.union([probedRegion, probedRegion.extend({ optInRegion: z.literal(true) }).strict()]);
export type StsRegionEvidence = z.infer<typeof stsRegionEvidenceSchema>;

/** STS answers in a region iamfit saw no use of, outside us-east-1: the facts that fail the check. */
export function activeButUnused(evidence: StsRegionEvidence): boolean {
  return evidence.status === "active" && evidence.region !== ALWAYS_ACTIVE_REGION && evidence.usedBy.length === 0;
}

export function isOptInRegionEvidence(evidence: StsRegionEvidence): boolean {
  return "optInRegion" in evidence;
}
