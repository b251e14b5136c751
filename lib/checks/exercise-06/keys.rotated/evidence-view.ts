import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { credentialFacts } from "../../evidence/credential-report-facts";
import type { KeyRotationEvidence } from "./evidence";

export function describeKeyRotation(evidence: KeyRotationEvidence): EvidenceBlock[] {
  return [factsBlock("Credential report", credentialFacts(evidence, ["access_key_1_last_rotated", "access_key_2_last_rotated"]))];
}
