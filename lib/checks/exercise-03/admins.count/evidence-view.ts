import { factsBlock, noteBlock, type EvidenceBlock, type TableCell } from "../../evidence/blocks";
import { identityCenterAdminBlocks } from "../../evidence/identity-center-admins";
import { adminPathInWords, nameInArn, serviceControlPolicyNote, statementBlocks, type StoredAdminPath } from "../../evidence/policy-statements";
import type { AdminsCountEvidence } from "./evidence";

const verbatim = (text: string): TableCell => ({ text, verbatim: true });

/** The cells of one admin path: through which group (or the user itself), which policy, what it grants. */
export function adminPathCells(path: StoredAdminPath): Array<string | TableCell> {
  return [path.groupName === null ? "the user itself" : verbatim(path.groupName), verbatim(path.policyName), { text: adminPathInWords(path), mark: true }];
}

export function describeAdminsCount(evidence: AdminsCountEvidence): EvidenceBlock[] {
  const count = evidence.adminUsers.length;
  const people = evidence.identityCenterAdmins ?? [];
  const total = count + people.length;
  const blocks: EvidenceBlock[] = [
    factsBlock("Administrators", [
      ...(people.length === 0
        ? [{ label: "Users with administrator rights", value: String(count), mark: count > evidence.limit }]
        : [
            { label: "IAM users with administrator rights", value: String(count), mark: total > evidence.limit && count > 0 },
            { label: "People with administrator rights through IAM Identity Center", value: String(people.length), mark: total > evidence.limit },
            { label: "Counted against the limit", value: String(total), mark: total > evidence.limit },
          ]),
      { label: "Limit", value: String(evidence.limit) },
      evidence.undeterminedUsers.length > 0 && { label: "Users whose policies could not all be read", value: String(evidence.undeterminedUsers.length) },
      evidence.adminThroughRoles.length > 0 && { label: "Users who can assume an administrator role (not counted)", value: String(evidence.adminThroughRoles.length) },
    ]),
  ];
  if (count > 0) {
    blocks.push({
      kind: "table",
      title: "Users with administrator rights",
      columns: ["User", "Through group", "Policy", "What it grants"],
      rows: evidence.adminUsers.flatMap((user) => user.paths.map((path) => [verbatim(user.name), ...adminPathCells(path)])),
    });
    blocks.push(
      ...statementBlocks(
        evidence.adminUsers.flatMap((user) => user.paths.map((path) => ({ source: path, statement: path.statement, why: adminPathInWords(path) }))),
      ),
    );
  }
  blocks.push(...identityCenterAdminBlocks(people));
  if (evidence.identityCenterNotCounted) blocks.push(noteBlock(`IAM Identity Center admins are not in the count: ${evidence.identityCenterNotCounted}.`, "IAM Identity Center"));
  if (evidence.adminThroughRoles.length > 0) {
    blocks.push({
      kind: "table",
      title: "Can assume an administrator role (not counted: this is how exercise 7 wants admins to work)",
      columns: ["User", "Roles, in the order assumed"],
      rows: evidence.adminThroughRoles.map((chain) => [verbatim(nameInArn(chain.userArn)), verbatim(chain.roles.map(nameInArn).join(" › "))]),
    });
  }
  if (evidence.undeterminedUsers.length > 0) {
    blocks.push({ kind: "table", title: "Users with a policy iamfit could not read", columns: ["User"], rows: evidence.undeterminedUsers.map((arn) => [verbatim(arn)]) });
  }
  blocks.push(serviceControlPolicyNote(evidence));
  return blocks;
}
