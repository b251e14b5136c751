import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { describeCentralRootAccess } from "../../evidence/central-root-access-facts";
import { credentialFacts } from "../../evidence/credential-report-facts";
import type { RootMfaEvidence } from "./evidence";

/**
 * A root with a password and no MFA fails on its MFA column; a root without credentials is
 * judged by the organization's answer, which is then what is marked.
 */
export function describeRootMfa(evidence: RootMfaEvidence): EvidenceBlock[] {
  if ("source" in evidence) {
    return [
      factsBlock("IAM account summary (the credential report was unavailable)", [
        { label: "Root MFA", value: "enabled" },
        { label: "Read with", value: evidence.source, verbatim: true },
      ]),
    ];
  }
  const { centralRootAccess, ...row } = evidence;
  const missingMfa = row.mfa_active !== true && centralRootAccess === undefined;
  return [factsBlock("Credential report", credentialFacts(row, missingMfa ? ["mfa_active"] : [])), ...(centralRootAccess ? describeCentralRootAccess(centralRootAccess) : [])];
}
