import { factsBlock, type EvidenceBlock, type FactRow } from "../../evidence/blocks";
import { credentialFacts } from "../../evidence/credential-report-facts";
import type { PrincipalsUnusedEvidence, UnusedUserEvidence } from "./evidence";

const LAST_USE_COLUMNS = ["password_last_used", "access_key_1_last_used_date", "access_key_2_last_used_date"] as const;

const isDate = (value: string | boolean) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value);

/** The facts the judgement rests on: the last uses when there are any, else the creation date. */
function judgedColumns(evidence: UnusedUserEvidence): Array<keyof UnusedUserEvidence> {
  const used = LAST_USE_COLUMNS.filter((column) => isDate(evidence[column]));
  return used.length > 0 ? used : ["user_creation_time"];
}

const day = (value: string) => value.slice(0, 10);

const usedWithin = (days: number): FactRow => ({ label: "Used within the last", value: `${days} days` });

export function describePrincipalsUnused(evidence: PrincipalsUnusedEvidence): EvidenceBlock[] {
  if ("user" in evidence) {
    if ("usedWithinDays" in evidence) return [factsBlock("Credential report", [...credentialFacts(evidence), usedWithin(evidence.usedWithinDays)])];
    return [factsBlock("Credential report", credentialFacts(evidence, judgedColumns(evidence)))];
  }
  const created: FactRow = { label: "Created", value: evidence.createDate === null ? "not reported by IAM" : day(evidence.createDate) };
  if ("usedWithinDays" in evidence) return [factsBlock("Role", [{ label: "Role", value: evidence.arn, verbatim: true }, created, usedWithin(evidence.usedWithinDays)])];
  return [
    factsBlock("Role", [
      { label: "Role", value: evidence.arn, verbatim: true },
      { ...created, mark: evidence.lastUsedDate === null },
      evidence.lastUsedDate === null
        ? { label: "Last used", value: "no recorded use (IAM tracks the last 400 days)", mark: true }
        : { label: "Last used", value: day(evidence.lastUsedDate), mark: true },
      evidence.lastUsedRegion !== null && { label: "Last used in", value: evidence.lastUsedRegion, verbatim: true },
    ]),
  ];
}
