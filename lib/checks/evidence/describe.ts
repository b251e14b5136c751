/**
 * A finding's evidence as blocks a person reads: the check's own view when the evidence is what
 * that check writes today; the shared view of facts iamfit could not read; and, for evidence
 * stored by an older version, a generic reading of its shape.
 */
import { describeEvidence as describeByShape } from "@/lib/scorecard/evidence-view";
import { getCheck } from "../registry";
import type { JsonValue } from "../types";
import type { EvidenceBlock } from "./blocks";
import { describeUnknownEvidence } from "./unknown";

export function describeFindingEvidence(checkId: string | undefined, evidence: JsonValue, title?: string): EvidenceBlock[] {
  const check = checkId === undefined ? undefined : getCheck(checkId);
  return (
    check?.describeEvidence?.(evidence) ??
    describeUnknownEvidence(evidence, (facts) => describeByShape(facts, "Facts seen")) ??
    describeByShape(evidence, title)
  );
}
