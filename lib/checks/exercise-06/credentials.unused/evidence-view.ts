import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { credentialFacts } from "../../evidence/credential-report-facts";
import type { CredentialUseEvidence } from "./evidence";

/** The last use is the fact judged; for a credential used inside the window only the window is kept. */
export function describeCredentialUse(evidence: CredentialUseEvidence): EvidenceBlock[] {
  if ("usedWithinDays" in evidence) {
    return [
      factsBlock("Credential report", [
        { label: "User", value: evidence.user, verbatim: true },
        { label: "ARN", value: evidence.arn, verbatim: true },
        { label: "Last used", value: `within the last ${evidence.usedWithinDays} days (the exact day is in the reason, as it changes with every use)` },
      ]),
    ];
  }
  return [factsBlock("Credential report", credentialFacts(evidence, ["password_last_used", "access_key_1_last_used_date", "access_key_2_last_used_date"]))];
}
