import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { credentialFacts } from "../../evidence/credential-report-facts";
import type { ConsoleMfaEvidence } from "./evidence";

export function describeConsoleMfa(evidence: ConsoleMfaEvidence): EvidenceBlock[] {
  return [factsBlock("Credential report", credentialFacts(evidence, evidence.mfa_active === true ? [] : ["mfa_active"]))];
}
