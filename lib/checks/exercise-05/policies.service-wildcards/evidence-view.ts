import { noteBlock, type EvidenceBlock } from "../../evidence/blocks";
import { describeUnreadablePolicy, policyFacts, policyStatementBlock, type StoredStatement } from "../../evidence/policy-statements";
import type { ServiceWildcardsEvidence, WildcardGrantEvidence } from "./evidence";

/** What one broad grant allows, in words. */
export function grantInWords(grant: WildcardGrantEvidence): string {
  if (grant.kind === "service_wildcard") return `every action of ${grant.pattern.slice(0, grant.pattern.indexOf(":"))}`;
  return "a sensitive action on every resource";
}

export function describeServiceWildcards(evidence: ServiceWildcardsEvidence): EvidenceBlock[] {
  if ("error" in evidence) return describeUnreadablePolicy(evidence);
  if (evidence.grants.length === 0) return [policyFacts(evidence), noteBlock("Every statement names its actions, and sensitive actions are limited to named resources.")];
  const statements = new Map<number, { statement: StoredStatement; why: string[]; marked: string[] }>();
  for (const grant of evidence.grants) {
    const entry = statements.get(grant.statement.index) ?? { statement: grant.statement, why: [], marked: [] };
    const why = grant.kind === "service_wildcard" ? `allows ${grantInWords(grant)}` : `allows ${grant.action} on every resource`;
    if (!entry.why.includes(why)) entry.why.push(why);
    entry.marked.push(grant.pattern);
    statements.set(grant.statement.index, entry);
  }
  return [
    policyFacts(evidence),
    {
      kind: "table",
      title: "Broad grants",
      columns: ["Action", "On", "Why it is broad"],
      rows: evidence.grants.map((grant) => [
        { text: grant.kind === "service_wildcard" || grant.pattern === grant.action ? grant.pattern : `${grant.action} (${grant.pattern})`, verbatim: true, mark: true },
        grant.kind === "service_wildcard" ? { text: grant.resources.join(", "), verbatim: true } : { text: "*", verbatim: true, mark: true },
        grantInWords(grant),
      ]),
    },
    ...[...statements.values()].map((entry) => policyStatementBlock(evidence, entry.statement, entry.why.join("; "), entry.marked)),
  ];
}
