/**
 * Policy statements as the IAM checks store them, and how they read: the statement itself (not
 * its index), the policy it is in, and the user, group or role that policy is attached to, so a
 * finding shows the grant that makes it fail (issue 16: the trust statement of exercise 7 is the
 * standard). The codes kept for machine-readable exports (`full_wildcard`…) are said in words here.
 */
import { z } from "zod";
import { ADMINISTRATOR_ACCESS_ARN, adminGrantsOf } from "@/lib/policy/admin";
import type { StatementEvidence } from "@/lib/policy/document";
import type { AdminPath } from "@/lib/policy/effective-admin";
import type { PolicyCatalog, PolicySourceRef } from "@/lib/policy/principal-policies";
import type { JsonValue } from "../types";
import { factsBlock, noteBlock, statementBlock, type EvidenceBlock } from "./blocks";

const jsonValue: z.ZodType<JsonValue> = z.json();

/** One statement of a policy document, as written (`index` counts from 0 as AWS's array does). */
export const storedStatementSchema = z.object({ index: z.number().int().nonnegative(), sid: z.string().nullable(), statement: jsonValue }).strict();
export type StoredStatement = z.infer<typeof storedStatementSchema>;

export function storeStatement(statement: StatementEvidence): StoredStatement {
  return { index: statement.index, sid: statement.sid ?? null, statement: statement.statement };
}

/** Where a policy that applies to a principal comes from, and the ARN of what it is attached to. */
export const policySourceShape = {
  via: z.enum(["direct", "group"]),
  attachment: z.enum(["managed", "inline"]),
  groupName: z.string().nullable(),
  policyName: z.string(),
  policyArn: z.string().nullable(),
  /** The user, group or role the policy is attached to (for `via: group`, the group). */
  attachedTo: z.string(),
};
export const policySourceSchema = z.object(policySourceShape).strict();
export type StoredPolicySource = z.infer<typeof policySourceSchema>;

/** `principalArn` is the user or role judged; a group's ARN is looked up in the catalogue. */
export function storeSource(source: PolicySourceRef, principalArn: string, catalog: PolicyCatalog): StoredPolicySource {
  const groupArn = source.via === "group" && source.groupName !== undefined ? catalog.group(source.groupName)?.arn : undefined;
  return {
    via: source.via,
    attachment: source.attachment,
    groupName: source.groupName ?? null,
    policyName: source.policyName,
    policyArn: source.policyArn ?? null,
    attachedTo: groupArn ?? principalArn,
  };
}

/** One way a user or role holds administrator rights: the policy and the statement that grant it. */
export const adminPathSchema = z
  .object({
    ...policySourceShape,
    kind: z.enum(["administrator_access_arn", "full_wildcard", "not_action"]),
    conditional: z.boolean(),
    statement: storedStatementSchema.nullable(),
  })
  .strict();
export type StoredAdminPath = z.infer<typeof adminPathSchema>;

/** AdministratorAccess is judged by its ARN; its statement comes from its collected document when there is one. */
function administratorAccessStatement(catalog: PolicyCatalog): StatementEvidence {
  const parsed = catalog.managedDocument(ADMINISTRATOR_ACCESS_ARN);
  const grant = parsed.ok ? adminGrantsOf(parsed.policy).grants[0] : undefined;
  return grant?.statement ?? { index: 0, statement: { Effect: "Allow", Action: "*", Resource: "*" } };
}

export function storeAdminPath(path: AdminPath, principalArn: string, catalog: PolicyCatalog): StoredAdminPath {
  const statement = path.statement ?? (path.kind === "administrator_access_arn" ? administratorAccessStatement(catalog) : undefined);
  return {
    ...storeSource(path.source, principalArn, catalog),
    kind: path.kind,
    conditional: path.conditional,
    statement: statement ? storeStatement(statement) : null,
  };
}

const ADMIN_KIND_WORDS: Record<StoredAdminPath["kind"], string> = {
  administrator_access_arn: "AWS's AdministratorAccess: every action on every resource",
  full_wildcard: "Grants every action on every resource",
  not_action: "Grants every action except those under NotAction, on every resource",
};

/** What an admin path grants, in words. */
export function adminPathInWords(path: Pick<StoredAdminPath, "kind" | "conditional">): string {
  return `${ADMIN_KIND_WORDS[path.kind]}${path.conditional ? ", when its conditions are met" : ""}`;
}

/** The last part of an ARN's path: the user, group or role name. */
export function nameInArn(arn: string): string {
  return arn.slice(arn.lastIndexOf("/") + 1);
}

