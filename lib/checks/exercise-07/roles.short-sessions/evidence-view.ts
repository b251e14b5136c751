import { DEFAULT_THRESHOLDS } from "../../types";
import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { durationInWords, type ShortSessionsEvidence } from "./evidence";

const ERROR_WORDS: Record<Extract<ShortSessionsEvidence, { error: unknown }>["error"], string> = {
  missing: "no trust policy was collected",
  malformed_json: "the trust policy is not valid JSON",
  invalid_policy: "the trust policy is not a valid policy",
};

export function describeShortSessions(evidence: ShortSessionsEvidence): EvidenceBlock[] {
  if ("error" in evidence) {
    return [
      factsBlock("Role", [
        { label: "Role", value: evidence.arn, verbatim: true },
        { label: "Trust policy could not be read", value: ERROR_WORDS[evidence.error], mark: true },
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
