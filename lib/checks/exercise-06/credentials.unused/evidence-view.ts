import { factsBlock, type EvidenceBlock, type FactRow } from "../../evidence/blocks";
import { credentialColumnLabel, credentialFacts } from "../../evidence/credential-report-facts";
import type { CredentialUseEvidence } from "./evidence";

const KEY_LAST_USED = [credentialColumnLabel("access_key_1_last_used_date"), credentialColumnLabel("access_key_2_last_used_date")];

/**
 * The last use is the fact judged. For an active key the report's "N/A" last use means the key
 * was never used, which says more than the shared "does not apply".
 */
export function describeCredentialUse(evidence: CredentialUseEvidence): EvidenceBlock[] {
  if ("usedWithinDays" in evidence) {
    return [
      factsBlock("Credential report", [
        { label: "User", value: evidence.user, verbatim: true },
        { label: "ARN", value: evidence.arn, verbatim: true },
        { label: "Last used", value: `within the last ${evidence.usedWithinDays} days` },
      ]),
    ];
  }
  const neverUsedKey = ("access_key_1_last_used_date" in evidence && evidence.access_key_1_last_used_date === "N/A") || ("access_key_2_last_used_date" in evidence && evidence.access_key_2_last_used_date === "N/A");
  const rows = credentialFacts(evidence, ["password_last_used", "access_key_1_last_used_date", "access_key_2_last_used_date"]).map(
    (row): FactRow => (neverUsedKey && KEY_LAST_USED.includes(row.label) ? { ...row, value: "never used" } : row),
  );
  return [factsBlock("Credential report", rows)];
}
