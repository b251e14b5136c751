/**
 * bench:history evaluates a year of runs: 1.46 million account-runs at tens of milliseconds each
 * would take a day. Checks are pure functions of what they read, so a check whose parts are the
 * very same objects as at its last evaluation (sameInput), and which did not read the time, gives the same
 * findings again: those are reused, everything else is evaluated afresh. The result equals a full
 * evaluation (the bench's test checks it); only the work is saved.
 */
import { CHECKS, evaluateOneCheck, type CheckEvaluation } from "@/lib/checks/registry";
import type { Finding, Thresholds } from "@/lib/checks/types";
import { evaluationFromFindings } from "@/lib/collect/evaluate";
import type { AccountSnapshot, CredentialReport, PartResult } from "@/lib/snapshot/schema";

interface Remembered {
  evaluation: CheckEvaluation;
  /** The part objects the check read, by key (undefined when the part was absent). */
  inputs: Map<string, unknown>;
  parts: AccountSnapshot["parts"];
}

export type EvaluationMemory = Map<string, Remembered>;

/**
 * The same input: the same part object, or a credential report with the very same rows (a new
 * report is generated every run; no check reads when it was generated).
 */
function sameInput(key: string, before: unknown, now: unknown): boolean {
  if (before === now) return true;
  if (key !== "iam.credentialReport") return false;
  const rowsOf = (part: unknown) => {
    const result = part as PartResult<CredentialReport> | undefined;
    return result?.status === "ok" ? result.data.rows : undefined;
  };
  const rows = rowsOf(before);
  return rows !== undefined && rows === rowsOf(now);
}

function stillValid(remembered: Remembered, snapshot: AccountSnapshot): boolean {
  const { evaluation } = remembered;
  if (evaluation.readCollectedAt) return false;
  if (evaluation.listedParts) {
    const before = Object.keys(remembered.parts);
    const now = Object.keys(snapshot.parts);
    if (before.length !== now.length || now.some((key) => !sameInput(key, remembered.parts[key], snapshot.parts[key]))) return false;
  }
  for (const [key, value] of remembered.inputs) if (!sameInput(key, value, snapshot.parts[key])) return false;
  return true;
}

export function evaluateWithMemory(snapshot: AccountSnapshot, thresholds: Thresholds, memory: EvaluationMemory): ReturnType<typeof evaluationFromFindings> {
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    let remembered = memory.get(check.id);
    if (!remembered || !stillValid(remembered, snapshot)) {
      const evaluation = evaluateOneCheck(check, snapshot, thresholds);
      remembered = { evaluation, inputs: new Map([...evaluation.partsRead].map((key) => [key, snapshot.parts[key]])), parts: snapshot.parts };
      memory.set(check.id, remembered);
    }
    findings.push(...remembered.evaluation.findings);
  }
  return evaluationFromFindings(findings);
}
