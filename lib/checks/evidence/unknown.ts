/**
 * The evidence of a finding iamfit could not judge, shared by every check: which collected facts
 * were missing and why (findings.ts `unknownForAccount`), entries AWS answered without what
 * identifies them (registry.ts), or a check that failed to run.
 */
import { z } from "zod";
import { partInWords } from "@/lib/snapshot/part-words";
import type { JsonValue } from "../types";
import { factsBlock, noteBlock, type EvidenceBlock, type FactRow } from "./blocks";

const unavailablePartSchema = z.looseObject({
  part: z.string(),
  region: z.string().optional(),
  status: z.string(),
  api: z.string().optional(),
  code: z.string().optional(),
  staleCollectedAt: z.string().optional(),
  skipReason: z.string().optional(),
});

const unavailableEvidenceSchema = z.object({ unavailable: z.array(unavailablePartSchema) });
const incompleteEvidenceSchema = z.object({
  judgedAs: z.enum(["pass", "not_applicable"]),
  facts: z.custom<JsonValue>(() => true),
  entriesLeftOut: z.array(z.object({ part: z.string(), api: z.string(), code: z.string(), message: z.string() })),
});
const evaluationErrorSchema = z.object({ evaluationError: z.literal(true) });

export type UnavailableEvidence = { unavailable: Array<{ [key: string]: JsonValue }> };
export type UnknownEvidence = UnavailableEvidence | { evaluationError: true };

export function isUnknownEvidence(evidence: JsonValue | undefined): boolean {
  return (
    unavailableEvidenceSchema.safeParse(evidence).success ||
    incompleteEvidenceSchema.safeParse(evidence).success ||
    evaluationErrorSchema.safeParse(evidence).success
  );
}

const STATUS_WORDS: Record<string, string> = {
  missing: "not collected",
  error: "AWS answered with an error",
  skipped: "skipped",
  invalid: "stored in a form this version does not read",
  root_row_missing: "the root user's row is missing from the report",
  not_read_yet: "not read yet: the account that holds it has not been collected",
};

function unavailableRows(part: z.infer<typeof unavailablePartSchema>): FactRow[] {
  const rows: Array<FactRow | undefined> = [
    { label: "What", value: partInWords(part.part, part.region) },
    { label: "Outcome", value: STATUS_WORDS[part.status] ?? "not available", mark: true },
    part.api ? { label: "Call", value: part.api, verbatim: true } : undefined,
    part.code ? { label: "AWS answered", value: part.code, verbatim: true } : undefined,
    part.skipReason ? { label: "Why skipped", value: part.skipReason } : undefined,
    part.staleCollectedAt ? { label: "Last good copy", value: `${part.staleCollectedAt.slice(0, 10)} (not used to pass)` } : undefined,
  ];
  return rows.filter((row): row is FactRow => row !== undefined);
}

/**
 * Blocks for an unknown finding's evidence; `describeFacts` renders the facts a check saw before
 * entries turned out to be missing, in that check's own words.
 */
export function describeUnknownEvidence(evidence: JsonValue, describeFacts: (facts: JsonValue) => EvidenceBlock[] | undefined): EvidenceBlock[] | undefined {
  const unavailable = unavailableEvidenceSchema.safeParse(evidence);
  if (unavailable.success) {
    return unavailable.data.unavailable.map((part, index) =>
      factsBlock(unavailable.data.unavailable.length > 1 ? `Facts iamfit could not read (${index + 1})` : "Facts iamfit could not read", unavailableRows(part)),
    );
  }
  const incomplete = incompleteEvidenceSchema.safeParse(evidence);
  if (incomplete.success) {
    const judged = incomplete.data.judgedAs === "pass" ? "passed" : "did not apply";
    return [
      noteBlock(`On what AWS answered, this ${judged}; but some entries came back without what identifies them, and one of those could change the result.`, "Why it is not judged"),
      factsBlock(
        "Entries left out",
        incomplete.data.entriesLeftOut.map((entry) => ({ label: partInWords(entry.part), value: entry.message })),
      ),
      ...(describeFacts(incomplete.data.facts) ?? []),
    ];
  }
  if (evaluationErrorSchema.safeParse(evidence).success) {
    return [noteBlock("iamfit failed while judging this check; the reason says what went wrong. Other checks were not affected.", "Why it is not judged")];
  }
  return undefined;
}
