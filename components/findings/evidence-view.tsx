import { describeFindingEvidence } from "@/lib/checks/evidence/describe";
import type { JsonValue } from "@/lib/checks/types";
import { EvidenceBlocks } from "./evidence-blocks";

/**
 * A finding's evidence in its check's words: labelled facts, tables, the policy statement with
 * what makes it fail marked. `checkId` picks the check's own view; without it (facts that are not
 * a finding's) the evidence is read by its shape.
 */
export function EvidenceView({ evidence, checkId, title }: { evidence: JsonValue | undefined; checkId?: string; title?: string }) {
  if (evidence === undefined) return <p className="text-xs muted">The evidence of this finding is not stored.</p>;
  const blocks = describeFindingEvidence(checkId, evidence, title);
  return <EvidenceBlocks blocks={blocks} />;
}
