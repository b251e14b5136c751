import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import type { DirectUserAssignmentsEvidence } from "./evidence";

export function describeDirectUserAssignments(evidence: DirectUserAssignmentsEvidence): EvidenceBlock[] {
  const direct = evidence.assignments.filter((assignment) => assignment.principalType === "USER").length;
  return [
    factsBlock("Assignments in this account", [
      { label: "Assigned to single people", value: String(direct), mark: direct > 0 },
      { label: "Assigned to groups", value: String(evidence.assignments.length - direct) },
      { label: "IAM Identity Center instance", value: evidence.instanceArn, verbatim: true },
    ]),
    {
      kind: "table",
      title: "Who holds which permission set here",
      columns: ["Assigned to", "Name", "Permission set"],
      rows: evidence.assignments.map((assignment) => [
        { text: assignment.principalType === "USER" ? "one person" : "a group", mark: assignment.principalType === "USER" },
        { text: assignment.principalName, verbatim: true },
        { text: assignment.permissionSetName, verbatim: true },
      ]),
    },
  ];
}
