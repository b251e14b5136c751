import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { describeCentralRootAccess } from "../../evidence/central-root-access-facts";
import { credentialFacts } from "../../evidence/credential-report-facts";
import { latestRootUse, type RootRecentUseEvidence } from "./evidence";

/** The most recent use is what the check judges, so it is the one marked. */
export function describeRootRecentUse(evidence: RootRecentUseEvidence): EvidenceBlock[] {
  const latest = latestRootUse(evidence);
  return [
    factsBlock("Credential report", credentialFacts(evidence, latest ? [latest.column] : [])),
    ...(evidence.centralRootAccess ? describeCentralRootAccess(evidence.centralRootAccess) : []),
  ];
}
