import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { credentialFacts } from "../../evidence/credential-report-facts";
import { bothKeysActive, type SingleActiveKeyEvidence } from "./evidence";

export function describeSingleActiveKey(evidence: SingleActiveKeyEvidence): EvidenceBlock[] {
  return [factsBlock("Credential report", credentialFacts(evidence, bothKeysActive(evidence) ? ["access_key_1_active", "access_key_2_active"] : []))];
}
