import { factsBlock, noteBlock, type EvidenceBlock } from "../../evidence/blocks";
import { credentialFacts } from "../../evidence/credential-report-facts";
import type { WorkloadKeysEvidence } from "./evidence";

const ADMIN_WORDS = { true: "yes", false: "no", unknown: "unknown: some of its policies could not be read" } as const;

export function describeWorkloadKeys(evidence: WorkloadKeysEvidence): EvidenceBlock[] {
  if ("keyOnlyUsers" in evidence) return [noteBlock("No user holds active access keys without a console password.")];
  const activeKeys = ([1, 2] as const).filter((slot) => evidence[`access_key_${slot}_active`] === true);
  return [
    factsBlock("Credential report", [
      ...credentialFacts(evidence, ["password_enabled", ...activeKeys.map((slot) => `access_key_${slot}_active` as const)]),
      { label: "Administrator rights", value: ADMIN_WORDS[String(evidence.admin) as keyof typeof ADMIN_WORDS], mark: evidence.admin === true },
    ]),
  ];
}
