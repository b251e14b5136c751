import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { durationInWords } from "./duration";
import type { SessionDurationEvidence } from "./evidence";

export function describeSessionDuration(evidence: SessionDurationEvidence): EvidenceBlock[] {
  return [
    factsBlock("Session length", [
      { label: "Longest session that passes", value: durationInWords(evidence.thresholdSeconds) },
      { label: "IAM Identity Center instance", value: evidence.instanceArn, verbatim: true },
    ]),
    {
      kind: "table",
      title: "Permission sets assigned in this account",
      columns: ["Permission set", "Session duration", "As AWS reports it"],
      rows: evidence.permissionSets.map((set) => [
        { text: set.name, verbatim: true },
        { text: set.seconds === null ? "not readable" : durationInWords(set.seconds), mark: set.seconds === null || set.seconds > evidence.thresholdSeconds },
        { text: set.sessionDuration ?? "not set (one hour, AWS's default)", verbatim: set.sessionDuration !== null },
      ]),
    },
  ];
}
