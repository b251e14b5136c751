import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { isActiveExternalAccess, type AccessAnalyzerEvidence } from "./evidence";

const TYPE_WORDS: Record<string, string> = {
  ACCOUNT: "external access, this account",
  ORGANIZATION: "external access, the organization",
  ACCOUNT_UNUSED_ACCESS: "unused access (does not look for external access)",
  ORGANIZATION_UNUSED_ACCESS: "unused access (does not look for external access)",
};

export function describeAccessAnalyzer(evidence: AccessAnalyzerEvidence): EvidenceBlock[] {
  const active = evidence.analyzers.some(isActiveExternalAccess);
  return [
    factsBlock("Region", [
      { label: "Region", value: evidence.region, verbatim: true },
      { label: "Active external-access analyzer", value: active ? "yes" : "none", mark: !active },
    ]),
    ...(evidence.analyzers.length > 0
      ? [
          {
            kind: "table" as const,
            title: "Analyzers found",
            columns: ["Analyzer", "Looks for", "Status"],
            rows: evidence.analyzers.map((analyzer) => [
              { text: analyzer.name, verbatim: true },
              TYPE_WORDS[analyzer.type] ?? { text: analyzer.type, verbatim: true },
              { text: analyzer.status, verbatim: true, mark: !isActiveExternalAccess(analyzer) },
            ]),
          },
        ]
      : []),
  ];
}
