import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { credentialFacts } from "../../evidence/credential-report-facts";
import { activeKeySlots, type HumansViaRolesEvidence } from "./evidence";

export function describeHumansViaRoles(evidence: HumansViaRolesEvidence): EvidenceBlock[] {
  const slots = activeKeySlots(evidence);
  // A console password beside an active key is what fails: a person holding a permanent key.
  const marked = slots.length > 0 ? ["password_enabled" as const, ...slots.map((slot) => (slot === 1 ? ("access_key_1_active" as const) : ("access_key_2_active" as const)))] : [];
  return [factsBlock("Credential report", credentialFacts(evidence, marked))];
}
