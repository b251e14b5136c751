import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import type { InstanceProfileEvidence } from "./evidence";

export function describeInstanceProfile(evidence: InstanceProfileEvidence): EvidenceBlock[] {
  return [
    factsBlock("Instance", [
      { label: "Instance", value: evidence.instanceId, verbatim: true },
      { label: "State", value: evidence.state, verbatim: true },
      evidence.iamInstanceProfileArn === null
        ? { label: "Instance profile", value: "none: code on it needs stored keys to call AWS", mark: true }
        : { label: "Instance profile", value: evidence.iamInstanceProfileArn, verbatim: true },
    ]),
  ];
}