/** A statement to show: the grant that makes the finding fail, and why in words. */
export interface StatementToShow {
  source: Pick<StoredPolicySource, "policyName" | "policyArn" | "attachedTo">;
  statement: StoredStatement | null;
  why: string;
  /** Values the check found (escalation actions…), marked wherever the statement has them. */
  marked?: string[];
}

function policyKey(source: StatementToShow["source"]): string {
  return source.policyArn ?? `${source.attachedTo}#${source.policyName}`;
}

/** "Grants every action…" reads as "grants every action…" after a colon; "AWS's…" keeps its capitals. */
function asClause(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * One block per statement, however many principals it reaches: a managed policy attached to a
 * group and two users shows once, attached to all three.
 */
export function statementBlocks(shown: StatementToShow[]): EvidenceBlock[] {
  const blocks = new Map<string, { first: StatementToShow; attachedTo: string[]; why: string[]; marked: Set<string> }>();
  const notes: EvidenceBlock[] = [];
  for (const item of shown) {
    if (item.statement === null) {
      notes.push(noteBlock(`${item.why}. Its document was not collected, so its statement cannot be shown.`, `Policy ${item.source.policyName}`));
      continue;
    }
    const key = `${policyKey(item.source)}#${item.statement.index}`;
    const entry = blocks.get(key) ?? { first: item, attachedTo: [], why: [], marked: new Set<string>() };
    if (!entry.attachedTo.includes(item.source.attachedTo)) entry.attachedTo.push(item.source.attachedTo);
    if (!entry.why.includes(item.why)) entry.why.push(item.why);
    for (const value of item.marked ?? []) entry.marked.add(value);
    blocks.set(key, entry);
  }
  return [
    ...[...blocks.values()].map(({ first, attachedTo, why, marked }) =>
      statementBlock({
        title: `Statement ${first.statement!.index + 1}: ${why.map(asClause).join("; ")}`,
        statement: first.statement!.statement,
        policyName: first.source.policyName,
        attachedTo,
        marked,
      }),
    ),
    ...notes,
  ];
}

/** Whether the account's service control policies were part of the answer, and why (every IAM check stores it). */
export const serviceControlPolicyShape = {
  serviceControlPolicies: z.enum(["considered", "not considered"]),
  serviceControlPoliciesNote: z.string(),
};

export function serviceControlPolicyNote(evidence: { serviceControlPoliciesNote: string }): EvidenceBlock {
  return noteBlock(evidence.serviceControlPoliciesNote, "Service control policies");
}

/** A customer policy in force (iam-analysis.ts `customerPoliciesInForce`): its id, name and attachments. */
export const policyInForceShape = {
  /** The policy's ARN, or for an inline policy its owner's ARN with `#inline-policy/<name>`. */
  policy: z.string(),
  policyName: z.string(),
  attachedTo: z.array(z.string()),
};

/** A policy whose document could not be parsed: judged unknown, never pass. */
export const unreadablePolicySchema = z
  .object({ ...policyInForceShape, error: z.object({ kind: z.string(), message: z.string() }).strict() })
  .strict();
export type UnreadablePolicyEvidence = z.infer<typeof unreadablePolicySchema>;

export function isInlinePolicyId(policy: string): boolean {
  return policy.includes("#inline-policy/");
}

export function policyFacts(evidence: { policy: string; policyName: string; attachedTo: string[] }): EvidenceBlock {
  const inline = isInlinePolicyId(evidence.policy);
  return factsBlock("Policy", [
    { label: "Name", value: evidence.policyName, verbatim: true },
    { label: "Kind", value: inline ? "inline policy" : "customer managed policy" },
    !inline && { label: "ARN", value: evidence.policy, verbatim: true },
    evidence.attachedTo.length > 0
      ? { label: "Attached to", value: evidence.attachedTo.join(", "), verbatim: true }
      : { label: "Attached to", value: "nothing iamfit saw" },
  ]);
}

export function describeUnreadablePolicy(evidence: UnreadablePolicyEvidence): EvidenceBlock[] {
  return [
    policyFacts(evidence),
    factsBlock("Why it is not judged", [{ label: "The policy document could not be read", value: evidence.error.message, verbatim: true, mark: true }]),
  ];
}

/** One statement of a single policy (the finding is about the policy), with why it fails in the title. */
export function policyStatementBlock(policy: { policyName: string; attachedTo: string[] }, statement: StoredStatement, why: string, marked: Iterable<string> = []): EvidenceBlock {
  return statementBlock({ title: `Statement ${statement.index + 1}: ${why}`, statement: statement.statement, policyName: policy.policyName, attachedTo: policy.attachedTo, marked });
}
