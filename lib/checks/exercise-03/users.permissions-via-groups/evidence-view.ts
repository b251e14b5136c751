import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import type { PermissionsViaGroupsEvidence } from "./evidence";

export function describePermissionsViaGroups(evidence: PermissionsViaGroupsEvidence): EvidenceBlock[] {
  const own = [
    ...evidence.attachedPolicyArns.map((arn) => [{ text: arn, verbatim: true, mark: true }, "managed policy attached to the user"]),
    ...evidence.inlinePolicyNames.map((name) => [{ text: name, verbatim: true, mark: true }, "inline policy of the user"]),
  ];
  return [
    factsBlock("User", [
      { label: "ARN", value: evidence.arn, verbatim: true },
      evidence.groups.length > 0 ? { label: "Groups", value: evidence.groups.join(", "), verbatim: true } : { label: "Groups", value: "none" },
      { label: "Policies on the user itself", value: String(own.length), mark: own.length > 0 },
    ]),
    ...(own.length > 0 ? [{ kind: "table" as const, title: "Policies on the user itself", columns: ["Policy", "How it is held"], rows: own }] : []),
  ];
}
