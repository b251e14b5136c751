/**
 * What a person sees of a finding's evidence: labelled facts, tables, policy statements with the
 * parts that make them fail marked. Each check's view (in its folder) turns its typed evidence into
 * these blocks; one React component renders them (components/findings/evidence-view.tsx). Values
 * that come from AWS as they are (names, ARNs, policy JSON) are `verbatim`: shown as code, never
 * reworded, always escaped.
 */
import type { JsonValue } from "@/lib/checks/types";
import { prettyJsonLines, type JsonLine } from "@/lib/scorecard/json-lines";
import { statementMarks } from "@/lib/scorecard/statement-marks";

export interface FactRow {
  /** Words a person reads ("Created", "Last used"), never a field name. */
  label: string;
  value: string;
  /** AWS's own text (a name, an ARN, a date as AWS wrote it), shown as code. */
  verbatim?: boolean;
  /** The fact that makes the finding fail. */
  mark?: boolean;
}

export interface TableCell {
  text: string;
  verbatim?: boolean;
  mark?: boolean;
}

export interface SecurityGroupRuleRow {
  protocol: string;
  ports: string;
  sources: Array<{ text: string; mark: boolean }>;
}

export type EvidenceBlock =
  | { kind: "facts"; title: string; rows: FactRow[] }
  | { kind: "note"; title?: string; text: string }
  | { kind: "table"; title: string; columns: string[]; rows: Array<Array<string | TableCell>> }
  | {
      kind: "statement";
      title: string;
      lines: JsonLine[];
      /** The policy the statement is in, and where it is attached, when the evidence knows. */
      policyName?: string;
      attachedTo?: string[];
    }
  | { kind: "security_group_rules"; title: string; rules: SecurityGroupRuleRow[] }
  /** Legacy blocks of evidence stored before checks had typed views: key/value as stored. */
  | { kind: "fields"; title: string; rows: Array<{ key: string; value: string; mark: boolean }> }
  | { kind: "json"; title: string; lines: JsonLine[] };

export function factsBlock(title: string, rows: Array<FactRow | false | null | undefined>): EvidenceBlock {
  return { kind: "facts", title, rows: rows.filter((row): row is FactRow => Boolean(row)) };
}

export function noteBlock(text: string, title?: string): EvidenceBlock {
  return title === undefined ? { kind: "note", text } : { kind: "note", title, text };
}

export interface StatementBlockInput {
  title?: string;
  statement: JsonValue;
  policyName?: string | null;
  attachedTo?: string[];
  /** Actions, principals or values the check found, marked wherever they appear. */
  marked?: Iterable<string>;
}

/**
 * A policy statement as pretty JSON with what makes it fail marked: NotAction/NotResource/
 * NotPrincipal, wildcards in Action, Resource and Principal, open ranges, and `marked` values.
 */
export function statementBlock(input: StatementBlockInput): EvidenceBlock {
  const named = new Set([...(input.marked ?? [])].map((value) => value.toLowerCase()));
  return {
    kind: "statement",
    title: input.title ?? "Policy statement",
    lines: prettyJsonLines(input.statement, statementMarks(named)),
    ...(input.policyName ? { policyName: input.policyName } : {}),
    ...(input.attachedTo && input.attachedTo.length > 0 ? { attachedTo: input.attachedTo } : {}),
  };
}

/** Whether any block marks something, so the UI explains the marks only when there are some. */
export function evidenceHasMarks(blocks: EvidenceBlock[]): boolean {
  return blocks.some((block) => {
    switch (block.kind) {
      case "facts":
        return block.rows.some((row) => row.mark);
      case "fields":
        return block.rows.some((row) => row.mark);
      case "security_group_rules":
        return block.rules.some((rule) => rule.sources.some((source) => source.mark));
      case "statement":
      case "json":
        return block.lines.some((line) => line.some((part) => part.mark));
      case "table":
        return block.rows.some((row) => row.some((cell) => typeof cell !== "string" && cell.mark));
      case "note":
        return false;
    }
  });
}
