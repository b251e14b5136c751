import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { describeCentralRootAccess } from "../../evidence/central-root-access-facts";
import { credentialFacts } from "../../evidence/credential-report-facts";
import { activeRootSlots, type RootAccessKeysEvidence } from "./evidence";

export function describeRootAccessKeys(evidence: RootAccessKeysEvidence): EvidenceBlock[] {
  if ("source" in evidence) {
    const present = evidence.AccountAccessKeysPresent;
    return [
      factsBlock("IAM account summary (the credential report was unavailable)", [
        { label: "Root access keys", value: present > 0 ? "present (the summary does not say whether active)" : "none", mark: present > 0 },
        { label: "Read with", value: evidence.source, verbatim: true },
      ]),
    ];
  }
  const active = activeRootSlots(evidence).map((slot) => (slot === 1 ? ("access_key_1_active" as const) : ("access_key_2_active" as const)));
  return [
    factsBlock("Credential report", credentialFacts(evidence, active)),
    ...(evidence.centralRootAccess ? describeCentralRootAccess(evidence.centralRootAccess) : []),
  ];
}
