import { noteBlock, type EvidenceBlock } from "../../evidence/blocks";
import { describeUnreadablePolicy, policyFacts, policyStatementBlock } from "../../evidence/policy-statements";
import type { NoStarStarEvidence } from "./evidence";

export function describeNoStarStar(evidence: NoStarStarEvidence): EvidenceBlock[] {
  if ("error" in evidence) return describeUnreadablePolicy(evidence);
  if (evidence.statements.length === 0) return [policyFacts(evidence), noteBlock("No statement allows every action on every resource.")];
  return [
    policyFacts(evidence),
    ...evidence.statements.map((statement) =>
      policyStatementBlock(evidence, statement, `grants every action on every resource${statement.conditional ? ", when its conditions are met" : ""}`),
    ),
  ];
}
