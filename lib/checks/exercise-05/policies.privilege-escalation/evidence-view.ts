import { ESCALATION_METHODS } from "@/lib/policy/escalation";
import { actionMatches } from "@/lib/policy/matching";
import type { JsonValue } from "../../types";
import { factsBlock, type EvidenceBlock, type TableCell } from "../../evidence/blocks";
import { serviceControlPolicyNote, statementBlocks, type StatementToShow } from "../../evidence/policy-statements";
import type { EscalationPathEvidence, PrivilegeEscalationEvidence } from "./evidence";

const verbatim = (text: string): TableCell => ({ text, verbatim: true });

export function methodTitle(method: string): string {
  return ESCALATION_METHODS.find((known) => known.id === method)?.title ?? "A known privilege-escalation method";
}

/** The Action values of a statement that grant `action` ("iam:*", "iam:Attach*"), to mark where they are written. */
function patternsGranting(statement: JsonValue, action: string): string[] {
  if (statement === null || typeof statement !== "object" || Array.isArray(statement)) return [];
  const written = statement.Action;
  const patterns = typeof written === "string" ? [written] : Array.isArray(written) ? written.filter((value): value is string => typeof value === "string") : [];
  return patterns.filter((pattern) => actionMatches(pattern, action));
}

function isConditional(path: EscalationPathEvidence): boolean {
  return path.grants.some((grant) => grant.statements.every((statement) => statement.conditional));
}

export function describePrivilegeEscalation(evidence: PrivilegeEscalationEvidence): EvidenceBlock[] {
  const shown: StatementToShow[] = evidence.paths.flatMap((path) =>
    path.grants.flatMap((grant) =>
      grant.statements.map((statement) => ({
        source: statement,
        statement,
        why: `allows ${grant.action}${statement.allResources ? " on every resource" : ""}`,
        marked: [grant.action, ...patternsGranting(statement.statement, grant.action)],
      })),
    ),
  );
  return [
    factsBlock("Principal", [
      { label: "ARN", value: evidence.arn, verbatim: true },
      { label: "Ways to raise its own privileges", value: String(evidence.paths.length), mark: evidence.paths.length > 0 },
      evidence.unreadablePolicies.length > 0 && { label: "Policies iamfit could not read", value: evidence.unreadablePolicies.join("; "), verbatim: true },
    ]),
    ...(evidence.paths.length > 0
      ? [
          {
            kind: "table" as const,
            title: "How it can raise its own privileges",
            columns: ["Method", "Actions it needs", "On", "Conditions"],
            rows: evidence.paths.map((path) => [
              methodTitle(path.method),
              verbatim(path.grants.map((grant) => grant.action).join(", ")),
              path.unrestricted ? { text: "every resource", mark: true } : "named resources only",
              isConditional(path) ? "only when its policies' conditions are met" : "none",
            ]),
          },
          ...statementBlocks(shown),
        ]
      : []),
    serviceControlPolicyNote(evidence),
  ];
}
