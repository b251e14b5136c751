import { describe, expect, it } from "vitest";
import type { Finding } from "@/lib/checks/types";
import { hashBlob } from "./manifest";
import { planFindingIntervals, type OpenFindingInterval } from "./finding-intervals";

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    checkId: "keys.rotated",
    exercise: 6,
    resourceId: "arn:aws:iam::111122223333:user/alice#access_key_1",
    resourceType: "access_key",
    resourceName: "alice access_key_1",
    status: "fail",
    severity: "medium",
    evidence: { last_rotated: "2025-01-01T00:00:00Z" },
    reason: "Key is 326 days old",
    ...overrides,
  };
}

function openFrom(f: Finding, id: bigint): OpenFindingInterval {
  return {
    id,
    checkId: f.checkId,
    resourceId: f.resourceId,
    status: f.status,
    severity: f.severity,
    reason: f.reason,
    evidenceHash: hashBlob(f.evidence).hash,
  };
}

describe("planFindingIntervals", () => {
  it("leaves an interval whose result did not change untouched", () => {
    const f = finding();
    expect(planFindingIntervals([openFrom(f, 7n)], [finding()])).toMatchObject({ unchanged: [7n], close: [], insert: [] });
  });

  it("closes the interval of a resource that is no longer reported", () => {
    expect(planFindingIntervals([openFrom(finding(), 7n)], [])).toMatchObject({ unchanged: [], close: [7n], insert: [] });
  });

  it.each([
    ["status", { status: "pass" as const }],
    ["severity", { severity: "high" as const }],
    ["evidence", { evidence: { last_rotated: "2026-11-01T00:00:00Z" } }],
  ])("opens a new interval when the %s changes", (_, change) => {
    const plan = planFindingIntervals([openFrom(finding(), 7n)], [finding(change)]);
    expect(plan.unchanged).toEqual([]);
    expect(plan.close).toEqual([7n]);
    expect(plan.insert).toHaveLength(1);
    expect(plan.insert[0]!.finding).toMatchObject(change);
  });

  it("refreshes the reason in place when only the sentence changed", () => {
    const plan = planFindingIntervals([openFrom(finding(), 7n)], [finding({ reason: "Key is 327 days old" })]);
    expect(plan).toMatchObject({ unchanged: [7n], close: [], insert: [], reasonUpdates: [{ id: 7n, reason: "Key is 327 days old" }] });
  });

  it("opens intervals for new resources and stores each distinct evidence once", () => {
    const plan = planFindingIntervals(
      [],
      [finding(), finding({ resourceId: "arn:aws:iam::111122223333:user/bob#access_key_1" })],
    );
    expect(plan.insert).toHaveLength(2);
    expect(plan.evidenceBlobs).toHaveLength(1);
  });

  it("keeps one finding when a check reports a resource twice", () => {
    expect(planFindingIntervals([], [finding(), finding({ status: "pass" })]).insert).toHaveLength(1);
  });
});
