/**
 * The check catalogue (CHECKS.md): every check, grouped into the ten exercises of the Cloud
 * Security Fitness Guide, and the one entry point that turns a snapshot into findings.
 */
import type { AccountSnapshot, PartKey } from "@/lib/snapshot/schema";
import { EXERCISE_01_CHECKS } from "./exercise-01";
import { EXERCISE_02_CHECKS } from "./exercise-02";
import { EXERCISE_03_CHECKS } from "./exercise-03";
import { EXERCISE_04_CHECKS } from "./exercise-04";
import { EXERCISE_05_CHECKS } from "./exercise-05";
import { EXERCISE_06_CHECKS } from "./exercise-06";
import { EXERCISE_07_CHECKS } from "./exercise-07";
import { EXERCISE_08_CHECKS } from "./exercise-08";
import { EXERCISE_09_CHECKS } from "./exercise-09";
import { EXERCISE_10_CHECKS } from "./exercise-10";
import { accountRootArn, makeFinding, sortFindings } from "./findings";
import type { CheckDefinition, Finding, Thresholds } from "./types";

export { EXERCISES, type Exercise } from "./exercises";

export const CHECKS: CheckDefinition[] = [
  ...EXERCISE_01_CHECKS,
  ...EXERCISE_02_CHECKS,
  ...EXERCISE_03_CHECKS,
  ...EXERCISE_04_CHECKS,
  ...EXERCISE_05_CHECKS,
  ...EXERCISE_06_CHECKS,
  ...EXERCISE_07_CHECKS,
  ...EXERCISE_08_CHECKS,
  ...EXERCISE_09_CHECKS,
  ...EXERCISE_10_CHECKS,
];

const CHECKS_BY_ID = new Map(CHECKS.map((check) => [check.id, check]));

export function getCheck(id: string): CheckDefinition | undefined {
  return CHECKS_BY_ID.get(id);
}

/** What one check found, and what it read to find it (bench:history reuses results whose inputs did not change). */
export interface CheckEvaluation {
  findings: Finding[];
  partsRead: Set<PartKey>;
  /** The check listed the parts (so any part may matter). */
  listedParts: boolean;
  /** The check read the snapshot's time (ages). */
  readCollectedAt: boolean;
}

/** A bug in one check must not cost the account its other findings; it shows as unknown instead. */
function evaluateCheck(check: CheckDefinition, snapshot: AccountSnapshot, thresholds: Thresholds): CheckEvaluation {
  const reading = trackReads(snapshot);
  try {
    const findings = withoutPassesOnIncompleteParts(check.evaluate(reading.snapshot, thresholds), reading.reads.partsRead, snapshot);
    return { findings, ...reading.reads };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const findings = [
      makeFinding(check, {
        resourceId: accountRootArn(snapshot.accountId),
        resourceType: "account",
        resourceName: snapshot.accountId,
        status: "unknown",
        evidence: { evaluationError: true },
        reason: `iamfit could not evaluate this check: ${message}.`,
      }),
    ];
    return { findings, ...reading.reads };
  }
}

/** The snapshot as a check sees it, recording which parts the check read and whether it read the time. */
function trackReads(snapshot: AccountSnapshot): { snapshot: AccountSnapshot; reads: Omit<CheckEvaluation, "findings"> } {
  const reads = { partsRead: new Set<PartKey>(), listedParts: false, readCollectedAt: false };
  const parts = new Proxy(snapshot.parts, {
    get(target, key, receiver) {
      if (typeof key === "string") reads.partsRead.add(key);
      return Reflect.get(target, key, receiver);
    },
    ownKeys(target) {
      reads.listedParts = true;
      return Reflect.ownKeys(target);
    },
  });
  const tracked: AccountSnapshot = {
    accountId: snapshot.accountId,
    regions: snapshot.regions,
    parts,
    get collectedAt() {
      reads.readCollectedAt = true;
      return snapshot.collectedAt;
    },
  };
  return { snapshot: tracked, reads };
}

/**
 * A part with entries left out (AWS answered them without what identifies them) still lets a
 * check fail what it can see, but never pass or call itself not applicable: the missing entry
 * could be the one that fails, or the group or policy that makes another entry fail.
 */
function withoutPassesOnIncompleteParts(findings: Finding[], partsRead: Set<PartKey>, snapshot: AccountSnapshot): Finding[] {
  const incomplete = [...partsRead].sort().flatMap((key) => {
    const part = snapshot.parts[key];
    return part?.status === "ok" && part.entryErrors?.length ? [{ key, errors: part.entryErrors }] : [];
  });
  if (incomplete.length === 0) return findings;
  const leftOut = incomplete.flatMap(({ key, errors }) => errors.map((error) => ({ part: key, api: error.api, code: error.code, message: error.message })));
  const described = leftOut.map((entry) => entry.message).slice(0, 3).join(" ");
  return findings.map((finding) =>
    finding.status === "pass" || finding.status === "not_applicable"
      ? {
          ...finding,
          status: "unknown",
          evidence: { judgedAs: finding.status, facts: finding.evidence, entriesLeftOut: leftOut },
          reason: `Cannot be judged while entries are missing from what AWS answered: ${described}`,
        }
      : finding,
  );
}

/**
 * All findings for one account snapshot, in catalogue order and then by resource id; at most
 * one finding per check and resource (storage keys finding intervals on that pair).
 */
export function evaluateSnapshot(snapshot: AccountSnapshot, thresholds: Thresholds): Finding[] {
  return evaluateChecks(CHECKS, snapshot, thresholds);
}

export function evaluateChecks(checks: CheckDefinition[], snapshot: AccountSnapshot, thresholds: Thresholds): Finding[] {
  return checks.flatMap((check) => evaluateOneCheck(check, snapshot, thresholds).findings);
}

/** One check's findings (at most one per resource, sorted), with what it read. */
export function evaluateOneCheck(check: CheckDefinition, snapshot: AccountSnapshot, thresholds: Thresholds): CheckEvaluation {
  const evaluation = evaluateCheck(check, snapshot, thresholds);
  const seen = new Set<string>();
  const unique = evaluation.findings.filter((finding) => {
    if (seen.has(finding.resourceId)) return false;
    seen.add(finding.resourceId);
    return true;
  });
  return { ...evaluation, findings: sortFindings(unique) };
}
