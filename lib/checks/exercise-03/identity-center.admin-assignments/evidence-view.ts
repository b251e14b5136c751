import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { identityCenterAdminBlocks } from "../../evidence/identity-center-admins";
import type { IdentityCenterAdminAssignmentsEvidence } from "./evidence";

export function describeIdentityCenterAdminAssignments(evidence: IdentityCenterAdminAssignmentsEvidence): EvidenceBlock[] {
  const people = evidence.identityCenterAdmins.length;
  const total = people + (evidence.iamAdminCount ?? 0);
  return [
    factsBlock("Administrators in this account", [
      { label: "People with administrator rights through IAM Identity Center", value: String(people), mark: people > 0 && total > evidence.limit },
      { label: "IAM users with administrator rights", value: evidence.iamAdminCount === null ? "not known (IAM could not be read)" : String(evidence.iamAdminCount) },
      { label: "Limit, both together", value: String(evidence.limit) },
      evidence.undeterminedPermissionSets.length > 0 && { label: "Permission sets with a policy that could not be read", value: evidence.undeterminedPermissionSets.join(", "), verbatim: true },
      { label: "IAM Identity Center instance", value: evidence.instanceArn, verbatim: true },
      { label: "Read in account", value: evidence.readInAccountId, verbatim: true },
    ]),
    ...identityCenterAdminBlocks(evidence.identityCenterAdmins),
  ];
}
