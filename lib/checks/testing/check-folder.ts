/** Test helpers for a check's folder: a remediation target from a finding, and the text blocks show. */
import type { RemediationTarget } from "@/lib/remediation/content";
import type { EvidenceBlock } from "../evidence/blocks";
import type { Finding } from "../types";

export function remediationTarget(finding: Finding, awsAccountId = "111122223333"): RemediationTarget {
  return {
    awsAccountId,
    checkId: finding.checkId,
    resourceId: finding.resourceId,
    resourceType: finding.resourceType,
    resourceName: finding.resourceName,
    region: finding.region ?? null,
    evidence: finding.evidence,
  };
}

/** Everything a person reads in the blocks except AWS's verbatim values (names, ARNs, policy JSON). */
export function renderedText(blocks: EvidenceBlock[]): string {
  return blocks
    .flatMap((block): string[] => {
      switch (block.kind) {
        case "facts":
          return [block.title, ...block.rows.flatMap((row) => (row.verbatim ? [row.label] : [row.label, row.value]))];
        case "note":
          return [block.title ?? "", block.text];
        case "table":
          return [block.title, ...block.columns, ...block.rows.flatMap((row) => row.flatMap((cell) => (typeof cell === "string" ? [cell] : cell.verbatim ? [] : [cell.text])))];
        case "statement":
        case "json":
        case "security_group_rules":
          return [block.title];
        case "fields":
          return [block.title];
      }
    })
    .join("\n");
}
