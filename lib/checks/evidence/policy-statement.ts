/**
 * A policy statement as checks store it (lib/policy's StatementEvidence: its position, its Sid and
 * the statement as AWS wrote it), and how a person reads where it is: "Statement 2 (sid: AllowAll)".
 */
import { z } from "zod";
import type { StatementEvidence } from "@/lib/policy/document";
import { jsonValueSchema } from "./json";

export const statementEvidenceSchema = z
  .object({
    /** Zero-based position in the document's Statement list. */
    index: z.number().int().nonnegative(),
    // lib/policy leaves sid out when the statement has none; stored evidence keeps that shape.
    sid: z.string().optional(),
    /** The statement as AWS wrote it. */
    statement: jsonValueSchema,
  })
  .strict();
export type StatementEvidenceJson = z.infer<typeof statementEvidenceSchema>;

/** "Statement 2 (sid: AllowAll)": counted from 1, as a person counts. */
export function statementLabel(statement: Pick<StatementEvidenceJson, "index" | "sid">): string {
  return `Statement ${statement.index + 1}${statement.sid ? ` (sid: ${statement.sid})` : ""}`;
}

/** A label inside a sentence: "statement 2 (sid: AllowAll)". */
export function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** lib/policy's statement evidence as stored JSON: no Sid, no `sid` member. */
export function storedStatement(evidence: StatementEvidence): StatementEvidenceJson {
  return evidence.sid === undefined
    ? { index: evidence.index, statement: evidence.statement }
    : { index: evidence.index, sid: evidence.sid, statement: evidence.statement };
}
