import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import type { InAutoscalingGroupEvidence } from "./evidence";

export function describeInAutoscalingGroup(evidence: InAutoscalingGroupEvidence): EvidenceBlock[] {
  return [
    factsBlock("Instance serving traffic", [
      { label: "Instance", value: evidence.instanceId, verbatim: true },
      ...evidence.servingBecause.map((reason, index) => ({ label: index === 0 ? "Reachable from the internet through" : "and through", value: reason })),
      evidence.autoScalingGroup === null
        ? { label: "Auto Scaling group", value: "none", mark: true }
        : { label: "Auto Scaling group", value: evidence.autoScalingGroup, verbatim: true },
    ]),
  ];
}
