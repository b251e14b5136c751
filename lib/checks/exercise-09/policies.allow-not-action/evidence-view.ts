import { factsBlock, noteBlock, statementBlock, type EvidenceBlock, type FactRow } from "../../evidence/blocks";
import { statementLabel } from "../../evidence/policy-statement";
import { isJudgedPolicyEvidence, type AllowNotActionEvidence, type NegatedAllowEvidence } from "./evidence";

const USES_IN_WORDS = {
  NotAction: "NotAction: allows every action except those listed",
  NotResource: "NotResource: allows on every resource except those listed",
} as const;

const DOCUMENT_ERRORS = {
  missing: "missing",
  malformed_json: "not valid JSON",
  invalid_policy: "not a valid policy",
} as const;

function policyRows(evidence: AllowNotActionEvidence): FactRow[] {
  return [
    { label: "Policy", value: evidence.policyName, verbatim: true },
    { label: "Kind", value: evidence.policy.includes("#inline-policy/") ? "Inline policy" : "Customer managed policy" },
    evidence.attachedTo.length === 0
      ? { label: "Attached to", value: "nothing" }
      : { label: "Attached to", value: evidence.attachedTo.join(", "), verbatim: true },
  ];
}

function allowBlocks(evidence: AllowNotActionEvidence, allow: NegatedAllowEvidence): EvidenceBlock[] {
  const label = statementLabel(allow.statement);
  return [
    statementBlock({ title: label, statement: allow.statement.statement, policyName: evidence.policyName, attachedTo: evidence.attachedTo }),
    factsBlock(`${label}: how it reads`, [
      ...allow.uses.map((use): FactRow => ({ label: "Written with", value: USES_IN_WORDS[use], mark: !allow.conditional })),
      allow.conditional
        ? { label: "Condition", value: allow.conditionKeys.join(", "), verbatim: true }
        : { label: "Condition", value: "none: it applies to every request", mark: true },
      {
        label: "Reach",
        value: allow.broad ? "Every action on every resource, less what is listed" : "Narrowed by the actions or resources it names",
        mark: allow.broad && !allow.conditional,
      },
    ]),
  ];
}

export function describeAllowNotAction(evidence: AllowNotActionEvidence): EvidenceBlock[] {
  if (!isJudgedPolicyEvidence(evidence)) {
    return [
      factsBlock("Policy", [
        ...policyRows(evidence),
        { label: "Document", value: DOCUMENT_ERRORS[evidence.error.kind], mark: true },
        { label: "What went wrong", value: evidence.error.message, verbatim: true },
      ]),
    ];
  }
  if (evidence.negatedAllows.length === 0) {
    return [factsBlock("Policy", policyRows(evidence)), noteBlock("No Allow statement in this policy uses NotAction or NotResource.")];
  }
  return evidence.negatedAllows.flatMap((allow) => allowBlocks(evidence, allow));
}
