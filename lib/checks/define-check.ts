/**
 * One check, everything about it in its folder (README "How to add a check"): what it judges,
 * the zod schema of the evidence it writes, how that evidence reads for a person, and how to fix
 * a failure. The evidence schema is the contract between them: the view and the remediation
 * read typed evidence, never a bag of keys, and a test runs every check on the sandbox and
 * parses every finding's evidence with its check's schema.
 */
import type { z } from "zod";
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import type { AccountSnapshot } from "@/lib/snapshot/schema";
import type { EvidenceBlock } from "./evidence/blocks";
import type { CheckMeta } from "./findings";
import { describeUnknownEvidence, isUnknownEvidence, type UnknownEvidence } from "./evidence/unknown";
import type { CheckDefinition, Finding, JsonValue, Thresholds } from "./types";

export interface CheckSpec<S extends z.ZodType<JsonValue>> extends Omit<CheckDefinition, "evaluate" | "evidenceSchema" | "describeEvidence" | "remediation"> {
  /** What every judged finding of this check carries as evidence. */
  evidence: S;
  /** `check` is this check's id, exercise and severity, for makeFinding and unknownForAccount. */
  evaluate(snapshot: AccountSnapshot, thresholds: Thresholds, check: CheckMeta): Array<Finding<z.output<S>> | Finding<UnknownEvidence>>;
  /** The evidence in labels and values a person reads; AWS's own names marked verbatim. */
  describeEvidence(evidence: z.output<S>): EvidenceBlock[];
  /**
   * What to do about a failing finding. `evidence` is the finding's evidence when it matches the
   * schema (null for evidence stored by an older version, or not at hand): fall back to names in
   * the resource id.
   */
  remediation(target: RemediationTarget, evidence: z.output<S> | null): RemediationSteps;
}

export function defineCheck<S extends z.ZodType<JsonValue>>(spec: CheckSpec<S>): CheckDefinition {
  const { evidence: schema, describeEvidence, remediation, ...definition } = spec;
  const meta: CheckMeta = { id: spec.id, exercise: spec.exercise, severity: spec.severity };
  const typedEvidence = (evidence: JsonValue | null | undefined): z.output<S> | null => {
    if (evidence === null || evidence === undefined || isUnknownEvidence(evidence)) return null;
    const parsed = schema.safeParse(evidence);
    return parsed.success ? parsed.data : null;
  };
  return {
    ...definition,
    evaluate: (snapshot, thresholds) => spec.evaluate(snapshot, thresholds, meta),
    evidenceSchema: schema,
    describeEvidence(evidence) {
      if (isUnknownEvidence(evidence)) return describeUnknownEvidence(evidence, (facts) => {
        const typed = typedEvidence(facts);
        return typed === null ? undefined : describeEvidence(typed);
      });
      const typed = typedEvidence(evidence);
      return typed === null ? undefined : describeEvidence(typed);
    },
    remediation: (target) => remediation(target, typedEvidence(target.evidence)),
  };
}
