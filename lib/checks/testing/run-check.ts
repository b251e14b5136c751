import type { AccountSnapshot } from "@/lib/snapshot/schema";
import { DEFAULT_THRESHOLDS, type CheckDefinition, type Finding, type Thresholds } from "../types";

export function run(check: CheckDefinition, snapshot: AccountSnapshot, thresholds: Partial<Thresholds> = {}): Finding[] {
  return check.evaluate(snapshot, { ...DEFAULT_THRESHOLDS, ...thresholds });
}

/** `[resourceName, status]` pairs: the shape most tests assert on. */
export function statuses(findings: Finding[]): Array<[string, Finding["status"]]> {
  return findings.map((finding) => [finding.resourceName, finding.status]);
}

export function only(findings: Finding[]): Finding {
  if (findings.length !== 1) throw new Error(`expected exactly one finding, got ${findings.length}`);
  return findings[0] as Finding;
}
