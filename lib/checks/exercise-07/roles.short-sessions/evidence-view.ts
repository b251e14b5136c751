import { DEFAULT_THRESHOLDS } from "../../types";
import { policyDocumentErrorInWords } from "../../evidence/policy-document-error";
import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { durationInWords, type ShortSessionsEvidence } from "./evidence";

export function describeShortSessions(evidence: ShortSessionsEvidence): EvidenceBlock[] {
  if ("error" in evidence) {
    return [
      factsBlock("Trust policy", [
        { label: "Role", value: evidence.arn, verbatim: true },
        { label: "Could not be read", value: policyDocumentErrorInWords("the trust policy", evidence.error), mark: true },
      ]),
    ];
  }
  // The view has no thresholds; iamfit judges against the guide's limit, the default.
  const tooLong = evidence.maxSessionDuration > DEFAULT_THRESHOLDS.maxSessionSeconds;
  return [
    factsBlock("Role people can assume", [
      { label: "Role", value: evidence.arn, verbatim: true },
      { label: "Longest session it allows", value: durationInWords(evidence.maxSessionDuration), mark: tooLong },
      { label: "Limit", value: durationInWords(DEFAULT_THRESHOLDS.maxSessionSeconds) },
      {
        label: "People may assume it through",
        value: evidence.humanPrincipals.length > 0 ? evidence.humanPrincipals.join(", ") : "none named",
        verbatim: evidence.humanPrincipals.length > 0,
      },
    ]),
  ];
}
