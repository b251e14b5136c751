import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { versionOneWithOptInRegions, type GlobalTokenEvidence } from "./evidence";

function versionInWords(version: number | null): string {
  if (version === null) return "not reported by AWS";
  return version >= 2 ? `version ${version}: valid in every region` : `version ${version}: valid only in regions AWS enables by default`;
}

export function describeGlobalToken(evidence: GlobalTokenEvidence): EvidenceBlock[] {
  const fails = versionOneWithOptInRegions(evidence);
  return [
    factsBlock("Global STS endpoint", [
      { label: "Session tokens it issues", value: versionInWords(evidence.GlobalEndpointTokenVersion), mark: fails },
      {
        label: "Opt-in regions the account enabled",
        value: evidence.optedInRegions.length > 0 ? evidence.optedInRegions.join(", ") : "none",
        verbatim: evidence.optedInRegions.length > 0,
        mark: fails,
      },
      "regionsWithoutOptInStatus" in evidence && {
        label: "Regions AWS did not say are opt-in or not",
        value: evidence.regionsWithoutOptInStatus.join(", "),
        verbatim: true,
      },
    ]),
  ];
}
