import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { activeButUnused, ALWAYS_ACTIVE_REGION, isOptInRegionEvidence, type StsRegionEvidence } from "./evidence";

const STATUS_WORDS: Record<StsRegionEvidence["status"], string> = {
  active: "active: it issued credentials",
  disabled: "deactivated: it refused to issue credentials",
  unknown: "not known: the probe failed",
};

export function describeStsRegion(evidence: StsRegionEvidence): EvidenceBlock[] {
  const unused = activeButUnused(evidence);
  return [
    factsBlock("STS regional endpoint", [
      { label: "Region", value: evidence.region, verbatim: true },
      { label: "STS in this region", value: STATUS_WORDS[evidence.status], mark: unused },
      evidence.errorCode !== null && { label: "AWS answered", value: evidence.errorCode, verbatim: true },
      { label: "Account whose setting was probed", value: evidence.probedAs, verbatim: true },
      {
        label: "What shows the region is used",
        value: evidence.usedBy.length > 0 ? evidence.usedBy.join(", ") : "nothing iamfit saw: no instances, custom security groups, Auto Scaling groups, buckets, trails, or key or role use",
        mark: unused,
      },
      evidence.region === ALWAYS_ACTIVE_REGION && { label: "Can be deactivated", value: "no: it serves the global STS endpoint" },
      isOptInRegionEvidence(evidence) && {
        label: "Region the account enabled itself",
        value: "yes: here STS must also be active in iamfit's own account, so the refusal may come from iamfit's side",
        mark: true,
      },
    ]),
  ];
}
