/**
 * Findings are stored as intervals of runs (DESIGN.md, "Scale"). An interval stays open while
 * runs see the same result for the same (check, resource), which costs no write at all; a change
 * of status, severity or evidence closes it and opens a new one, and a resource no longer
 * reported closes its interval. The reason sentence may mention an age ("key is 97 days old")
 * that moves every day without any change in AWS: it is refreshed in place instead.
 */
import type { Finding } from "@/lib/checks/types";
import type { FindingIntervalPlan, NewFindingInterval, OpenFindingInterval } from "@/lib/db/finding-interval-rows";
import { hashBlob, type HashedBlob } from "./manifest";

// The shapes lib/db reads and writes; the planning below is this folder's.
export type { FindingIntervalPlan, NewFindingInterval, OpenFindingInterval };

export function findingKey(checkId: string, resourceId: string): string {
  return `${checkId}\u0000${resourceId}`;
}

export function planFindingIntervals(open: OpenFindingInterval[], findings: Finding[]): FindingIntervalPlan {
  const openByKey = new Map(open.map((interval) => [findingKey(interval.checkId, interval.resourceId), interval]));
  const unchanged: bigint[] = [];
  const close: bigint[] = [];
  const reasonUpdates: Array<{ id: bigint; reason: string }> = [];
  const insert: NewFindingInterval[] = [];
  const evidenceBlobs = new Map<string, HashedBlob>();
  const seen = new Set<string>();
  for (const finding of findings) {
    const key = findingKey(finding.checkId, finding.resourceId);
    // A check reporting one resource twice is a bug in the check; keep the first, stay consistent.
    if (seen.has(key)) continue;
    seen.add(key);
    const evidence = hashBlob(finding.evidence);
    const previous = openByKey.get(key);
    if (
      previous &&
      previous.status === finding.status &&
      previous.severity === finding.severity &&
      previous.evidenceHash === evidence.hash
    ) {
      unchanged.push(previous.id);
      if (previous.reason !== finding.reason) reasonUpdates.push({ id: previous.id, reason: finding.reason });
    } else {
      if (previous) close.push(previous.id);
      evidenceBlobs.set(evidence.hash, evidence);
      insert.push({ finding, evidenceHash: evidence.hash });
    }
  }
  for (const [key, interval] of openByKey) {
    if (!seen.has(key)) close.push(interval.id);
  }
  return { unchanged, close, reasonUpdates, insert, evidenceBlobs: [...evidenceBlobs.values()] };
}
