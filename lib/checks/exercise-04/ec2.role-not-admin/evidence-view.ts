import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { adminPathInWords, serviceControlPolicyNote, statementBlocks } from "../../evidence/policy-statements";
import type { RoleNotAdminEvidence } from "./evidence";

export function describeRoleNotAdmin(evidence: RoleNotAdminEvidence): EvidenceBlock[] {
  const admin = evidence.adminPaths.length > 0;
  return [
    factsBlock("Instance role", [
      { label: "Role", value: evidence.arn, verbatim: true },
      { label: "Instance profiles", value: evidence.instanceProfileArns.join(", "), verbatim: true },
    ]),
    ...(admin
      ? [
          {
            kind: "table" as const,
            title: "Policies that grant administrator rights",
            columns: ["Policy", "What it grants"],
            rows: evidence.adminPaths.map((path) => [{ text: path.policyName, verbatim: true }, { text: adminPathInWords(path), mark: true }]),
          },
          ...statementBlocks(evidence.adminPaths.map((path) => ({ source: path, statement: path.statement, why: adminPathInWords(path) }))),
        ]
      : []),
    serviceControlPolicyNote(evidence),
  ];
}
