import { prettyJsonLines, type JsonPath } from "@/lib/scorecard/json-lines";
import { factsBlock, noteBlock, type EvidenceBlock } from "../../evidence/blocks";
import { statementName, type MfaEnforcementEvidence, type MfaStatement } from "./evidence";

const BOOL = /^bool$/i;
const MFA_PRESENT = /^aws:multifactorauthpresent$/i;

/**
 * In a console-only Deny, what makes it fail is `Bool` on aws:MultiFactorAuthPresent: requests
 * signed with an access key carry no such key, so the condition never matches them.
 */
function consoleOnlyCondition(path: JsonPath, kind: "key" | "value"): boolean {
  if (kind !== "key" || path[0] !== "Condition") return false;
  if (path.length === 2) return BOOL.test(String(path[1]));
  return path.length === 3 && BOOL.test(String(path[1])) && MFA_PRESENT.test(String(path[2]));
}

function statementBlock(statement: MfaStatement, what: string, marked: boolean): EvidenceBlock {
  return {
    kind: "statement",
    title: `${statementName(statement)}: ${what}`,
    lines: prettyJsonLines(statement.statement, marked ? (path, kind) => consoleOnlyCondition(path, kind) : () => false),
    policyName: statement.policyName,
    attachedTo: [statement.attachedTo],
  };
}

function actionList(actions: string[], none: string): { value: string; verbatim: boolean } {
  return actions.length > 0 ? { value: actions.join(", "), verbatim: true } : { value: none, verbatim: false };
}

export function describeMfaEnforcement(evidence: MfaEnforcementEvidence): EvidenceBlock[] {
  if ("inAuthorizationDetails" in evidence) {
    return [
      factsBlock("Policies", [
        { label: "User", value: evidence.arn, verbatim: true },
        { label: "In the account's authorization details", value: "no, so the user's policies are unknown", mark: true },
      ]),
    ];
  }
  const withMfa = actionList(evidence.allowedWithMfa, "none of the everyday actions iamfit tries");
  const keyAlone = actionList(evidence.usableWithAccessKeyAlone, "none");
  const blocks: EvidenceBlock[] = [
    factsBlock("Requests without MFA", [
      { label: "User", value: evidence.arn, verbatim: true },
      { label: "Everyday actions allowed with MFA", ...withMfa },
      { label: "Still allowed with an access key alone", ...keyAlone, mark: evidence.usableWithAccessKeyAlone.length > 0 },
      evidence.unreadablePolicies.length > 0 && { label: "Policies that could not be read", value: evidence.unreadablePolicies.join(", "), verbatim: true, mark: true },
      { label: "Service control policies", value: evidence.serviceControlPoliciesNote },
    ]),
    ...evidence.deniedWithoutMfaBy.map((statement) => statementBlock(statement, "denies requests without MFA", false)),
    ...evidence.deniedOnlyInConsoleBy.map((statement) => statementBlock(statement, "denies console sessions without MFA only", true)),
  ];
  if (evidence.deniedOnlyInConsoleBy.length > 0) {
    blocks.push(
      noteBlock(
        "A Bool condition on aws:MultiFactorAuthPresent never matches a request signed with an access key alone, because such a request carries no MFA information at all; BoolIfExists does match it.",
        "Why the console-only Deny does not count",
      ),
    );
  }
  return blocks;
}
