/**
 * The trust a role gives outside its account: who, what each must present, and the trust
 * policy's statements as written, with the principals that may assume the role unprotected
 * marked (and `*`, NotPrincipal, wherever they appear).
 */
import { iamNameFromArn } from "@/lib/remediation/steps/target-names";
import { policyDocumentErrorInWords } from "../../evidence/policy-document-error";
import { factsBlock, noteBlock, statementBlock, type EvidenceBlock, type TableCell } from "../../evidence/blocks";
import { EVERYONE, principalProblem, type CrossAccountEvidence, type TrustedPrincipalEvidence } from "./evidence";

const ACCOUNT_ID = /^\d{12}$/;
const IAM_PRINCIPAL = /^arn:[a-z-]+:(?:iam|sts)::(\d{12}):(root|user\/|role\/|assumed-role\/)/;

/** Who a principal of a trust policy is, for a reader who does not parse ARNs. */
function principalInWords(principal: string): string {
  if (principal === EVERYONE) return "anyone, in any account";
  if (ACCOUNT_ID.test(principal)) return `account ${principal}: any of its users and roles its own policies allow`;
  const match = IAM_PRINCIPAL.exec(principal);
  if (!match) return "a principal in another account";
  const [, account, kind] = match;
  if (kind === "root") return `account ${account}: any of its users and roles its own policies allow`;
  if (kind === "user/") return `a user in account ${account}`;
  if (kind === "assumed-role/") return `a role session in account ${account}`;
  return `a role in account ${account}`;
}

const yesNo = (value: boolean, mark: boolean): TableCell => ({ text: value ? "yes" : "no", mark: mark && !value });

function trustedRow(principal: TrustedPrincipalEvidence): TableCell[] {
  const unprotected = principalProblem(principal) !== undefined;
  return [
    { text: principal.principal, verbatim: true, mark: unprotected },
    { text: principalInWords(principal.principal) },
    yesNo(principal.requiresExternalId, unprotected),
    yesNo(principal.requiresMfa, unprotected),
    yesNo(principal.restrictedByCondition, unprotected && principal.principal === EVERYONE),
  ];
}

export function describeCrossAccountTrust(evidence: CrossAccountEvidence): EvidenceBlock[] {
  const roleName = iamNameFromArn(evidence.arn) ?? evidence.arn;
  if ("error" in evidence) {
    return [
      factsBlock("Trust policy", [
        { label: "Role", value: evidence.arn, verbatim: true },
        { label: "Could not be read", value: policyDocumentErrorInWords("the trust policy", evidence.error.kind), mark: true },
        { label: "Details", value: evidence.error.message, verbatim: true },
      ]),
    ];
  }
  const unprotected = evidence.crossAccount.filter((principal) => principalProblem(principal) !== undefined).map((principal) => principal.principal);
  // A statement naming several outside principals is shown once.
  const statements = [...new Map(evidence.crossAccount.map((principal) => [principal.statement.index, principal.statement])).values()].sort((a, b) => a.index - b.index);
  return [
    {
      kind: "table",
      title: "Trusted from outside the account",
      columns: ["Principal", "Who that is", "ExternalId required", "MFA required", "Narrowed by a condition"],
      rows: evidence.crossAccount.map(trustedRow),
    },
    ...statements.map((statement) =>
      statementBlock({
        // The statement shows its own Sid; the title stays free of AWS's text.
        title: `Trust policy, statement ${statement.index + 1}`,
        statement: statement.statement,
        attachedTo: [roleName],
        marked: unprotected,
      }),
    ),
    ...(unprotected.length > 0
      ? [noteBlock("A safe statement names who may assume the role and adds a Condition that requires an ExternalId (third parties) or MFA (people); the marked principals have neither.")]
      : []),
  ];
}
