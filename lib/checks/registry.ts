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

/** A bug in one check must not cost the account its other findings; it shows as unknown instead. */
function evaluateCheck(check: CheckDefinition, snapshot: AccountSnapshot, thresholds: Thresholds): Finding[] {
  try {
    const reading = trackPartsRead(snapshot);
    return withoutPassesOnIncompleteParts(check.evaluate(reading.snapshot, thresholds), reading.partsRead, snapshot);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [
      makeFinding(check, {
        resourceId: accountRootArn(snapshot.accountId),
        resourceType: "account",
        resourceName: snapshot.accountId,
        status: "unknown",
        evidence: { evaluationError: true },
        reason: `iamfit could not evaluate this check: ${message}.`,
      }),
    ];
  }
}

/** The snapshot as a check sees it, recording which parts the check read. */
function trackPartsRead(snapshot: AccountSnapshot): { snapshot: AccountSnapshot; partsRead: Set<PartKey> } {
  const partsRead = new Set<PartKey>();
  const parts = new Proxy(snapshot.parts, {
    get(target, key, receiver) {
      if (typeof key === "string") partsRead.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
  return { snapshot: { ...snapshot, parts }, partsRead };
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
  return checks.flatMap((check) => {
    const seen = new Set<string>();
    const unique = evaluateCheck(check, snapshot, thresholds).filter((finding) => {
      if (seen.has(finding.resourceId)) return false;
      seen.add(finding.resourceId);
      return true;
    });
    return sortFindings(unique);
  });
}
