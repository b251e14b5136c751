import { noteBlock, type EvidenceBlock } from "../../evidence/blocks";
import { trailNameOf, type MultiRegionTrailEvidence, type TrailEvidence } from "./evidence";

function loggingInWords(trail: TrailEvidence): string {
  if (trail.isLogging === null) return "status could not be read";
  return trail.isLogging ? "yes" : "no";
}

export function describeMultiRegionTrail(evidence: MultiRegionTrailEvidence): EvidenceBlock[] {
  if (evidence.trails.length === 0) return [noteBlock("The account has no CloudTrail trail: no region's API calls are recorded.", "Trails")];
  const passing = evidence.trails.some((trail) => trail.isMultiRegionTrail && trail.isLogging === true);
  return [
    {
      kind: "table",
      title: "Trails",
      columns: ["Trail", "Home region", "Records", "Organization trail", "Logging", "Status error"],
      rows: evidence.trails.map((trail) => [
        { text: trailNameOf(trail.trailArn), verbatim: true },
        { text: trail.homeRegion, verbatim: true },
        { text: trail.isMultiRegionTrail ? "every region" : "its home region only", mark: !passing && !trail.isMultiRegionTrail },
        trail.isOrganizationTrail ? "yes" : "no",
        { text: loggingInWords(trail), mark: !passing && trail.isMultiRegionTrail && trail.isLogging !== true },
        trail.statusError === null ? "none" : { text: trail.statusError, verbatim: true },
      ]),
    },
  ];
}
