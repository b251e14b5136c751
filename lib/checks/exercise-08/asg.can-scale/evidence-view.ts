import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { scalingGaps, type CanScaleEvidence } from "./evidence";

export function describeCanScale(evidence: CanScaleEvidence): EvidenceBlock[] {
  const { noRoom, noPolicy } = scalingGaps(evidence);
  return [
    factsBlock("Auto Scaling group", [
      { label: "Group", value: evidence.name, verbatim: true },
      { label: "Minimum size", value: String(evidence.minSize), mark: noRoom },
      { label: "Maximum size", value: noRoom ? `${evidence.maxSize}: no room to grow` : String(evidence.maxSize), mark: noRoom },
      noPolicy
        ? { label: "Scaling policies", value: "none: nothing adds instances under load", mark: true }
        : { label: "Scaling policies", value: evidence.scalingPolicies.join(", "), verbatim: true },
    ]),
  ];
}
